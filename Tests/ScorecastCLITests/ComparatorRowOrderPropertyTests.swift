import Foundation
import ScorecastNumerics
import Testing

/// Property: comparator tables do not depend on the order of the data's rows. The bundled DfE
/// indicators, population and neighbour files are copied with their rows shuffled (seeded),
/// and `compare` must write identical tables (ranks, quartile bands, neighbour summaries). The
/// measure catalogue is left in order: its order is the table's row order.
@Suite("Comparator row order")
struct ComparatorRowOrderPropertyTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/dfe")

    /// `folder`'s CSVs copied into `run`'s `name/` with every file's rows (after the header) in a
    /// seeded random order. The bundled files have no line breaks inside quoted fields.
    static func shuffledCopy(into run: CommandRun, name: String, seed: UInt64) throws {
        var generator = Xoshiro256StarStar(seed: seed)
        for file in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
            let text = try String(contentsOf: bundled.appendingPathComponent(file), encoding: .utf8)
            // measures.csv is the catalogue: its order is the table's row order, by design.
            guard file.hasSuffix(".csv"), file != "measures.csv" else {
                try run.write(name + "/" + file, text)
                continue
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            let header = lines.removeFirst()
            lines.shuffle(using: &generator)
            try run.write(name + "/" + file, ([header] + lines).joined(separator: "\n") + "\n")
        }
    }

    @Test func ranksDoNotDependOnRowOrder() throws {
        let run = try CommandRun()
        try run.run(["compare", "--la", "E06000045", "--year", "2021", "--data", Self.bundled.path, "--output", run.path("as-published.csv")])
        let expected = try run.read("as-published.csv")
        #expect(expected.contains("rank_england"))
        for seed in UInt64(1)...2 {
            try Self.shuffledCopy(into: run, name: "shuffled\(seed)", seed: seed)
            try run.run([
                "compare", "--la", "E06000045", "--year", "2021", "--data", run.path("shuffled\(seed)"), "--output", run.path("shuffled\(seed).csv"),
            ])
            #expect(Golden.firstDifference(try run.read("shuffled\(seed).csv"), expected) == nil, "seed \(seed)")
        }
    }
}
