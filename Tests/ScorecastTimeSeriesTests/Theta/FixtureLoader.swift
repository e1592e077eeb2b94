import Foundation
import ScorecastCore
import ScorecastTimeSeries
import Testing

/// Reads the committed reference CSVs (plain comma-separated, header row, no quoting).
enum ThetaFixture {
    /// Rows of `name` (in Fixtures/) as dictionaries keyed by the header.
    static func rows(_ name: String) throws -> [[String: String]] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/theta/\(name)", withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        return lines.map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// The series in a `series,period,value` fixture, in file order.
    static func series(_ name: String) throws -> [TimeSeries] {
        var order = [String]()
        var observations = [String: [(period: Period, value: Double)]]()
        for row in try rows(name) {
            let id = row["series"]!
            if observations[id] == nil { order.append(id) }
            observations[id, default: []].append((try #require(Period(parsing: row["period"]!)), Double(row["value"]!)!))
        }
        return try order.map { try TimeSeries(name: $0, observations: observations[$0]!) }
    }
}
