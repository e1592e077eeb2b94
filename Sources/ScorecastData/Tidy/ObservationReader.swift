import ScorecastCore

/// Reads the tidy observations format into series, one group at a time or all at once.
///
/// The format is CSV with a header naming at least the series, period and value columns
/// (``ObservationColumns``; other columns are allowed and ignored). Each row is one
/// observation. Rules, each enforced with a ``DataError`` at the offending field:
/// - the file has a header and at least one row;
/// - a period is `YYYY-MM`, `YYYY-Qn` or `YYYY`, and all periods of one series share a frequency;
/// - a value, numerator or denominator is a decimal number or empty; an empty value needs a
///   status (why it is missing) and becomes `NaN`;
/// - a series has each period at most once.
///
/// Periods need not be sorted; gaps become `NaN` on the series' calendar grid.
///
/// **Streaming.** ``nextSeries()`` returns each series as soon as its rows end, so a command
/// can fit and write the first series before the file has been read to the end. It needs the
/// rows of a series to be together (the order every tidy export uses) and reports a series
/// whose rows are split. ``readAll()`` accepts rows in any order and returns the series in
/// order of first appearance.
///
/// Complexity: O(rows + total span of the series' grids); one `String` per series, none per row.
public final class ObservationReader {
    /// The CSV underneath.
    public let csv: CSVReader
    /// The column names looked for.
    public let columns: ObservationColumns
    /// The header as read.
    public private(set) var header: [String] = []
    /// Whether the file has each optional column.
    public private(set) var hasNumerator = false, hasDenominator = false, hasStatus = false

    private var seriesIndex = 0, periodIndex = 0, valueIndex = 0
    private var numeratorIndex = -1, denominatorIndex = -1, statusIndex = -1
    private var current: SeriesBuilder?
    private var currentNameBytes: [UInt8] = []
    private var finishedSeries: [String: Int] = [:]
    private var atEnd = false
    private var startsNewSeries = false
    private var rowsRead = 0

