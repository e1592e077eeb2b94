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
/// | `placement_shift_pct` | % (0–100) of new placements in `from_placement` made in `to_placement` instead | `from_placement`, `to_placement`, `from` |
///
/// A projection states which changes it takes (`changes`); `placement_shift_pct` needs the
/// placement categories of a 903 projection. Scenarios come back in the order of their first row.
public enum ScenarioFile {
    /// The scenarios in the CSV at `path`.
    ///
    /// The changes of `scorecast project` (an aggregate stock-flow projection).
    public static let stockFlowChanges = ["starts_pct", "exit_rate_pct", "stock_cap", "converge_rate_per_10k"]
    /// The changes of `scorecast project-903` (by age band and placement).
    public static let lookedAfterChanges = ["starts_pct", "exit_rate_pct", "placement_shift_pct"]

    /// The scenarios in the CSV at `path`.
    ///
    /// - Parameters:
    ///   - firstProjected: the first projected period (the default for `from`).
    ///   - changes: the changes the projection takes; any other is an error at its field.
    ///   - placements: the placement categories `from_placement`/`to_placement` may name.
    /// - Throws: ``DataError`` at the offending field for an unknown change, a non-numeric
    ///   value, a bad period, a missing `years`/`population`, an unknown placement, or values a
    ///   scenario cannot take.
    public static func read(
        path: String, firstProjected: Period, changes: [String] = stockFlowChanges, placements: [String] = []
    ) throws -> [Scenario] {
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
            func placement(_ name: String) throws -> String {
                guard index[name] != nil else {
                    throw DataError(
                        file: csv.fileName, line: record.endLine, column: record.endColumn,
                        expected: "expected a column '\(name)' for this change; the header has none")
                }
                let text = field(name) ?? ""
                guard placements.contains(text) else {
                    throw fail(name, "expected one of \(placements.joined(separator: ", ")) in column '\(name)', found \(DataError.quote(text))")
                }
                return text
            }
            let change = field("change") ?? ""
            guard changes.contains(change) else {
                throw fail("change", "expected one of \(changes.joined(separator: ", ")) in column 'change', found \(DataError.quote(change))")
            }
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
            case "placement_shift_pct":
                adjustment = .placementShift(
                    percent: try number("value"), from: try period("from"), fromPlacement: try placement("from_placement"),
                    toPlacement: try placement("to_placement"))
            default:
                preconditionFailure("the change \(change) is accepted but not read")
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
