import ScorecastCore
import ScorecastData

/// Reads unit costs by placement type: `placement,share,cost_per_child_month`.
///
/// Shares are the fraction of the stock in each placement type (foster care, residential,
/// ...) and must add up to 1 (within 0.001); costs are per child per month.
public enum PlacementCostFile {
    /// The placements in the CSV at `path`, in file order.
    ///
    /// - Throws: ``DataError`` at the offending field.
    public static func read(path: String) throws -> [Consequences.Placement] {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord() else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1, expected: "expected a header row placement,share,cost_per_child_month, found an empty file")
        }
        guard csv.record.strings == ["placement", "share", "cost_per_child_month"] else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected:
                    "expected the header placement,share,cost_per_child_month, found \(DataError.quote(csv.record.strings.joined(separator: ",")))")
        }
        csv.expectedFieldCount = 3
        var placements: [Consequences.Placement] = []
        while try csv.nextRecord() {
            let record = csv.record
            func number(_ index: Int, _ name: String) throws -> Double {
                let text = record.string(at: index)
                guard let value = CSVNumber.parse(text), value.isFinite, value >= 0 else {
                    throw DataError(
                        file: csv.fileName, line: record.line(of: index), column: record.column(of: index),
                        expected: "expected a number ≥ 0 in column '\(name)', found \(DataError.quote(text))")
                }
                return value
            }
            placements.append(
                .init(
                    name: record.string(at: 0), share: try number(1, "share"),
                    costPerChildMonth: try number(2, "cost_per_child_month")))
        }
        let total = placements.reduce(0) { $0 + $1.share }
        guard !placements.isEmpty, abs(total - 1) <= 0.001 else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected: "expected placement shares adding up to 1, found a total of \(CSVNumber.format(total))")
        }
        return placements
    }
}