    /// Reads the header of `csv` and checks that it names the required columns.
    ///
    /// - Throws: ``DataError`` for an empty file or a header without the required columns.
    public init(csv: CSVReader, columns: ObservationColumns = .standard) throws {
        self.csv = csv
        self.columns = columns
        guard try csv.nextRecord() else {
            throw DataError(
                file: csv.fileName, line: 1, column: 1,
                expected: "expected a header row naming the columns \(columns.series),\(columns.period),\(columns.value), found an empty file")
        }
        header = csv.record.strings
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if positions[name] != nil {
                throw DataError(
                    file: csv.fileName, line: csv.record.line(of: index), column: csv.record.column(of: index),
                    expected: "expected each column name once in the header, found \(DataError.quote(name)) twice")
            }
            positions[name] = index
        }
        func required(_ name: String) throws -> Int {
            guard let index = positions[name] else {
                throw DataError(
                    file: csv.fileName, line: csv.record.line, column: 1,
                    expected: "expected a column named \(DataError.quote(name)) in the header, found \(header.joined(separator: ","))")
            }
            return index
        }
        seriesIndex = try required(columns.series)
        periodIndex = try required(columns.period)
        valueIndex = try required(columns.value)
        numeratorIndex = positions[columns.numerator] ?? -1
        denominatorIndex = positions[columns.denominator] ?? -1
        statusIndex = positions[columns.status] ?? -1
        hasNumerator = numeratorIndex >= 0
        hasDenominator = denominatorIndex >= 0
        hasStatus = statusIndex >= 0
        csv.expectedFieldCount = header.count
    }

    /// Opens the file at `path` (`-` for standard input) and reads its header.
    public convenience init(path: String, columns: ObservationColumns = .standard) throws {
        try self.init(csv: CSVReader(path: path), columns: columns)
    }

    /// Reads `text` (for tests and small inputs), named `name` in error messages.
    public convenience init(text: String, name: String = "<text>", columns: ObservationColumns = .standard) throws {
        try self.init(csv: CSVReader(text: text, name: name), columns: columns)
    }

    /// The next series, once its last row has been read; `nil` after the last.
    ///
    /// - Throws: ``DataError`` for a bad row, or when a series' rows are not together.
    public func nextSeries() throws -> ObservedSeries? {
        if startsNewSeries {
            // The row that ended the previous series is still in `csv.record`: it begins this one.
            startsNewSeries = false
            try beginSeries()
        }
        while !atEnd {
            guard try csv.nextRecord() else {
                atEnd = true
                if rowsRead == 0 { throw emptyError() }
                break
            }
            rowsRead += 1
            guard let builder = current else {
                try beginSeries()
                continue
            }
            if csv.withRecord({ $0.field(seriesIndex, equals: currentNameBytes) }) {
                try appendRow(to: &current!)
                continue
            }
            // A new series begins: hand out the finished one before reading the new row's
            // fields, so an error in that row does not hold back the series before it.
            startsNewSeries = true
            current = nil
            finishedSeries[builder.name] = builder.lastLine
            return try builder.build(fileName: csv.fileName)
        }
        guard let finished = current else { return nil }
        current = nil
        return try finished.build(fileName: csv.fileName)
    }

    /// Starts a series with the row in `csv.record`.
    private func beginSeries() throws {
        let name = try seriesName()
        if let endLine = finishedSeries[name] {
            throw DataError(
                file: csv.fileName, line: csv.record.line, column: csv.record.column(of: seriesIndex),
                expected:
                    "expected the rows of each series together, found series \(DataError.quote(name)) again after its rows ended at line \(endLine)")
        }
        var builder = SeriesBuilder(name: name, firstLine: csv.record.line, keepsExtras: hasNumerator || hasDenominator || hasStatus)
        try appendRow(to: &builder)
        current = builder
        currentNameBytes = Array(name.utf8)
    }

    /// Every series in the file, rows in any order, in order of first appearance.
    ///
    /// - Throws: ``DataError`` for a bad row.
    public func readAll() throws -> [ObservedSeries] {
        var builders: [SeriesBuilder] = []
        var indexByName: [String: Int] = [:]
        var currentIndex = -1
        while try csv.nextRecord() {
            rowsRead += 1
            if currentIndex < 0 || !csv.withRecord({ $0.field(seriesIndex, equals: currentNameBytes) }) {
                let name = try seriesName()
                if let index = indexByName[name] {
                    currentIndex = index
                } else {
                    currentIndex = builders.count
                    indexByName[name] = currentIndex
                    builders.append(SeriesBuilder(name: name, firstLine: csv.record.line, keepsExtras: hasNumerator || hasDenominator || hasStatus))
                }
                currentNameBytes = Array(name.utf8)
            }
            try appendRow(to: &builders[currentIndex])
        }
        atEnd = true
        if rowsRead == 0 { throw emptyError() }
        return try builders.map { try $0.build(fileName: csv.fileName) }
    }

    private func emptyError() -> DataError {
        DataError(
            file: csv.fileName, line: csv.record.line == 0 ? 2 : csv.record.line, column: 1,
            expected: "expected at least one observation row after the header")
    }

    private func location(_ index: Int) -> (line: Int, column: Int) {
        (csv.record.line(of: index), csv.record.column(of: index))
    }

    private func fieldError(_ index: Int, _ expected: String) -> DataError {
        let (line, column) = location(index)
        return DataError(file: csv.fileName, line: line, column: column, expected: expected)
    }

    private func seriesName() throws -> String {
        guard !csv.record.isEmpty(at: seriesIndex) else {
            throw fieldError(seriesIndex, "expected a series name in column \(DataError.quote(columns.series)), found an empty field")
        }
        return csv.record.string(at: seriesIndex)
    }

    private func number(_ record: CSVRecord, _ index: Int, column name: String) throws -> Double {
        if index < 0 || record.isEmpty(at: index) { return .nan }
        guard let value = record.withField(index, CSVNumber.parse) else {
            throw fieldError(index, "expected a number in column \(DataError.quote(name)), found \(DataError.quote(record.string(at: index)))")
        }
        return value
    }

    private func appendRow(to builder: inout SeriesBuilder) throws {
        try csv.withRecord { try appendRow($0, to: &builder) }
    }

    private func appendRow(_ record: CSVRecord, to builder: inout SeriesBuilder) throws {
        guard let period = record.withField(periodIndex, { Period(field: $0) }) else {
            throw fieldError(
                periodIndex,
                "expected a period YYYY-MM, YYYY-Qn or YYYY in column \(DataError.quote(columns.period)), found \(DataError.quote(record.string(at: periodIndex)))"
            )
        }
        if let frequency = builder.frequency, frequency != period.frequency {
            throw fieldError(
                periodIndex,
                "expected a \(frequency) period as on line \(builder.firstLine) of series \(DataError.quote(builder.name)), found \(DataError.quote(record.string(at: periodIndex))) (\(period.frequency))"
            )
        }
        let status: String? = statusIndex >= 0 && !record.isEmpty(at: statusIndex) ? record.string(at: statusIndex) : nil
        var value = Double.nan
        if record.isEmpty(at: valueIndex) {
            guard status != nil else {
                throw fieldError(
                    valueIndex,
                    "expected a number in column \(DataError.quote(columns.value)) (an empty value needs a \(DataError.quote(columns.status)) saying why it is missing)"
                )
            }
        } else {
            value = try number(record, valueIndex, column: columns.value)
            guard value.isFinite else {
                throw fieldError(
                    valueIndex,
                    "expected a finite number in column \(DataError.quote(columns.value)), found \(DataError.quote(record.string(at: valueIndex)))")
            }
        }
        builder.append(
            ordinal: period.ordinal, frequency: period.frequency, value: value,
            numerator: try number(record, numeratorIndex, column: columns.numerator),
            denominator: try number(record, denominatorIndex, column: columns.denominator),
            status: status, line: record.line(of: periodIndex), column: record.column(of: periodIndex))
    }
}

