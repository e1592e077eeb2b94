import ScorecastCore

/// A CSV file with a header, read row by row by column name, for the small tidy files
/// (catalogue, comparators, commentary) whose rows are records rather than series.
///
/// Checks that the header names the required columns and that every row has as many fields
/// as the header; ``number(_:)`` and ``text(_:)`` read a field of the current row, and
/// ``error(_:_:)`` makes a ``DataError`` pointing at a field.
public final class CSVTable {
    /// The CSV underneath; ``CSVReader/record`` is the current row.
    public let csv: CSVReader
    /// The header as read.
    public let header: [String]
    private var positions: [String: Int] = [:]

    /// Reads the header of `csv` and checks that it names each of `required`.
    public init(csv: CSVReader, required: [String]) throws {
        self.csv = csv
        guard try csv.nextRecord() else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected: "expected a header row naming the columns \(required.joined(separator: ",")), found an empty file")
        }
        header = csv.record.strings
        for (index, name) in header.enumerated() where positions[name] == nil { positions[name] = index }
        for name in required where positions[name] == nil {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected: "expected a column named \(DataError.quote(name)) in the header, found \(header.joined(separator: ","))")
        }
        csv.expectedFieldCount = header.count
    }

    /// Opens the file at `path` and reads its header.
    public convenience init(path: String, required: [String]) throws {
        try self.init(csv: CSVReader(path: path), required: required)
    }

    /// Moves to the next row; `false` at the end.
    public func next() throws -> Bool { try csv.nextRecord() }

    /// Whether the header has `column`.
    public func has(_ column: String) -> Bool { positions[column] != nil }

    /// The text of `column` in the current row (`""` when the file has no such column).
    public func text(_ column: String) -> String {
        guard let index = positions[column] else { return "" }
        return csv.record.string(at: index)
    }

    /// The number in `column` of the current row, `nil` when the field is empty or absent.
    ///
    /// - Throws: ``DataError`` when the field is neither empty nor a number.
    public func number(_ column: String) throws -> Double? {
        guard let index = positions[column], !csv.record.isEmpty(at: index) else { return nil }
        guard let value = csv.record.withField(index, CSVNumber.parse) else {
            throw error(column, "expected a number in column \(DataError.quote(column)), found \(DataError.quote(text(column)))")
        }
        return value
    }

    /// A ``DataError`` at `column` of the current row.
    public func error(_ column: String, _ expected: String) -> DataError {
        let index = positions[column] ?? 0
        return DataError(file: csv.fileName, line: csv.record.line(of: index), column: csv.record.column(of: index), expected: expected)
    }
}
