import ArgumentParser
import Foundation
import Testing

@testable import ScorecastCLI
@testable import ScorecastData

/// Tidy CSV (`series,period,value`) of `series` monthly series `s0`, `s1`, … of `months`
/// months each from January `firstYear`, each value `value(series, month)` rounded.
func monthlyBatchText(series: Int, months: Int, firstYear: Int, value: (Int, Int) -> Double) -> String {
    var text = "series,period,value\n"
    for index in 0..<series {
        for month in 0..<months {
            text += "s\(index),\(firstYear + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(value(index, month).rounded())\n"
        }
    }
    return text
}

/// Runs `scorecast` in-process, with files in a fresh temporary directory.
struct CommandRun {
    let directory: String

    init() throws {
        directory = try TemporaryFolder(prefix: "scorecast-cli-test").path
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func contents(_ name: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(name))) ?? []).sorted()
    }

    /// Parses and runs `arguments` as the command line would.
    func run(_ arguments: [String]) throws {
        var command = try Scorecast.parseAsRoot(arguments)
        try command.run()
    }

    /// Runs `arguments` expecting a data error: returns the one line reported and the exit status.
    func failure(_ arguments: [String]) throws -> (message: String, status: Int32) {
        let command = try Scorecast.parseAsRoot(arguments)
        guard let scorecastCommand = command as? any ScorecastCommand else {
            Issue.record("not a ScorecastCommand")
            return ("", 0)
        }
        do {
            try scorecastCommand.execute()
        } catch {
            let status = (reportedFailure(error) as? ExitCode)?.rawValue ?? -1
            return (String(describing: error), status)
        }
        Issue.record("expected a failure from \(arguments)")
        return ("", 0)
    }
}

/// Golden CSV snapshots in Fixtures/golden. Set SCORECAST_UPDATE_GOLDEN=1 to rewrite them
/// from the current output (then review the diff before committing).
enum Golden {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["SCORECAST_UPDATE_GOLDEN"] == "1" {
            let url = sourceDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: fixture("golden/" + name), encoding: .utf8)
        if let difference = firstDifference(actual, expected) {
            Issue.record("output differs from golden/\(name): \(difference)", sourceLocation: sourceLocation)
        }
    }

    /// Relative tolerance for numbers in golden files. Results that go through LAPACK/BLAS can
    /// differ in the last bits between OpenBLAS builds and processors (a different kernel sums
    /// in a different order), so numbers agree to 1e-9 relative (1e-12 absolute near zero);
    /// everything else (headers, labels, row order, the number of rows and fields) exactly.
    static let relativeTolerance = 1e-9

    /// Where `actual` and `expected` differ beyond the tolerance, in words; `nil` when they agree.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        if actual == expected { return nil }
        let actualRows = rows(actual), expectedRows = rows(expected)
        guard actualRows.count == expectedRows.count else { return "\(actualRows.count) rows, expected \(expectedRows.count)" }
        for (line, (got, want)) in zip(actualRows, expectedRows).enumerated() {
            guard got.count == want.count else { return "line \(line + 1): \(got.count) fields, expected \(want.count)" }
            for (column, (a, b)) in zip(got, want).enumerated() where a != b {
                if let x = Double(a), let y = Double(b), abs(x - y) <= max(1e-12, relativeTolerance * max(abs(x), abs(y))) { continue }
                return "line \(line + 1), field \(column + 1): \(a), expected \(b)"
            }
        }
        return nil
    }

    /// The fields of each line of RFC 4180 `text` (quoted fields may hold commas, quotes and line breaks).
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], fields: [String] = [], field = "", quoted = false, any = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            any = true
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                fields.append(field)
                rows.append(fields)
                fields = []
                field = ""
                any = false
            } else {
                field.append(character)
            }
        }
        if any {
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }
}