/// The rows of one series as read, before they are laid on the calendar grid.
private struct SeriesBuilder {
    let name: String
    let firstLine: Int
    var frequency: Frequency?
    var ordinals: [Int] = []
    var values: [Double] = []
    var numerators: [Double] = []
    var denominators: [Double] = []
    var statuses: [String?] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    /// Whether the file has the optional columns (when it has none, they are not stored per row).
    let keepsExtras: Bool

    init(name: String, firstLine: Int, keepsExtras: Bool) {
        self.name = name
        self.firstLine = firstLine
        self.keepsExtras = keepsExtras
    }

    var lastLine: Int { lines.last.map(Int.init) ?? firstLine }

    mutating func append(
        ordinal: Int, frequency: Frequency, value: Double, numerator: Double, denominator: Double, status: String?, line: Int, column: Int
    ) {
        self.frequency = frequency
        ordinals.append(ordinal)
        values.append(value)
        if keepsExtras {
            numerators.append(numerator)
            denominators.append(denominator)
            statuses.append(status)
        }
        lines.append(Int32(clamping: line))
        columns.append(Int32(clamping: column))
    }

    /// Lays the rows on the grid from the earliest to the latest period; checks duplicates.
    func build(fileName: String) throws -> ObservedSeries {
        guard let frequency, let first = ordinals.min(), let last = ordinals.max() else {
            preconditionFailure("a series builder always holds a row")
        }
        let span = last - first + 1
        var rowAt = [Int32](repeating: -1, count: span)
        var gridValues = [Double](repeating: .nan, count: span)
        var gridNumerators = [Double](repeating: .nan, count: span)
        var gridDenominators = [Double](repeating: .nan, count: span)
        var gridStatuses = [String?](repeating: nil, count: span)
        for row in ordinals.indices {
            let slot = ordinals[row] - first
            if rowAt[slot] >= 0 {
                let period = Period(frequency: frequency, ordinal: ordinals[row])
                throw DataError(
                    file: fileName, line: Int(lines[row]), column: Int(columns[row]),
                    expected:
                        "expected each period once per series, found \(period) of series \(DataError.quote(name)) again (first on line \(lines[Int(rowAt[slot])]))"
                )
            }
            rowAt[slot] = Int32(row)
            gridValues[slot] = values[row]
            if keepsExtras {
                gridNumerators[slot] = numerators[row]
                gridDenominators[slot] = denominators[row]
                gridStatuses[slot] = statuses[row]
            }
        }
        let series = TimeSeries(name: name, start: Period(frequency: frequency, ordinal: first), values: gridValues)
        return ObservedSeries(
            series: series, numerators: gridNumerators, denominators: gridDenominators, statuses: gridStatuses, firstLine: firstLine)
    }
}
