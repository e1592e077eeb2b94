// Importing a DfE explore-education-statistics CSV: the largest vendored file,
// notebooks-data/ees/la_cla_placement_stability.csv (5,010 rows, 14 columns, a BOM), one
// indicator under one filter; read alone (EESReader) and the whole of `import-ees` (read, then
// rewrite the bundled data folder's 27,729-row indicators file and measures.csv).
// Run: cd Benchmarks && swift package benchmark --target EESImport
// Rows per second = 5,010 ÷ the time per iteration (quote CPU time on a loaded machine).
import Benchmark
import Foundation
import ScorecastComparators
import ScorecastData

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 20
    )
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent("notebooks-data/ees/la_cla_placement_stability.csv").path
    let bundled = root.appendingPathComponent("notebooks-data/dfe")
    let selection = EESSelection(
        valueColumn: "children_percent", numeratorColumn: nil, denominatorColumn: nil,
        filters: [.init(column: "placement_stability", value: "Living with the same carer for at least 2 years")],
        valueRange: 0...100)
    let changes = try! LACodeChanges(path: bundled.appendingPathComponent("la_code_changes.csv").path)

    Benchmark("EES read: la_cla_placement_stability.csv, 5,010 rows") { benchmark in
        for _ in benchmark.scaledIterations {
            let extract = try EESReader.read(path: file, selection: selection, codeChanges: changes)
            precondition(extract.rowsRead == 5_010)
            blackHole(extract.observations.count)
        }
    }

    Benchmark("import-ees: 5,010 EES rows into the bundled data folder (read + write)") { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecast-ees-benchmark-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: bundled, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let extract = try EESReader.read(path: file, selection: selection, codeChanges: changes)
            let summary = try MeasureImport.write(
                extract, as: Measure(name: "placement_stability_2y_pct", kind: .percentage, multiplier: 100, polarity: .higherIsBetter),
                sourceFile: "la_cla_placement_stability.csv", filters: "placement_stability=Living with the same carer for at least 2 years",
                folder: folder.path)
            blackHole(summary.rowsKept)
        }
    }
}
