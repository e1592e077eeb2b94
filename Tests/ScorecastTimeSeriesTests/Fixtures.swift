import Foundation
import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

/// Reads the reference fixtures in `Fixtures/` (made by `scripts/fixtures/*.R`): plain CSV
/// with a header, no quoted fields, an empty field for NA.
enum Fixture {
    static func rows(_ name: String) throws -> [[String: String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    /// A number field: empty (R's NA) is NaN.
    static func number(_ text: String?) -> Double {
        guard let text, !text.isEmpty else { return .nan }
        return Double(text)!
    }

    /// The M3 training series the R script used, by name.
    static func m3Series() throws -> [String: TimeSeries] {
        try series(from: rows("m3-series"))
    }

    /// The M3 test periods of the chosen series, by name.
    static func m3Actuals() throws -> [String: TimeSeries] {
        try series(from: rows("m3-actuals"))
    }

    private static func series(from rows: [[String: String]]) throws -> [String: TimeSeries] {
        var grouped: [String: [(period: Period, value: Double)]] = [:]
        var order: [String] = []
        for row in rows {
            let name = row["series"]!
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append((try #require(Period(parsing: row["period"]!)), number(row["value"])))
        }
        return try grouped.mapValues { try TimeSeries(name: "", observations: $0) }
            .reduce(into: [:]) { result, element in
                result[element.key] = TimeSeries(name: element.key, start: element.value.start, values: element.value.values)
            }
    }
}

/// Whether `actual` is within `relative` of `expected` (or within `relative` absolutely when
/// `expected` is near zero); two NaNs agree.
func isClose(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= relative * max(1, abs(expected))
}
