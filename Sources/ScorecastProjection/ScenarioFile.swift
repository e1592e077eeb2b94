import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// Reads scenarios from a small CSV, one change a row.
///
/// Columns: `scenario,change,value` and optionally `from,years,population`. Rows with the
/// same `scenario` are applied together. `change` is one of
///
/// | change | value | also needs |
/// |---|---|---|
/// | `starts_pct` | % change to expected starts | `from` (`YYYY-MM`; empty = first projected month) |
/// | `exit_rate_pct` | % change to the monthly exit rate | `from` (as above) |
/// | `stock_cap` | the most children the stock may hold | — |
/// | `converge_rate_per_10k` | the target rate per 10,000 (e.g. the statistical neighbours') | `years`, `population` (aged 0–17) |
///
/// Scenarios come back in the order of their first row.
public enum ScenarioFile {
    /// The scenarios in the CSV at `path`.
    ///
    /// - Parameter firstProjected: the first projected period (the default for `from`).
    /// - Throws: ``DataError`` at the offending field for an unknown change, a non-numeric
    ///   value, a bad period, a missing `years`/`population`, or values a scenario cannot take.
    public static func read(path: String, firstProjected: Period) throws -> [Scenario] {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord() else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected: "expected a header row scenario,change,value[,from,years,population], found an empty file")
        }
        let header = csv.record.strings
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() { index[name] = position }
        for required in ["scenario", "change", "value"] where index[required] == nil {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected a column named '\(required)' in the header")
        }
        csv.expectedFieldCount = header.count
        var order: [String] = []
        var adjustments: [String: [Scenario.Adjustment]] = [:]
        while try csv.nextRecord() {
            let record = csv.record
            func field(_ name: String) -> String? {
                guard let position = index[name] else { return nil }
                let text = record.string(at: position)
                return text.isEmpty ? nil : text
            }
            func fail(_ name: String, _ expected: String) -> DataError {
                let position = index[name] ?? 0
                return DataError(file: csv.fileName, line: record.line(of: position), column: record.column(of: position), expected: expected)
            }
            func number(_ name: String) throws -> Double {
                guard index[name] != nil else {
                    throw DataError(
                        file: csv.fileName, line: record.endLine, column: record.endColumn,
                        expected: "expected a column '\(name)' for this change; the header has none")
                }
                guard let text = field(name) else { throw fail(name, "expected a number in column '\(name)', found nothing") }
                guard let value = CSVNumber.parse(text), value.isFinite else {
                    throw fail(name, "expected a number in column '\(name)', found \(DataError.quote(text))")
                }
                return value
            }
            func period(_ name: String) throws -> Period {
                guard let text = field(name) else { return firstProjected }
                guard let value = Period(parsing: text), value.frequency == firstProjected.frequency else {
                    throw fail(
                        name,
                        "expected a \(firstProjected.frequency) period like \(firstProjected) in column '\(name)', found \(DataError.quote(text))")
                }
                return value
            }
            guard let name = field("scenario") else { throw fail("scenario", "expected a scenario name, found nothing") }
            let change = field("change") ?? ""
            let adjustment: Scenario.Adjustment
            switch change {
            case "starts_pct": adjustment = .startsChange(percent: try number("value"), from: try period("from"))
            case "exit_rate_pct": adjustment = .exitRateChange(percent: try number("value"), from: try period("from"))
            case "stock_cap":
                let cap = try number("value")
                guard cap >= 0, cap == cap.rounded() else {
                    throw fail(
                        "value", "expected a whole number of children ≥ 0 for stock_cap, found \(DataError.quote(record.string(at: index["value"]!)))"
                    )
                }
                adjustment = .stockCap(maximum: Int(cap))
            case "converge_rate_per_10k":
                adjustment = .convergeToRate(ratePer10k: try number("value"), years: try number("years"), population: try number("population"))
            default:
                throw fail(
                    "change",
                    "expected one of starts_pct, exit_rate_pct, stock_cap, converge_rate_per_10k in column 'change', found \(DataError.quote(change))"
                )
            }
            if adjustments[name] == nil { order.append(name) }
            adjustments[name, default: []].append(adjustment)
            do {
                try Scenario(name: name, adjustments: [adjustment]).validate()
            } catch let error as ProjectionError {
                throw fail("value", error.description)
            }
        }
        return order.map { Scenario(name: $0, adjustments: adjustments[$0]!) }
    }
}
