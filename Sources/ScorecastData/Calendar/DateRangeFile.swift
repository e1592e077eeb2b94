import ScorecastCore

/// Reads CSV files of labelled date ranges: a council's school holidays (`start,end,kind`, for
/// `--term-dates`) and intervention events (`start,end,event`, for `--events`).
///
/// Dates are ISO `YYYY-MM-DD`, both ends inclusive. Columns may come in any order and other
/// columns are ignored. Every row must have a valid start, an end on or after it and a
/// non-empty label; otherwise a ``DataError`` names the line and column.
public enum DateRangeFile {
    /// One row: an inclusive date range with its label and line.
    public struct Row: Sendable, Equatable {
        public var start: CalendarDate
        public var end: CalendarDate
        public var label: String
        public var line: Int
    }

    /// The rows of the file at `path`, whose label is in column `labelColumn`.
    public static func read(path: String, labelColumn: String) throws -> [Row] {
        try read(csv: try CSVReader(path: path), labelColumn: labelColumn)
    }

    /// The rows of `text` (named `name` in errors).
    public static func read(text: String, name: String = "<text>", labelColumn: String) throws -> [Row] {
        try read(csv: CSVReader(text: text, name: name), labelColumn: labelColumn)
    }

    static func read(csv: CSVReader, labelColumn: String) throws -> [Row] {
        let expectedHeader = "start,end,\(labelColumn)"
        guard try csv.nextRecord() else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected a header row \(expectedHeader), found an empty file")
        }
        let header = csv.record.strings
        var indices: [Int] = []
        for name in ["start", "end", labelColumn] {
            guard let index = header.firstIndex(of: name) else {
                throw DataError(
                    file: csv.fileName, line: 1, column: 1,
                    expected:
                        "expected a column named '\(name)' in the header (\(expectedHeader)), found \(DataError.quote(header.joined(separator: ",")))"
                )
            }
            indices.append(index)
        }
        csv.expectedFieldCount = header.count
        var rows: [Row] = []
        while try csv.nextRecord() {
            let record = csv.record
            var dates: [CalendarDate] = []
            for index in indices.prefix(2) {
                let text = record.string(at: index)
                guard let date = CalendarDate(parsing: text) else {
                    throw DataError(
                        file: csv.fileName, line: record.line, column: record.column(of: index),
                        expected: "expected a date YYYY-MM-DD in column '\(header[index])', found \(DataError.quote(text))")
                }
                dates.append(date)
            }
            guard dates[1] >= dates[0] else {
                throw DataError(
                    file: csv.fileName, line: record.line, column: record.column(of: indices[1]),
                    expected: "expected an end on or after the start \(dates[0]), found \(dates[1])")
            }
            let label = record.string(at: indices[2])
            guard !label.isEmpty else {
                throw DataError(
                    file: csv.fileName, line: record.line, column: record.column(of: indices[2]),
                    expected: "expected a label in column '\(labelColumn)', found an empty field")
            }
            rows.append(Row(start: dates[0], end: dates[1], label: label, line: record.line))
        }
        return rows
    }

    /// A council's school calendar from a term-dates file (`start,end,kind`).
    public static func schoolCalendar(path: String) throws -> SchoolCalendar {
        SchoolCalendar(holidays: try read(path: path, labelColumn: "kind").map { SchoolHoliday(start: $0.start, end: $0.end, kind: $0.label) })
    }

    /// Intervention events from an events file (`start,end,event`).
    public static func events(path: String) throws -> [InterventionEvent] {
        try read(path: path, labelColumn: "event").map { InterventionEvent(name: $0.label, start: $0.start, end: $0.end) }
    }
}
