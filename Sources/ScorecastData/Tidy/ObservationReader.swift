import ScorecastCore

/// Reads the tidy observations format into series, one group at a time or all at once.
///
/// The format is CSV with a header naming at least the series, period and value columns
/// (``ObservationColumns``; other columns are allowed and ignored). A header with
/// statsforecast's `unique_id,ds,y` and without `series,period,value` is read with those
/// names when the standard ones were asked for. Each row is one observation. Rules, each
/// enforced with a ``DataError`` at the offending field:
/// - the file has a header and at least one row;
/// - a period is `YYYY-MM`, `YYYY-Qn` or `YYYY`, and all periods of one series share a
///   frequency; or every row of a series has a date (`YYYY-MM-DD`, `DD/MM/YYYY`:
///   ``PeriodField``), mapped to the month, quarter or year containing it: at
///   ``dateFrequency`` when set, else at the frequency the series' dates imply
///   (``Frequency/inferred(fromMonthOrdinals:)``);
/// - a value, numerator or denominator is a decimal number or empty; an empty value needs a
///   status (why it is missing) and becomes `NaN`;
/// - a series has each period at most once.
///
/// Periods need not be sorted; gaps become `NaN` on the series' calendar grid.
///
/// **Row order.** Rows may come in any order; series come out in order of first appearance,
/// the same series whatever the order. Grouping is this reader's job, in one place:
/// - ``init(path:columns:)`` and ``init(text:name:columns:)`` first scan the series column
///   (``RowOrder/scan(_:seriesColumn:)``, O(rows), one `String` per change of series). When
///   each series' rows are together (the order every tidy export uses), ``nextSeries()``
///   streams: it returns each series as soon as its rows end, so a command can fit and write
///   the first series before the file has been read to the end, in memory bounded by the
///   largest series. When rows are interleaved (a month-by-month export: A, B, A, B),
///   ``nextSeries()`` reads every series into memory (``readAll()``) and hands them out in
///   order of first appearance. Standard input is read into memory first so it can be scanned.
/// - ``init(csv:columns:rowOrder:)`` over a reader that cannot be read twice takes the order
///   on trust; told ``RowOrder/grouped``, it reports a series whose rows are split.
///
/// Complexity: O(rows + total span of the series' grids); one `String` per series, none per row.
/// Interleaved input holds every series in memory: measured, about 70 bytes a row at the peak
/// (1,000,000 rows: 100 MB resident against 34 MB streamed; README, "Tidy CSV formats").
public final class ObservationReader {
    /// The CSV underneath.
    public let csv: CSVReader
    /// The column names looked for (statsforecast's when the file has those instead of the
    /// standard ones).
    public private(set) var columns: ObservationColumns
    /// Whether each series' rows are together: then ``nextSeries()`` streams.
    public let rowOrder: RowOrder
    /// How many series the input holds, when it was scanned first (for progress reports).
    public let seriesCount: Int?
    /// The frequency dates are mapped to; `nil` infers it per series from its dates.
    public var dateFrequency: Frequency?
    /// Per series, the frequency its dates are mapped to, before ``dateFrequency`` (actuals
    /// read at the frequency of the training data they are compared with).
    public var dateFrequencyBySeries: [String: Frequency] = [:]
    /// The series whose values are percentages: a value outside [0, 100] in one of them is a
    /// ``DataError`` at its field, or with ``allowsOutOfRange`` a warning in ``warnings``.
    public var percentSeries: Set<String> = []
    /// Whether a percentage outside [0, 100] is kept (and warned about) rather than refused.
    public var allowsOutOfRange = false
    /// What was accepted but doubtful (percentages out of range with ``allowsOutOfRange``),
    /// in the order read, each at its field.
    public private(set) var warnings: [DataError] = []
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
    /// Interleaved input, read whole, in reverse order of first appearance (popped from the end).
    private var grouped: [ObservedSeries]?

    /// Reads the header of `csv` and checks that it names the required columns. With
    /// `rowOrder` ``RowOrder/interleaved``, ``nextSeries()`` reads the whole input first.
    ///
    /// - Throws: ``DataError`` for an empty file or a header without the required columns.
    public init(csv: CSVReader, columns: ObservationColumns = .standard, rowOrder: RowOrder = .grouped, seriesCount: Int? = nil) throws {
        self.csv = csv
        self.columns = columns
        self.rowOrder = rowOrder
        self.seriesCount = seriesCount
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
        if columns == .standard, positions[columns.series] == nil, positions[columns.period] == nil, positions[columns.value] == nil {
            let other = ObservationColumns.statsforecast
            if positions[other.series] != nil && positions[other.period] != nil && positions[other.value] != nil {
                self.columns = ObservationColumns(
                    series: other.series, period: other.period, value: other.value, numerator: columns.numerator,
                    denominator: columns.denominator, status: columns.status)
            }
        }
        let columns = self.columns
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

    /// Opens the file at `path` (`-` for standard input, read into memory first), scans it for
    /// its row order and reads its header.
    ///
    /// - Throws: ``FileError`` when it cannot be read; ``DataError`` for a bad header.
    public convenience init(path: String, columns: ObservationColumns = .standard) throws {
        if path == "-" {
            let bytes = try ByteSource(path: path).readAll()
            let scan = RowOrder.scan(CSVReader(source: ByteSource(bytes: bytes, name: "<stdin>")), columns: columns)
            try self.init(
                csv: CSVReader(source: ByteSource(bytes: bytes, name: "<stdin>")), columns: columns, rowOrder: scan.order,
                seriesCount: scan.seriesCount)
        } else {
            let scan = RowOrder.scan(try CSVReader(path: path), columns: columns)
            try self.init(csv: CSVReader(path: path), columns: columns, rowOrder: scan.order, seriesCount: scan.seriesCount)
        }
    }

    /// Reads `text` (for tests and small inputs), named `name` in error messages.
    public convenience init(text: String, name: String = "<text>", columns: ObservationColumns = .standard) throws {
        let scan = RowOrder.scan(CSVReader(text: text, name: name), columns: columns)
        try self.init(csv: CSVReader(text: text, name: name), columns: columns, rowOrder: scan.order, seriesCount: scan.seriesCount)
    }

    /// The next series, once its last row has been read; `nil` after the last. Series come
    /// in order of first appearance whatever the row order (see the type's discussion).
    ///
    /// - Throws: ``DataError`` for a bad row, or when a series' rows are not together in input
    ///   said to be ``RowOrder/grouped``.
    public func nextSeries() throws -> ObservedSeries? {
        if rowOrder == .interleaved {
            if grouped == nil { grouped = try readAll().reversed() }
            return grouped!.popLast()
        }
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
            return try builder.build(fileName: csv.fileName, dateFrequency: dateFrequencyBySeries[builder.name] ?? dateFrequency)
        }
        guard let finished = current else { return nil }
        current = nil
        return try finished.build(fileName: csv.fileName, dateFrequency: dateFrequencyBySeries[finished.name] ?? dateFrequency)
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
        var builder = SeriesBuilder(
            name: name, firstLine: csv.record.line, keepsExtras: hasNumerator || hasDenominator || hasStatus, isPercent: percentSeries.contains(name))
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
                    builders.append(
                        SeriesBuilder(
                            name: name, firstLine: csv.record.line, keepsExtras: hasNumerator || hasDenominator || hasStatus,
                            isPercent: percentSeries.contains(name)))
                }
                currentNameBytes = Array(name.utf8)
            }
            try appendRow(to: &builders[currentIndex])
        }
        atEnd = true
        if rowsRead == 0 { throw emptyError() }
        return try builders.map { try $0.build(fileName: csv.fileName, dateFrequency: dateFrequencyBySeries[$0.name] ?? dateFrequency) }
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
        guard let field = record.withField(periodIndex, { PeriodField(field: $0) }) else {
            throw fieldError(
                periodIndex,
                "expected a period YYYY-MM, YYYY-Qn or YYYY, or a date YYYY-MM-DD or DD/MM/YYYY, in column \(DataError.quote(columns.period)), found \(DataError.quote(record.string(at: periodIndex)))"
            )
        }
        let ordinal: Int
        let frequency: Frequency?
        switch field {
        case .period(let period):
            if builder.isDated {
                throw fieldError(
                    periodIndex,
                    "expected a date as on line \(builder.firstLine) of series \(DataError.quote(builder.name)), found the period \(DataError.quote(record.string(at: periodIndex)))"
                )
            }
            if let seriesFrequency = builder.frequency, seriesFrequency != period.frequency {
                throw fieldError(
                    periodIndex,
                    "expected a \(seriesFrequency) period as on line \(builder.firstLine) of series \(DataError.quote(builder.name)), found \(DataError.quote(record.string(at: periodIndex))) (\(period.frequency))"
                )
            }
            (ordinal, frequency) = (period.ordinal, period.frequency)
        case .date(let monthOrdinal):
            if builder.frequency != nil {
                throw fieldError(
                    periodIndex,
                    "expected a period as on line \(builder.firstLine) of series \(DataError.quote(builder.name)), found the date \(DataError.quote(record.string(at: periodIndex)))"
                )
            }
            (ordinal, frequency) = (monthOrdinal, nil)
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
            if builder.isPercent && !(0...100).contains(value) {
                let problem = fieldError(
                    valueIndex,
                    "expected a percentage from 0 to 100 in column \(DataError.quote(columns.value)) (series \(DataError.quote(builder.name)) is a percentage), found \(DataError.quote(record.string(at: valueIndex)))"
                        + (allowsOutOfRange ? "; kept (--allow-out-of-range)" : "; --allow-out-of-range keeps it"))
                guard allowsOutOfRange else { throw problem }
                warnings.append(problem)
            }
        }
        builder.append(
            ordinal: ordinal, frequency: frequency, value: value,
            numerator: try number(record, numeratorIndex, column: columns.numerator),
            denominator: try number(record, denominatorIndex, column: columns.denominator),
            status: status, line: record.line(of: periodIndex), column: record.column(of: periodIndex))
    }
}

/// The rows of one series as read, before they are laid on the calendar grid.
private struct SeriesBuilder {
    let name: String
    let firstLine: Int
    /// The periods' frequency; `nil` for a series of dates (mapped when built).
    var frequency: Frequency?
    /// Whether the rows hold dates: then `ordinals` are month ordinals.
    var isDated = false
    var ordinals: [Int] = []
    var values: [Double] = []
    var numerators: [Double] = []
    var denominators: [Double] = []
    var statuses: [String?] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    /// Whether the file has the optional columns (when it has none, they are not stored per row).
    let keepsExtras: Bool
    /// Whether the values are percentages (checked to lie in [0, 100]).
    let isPercent: Bool

    init(name: String, firstLine: Int, keepsExtras: Bool, isPercent: Bool = false) {
        self.name = name
        self.firstLine = firstLine
        self.keepsExtras = keepsExtras
        self.isPercent = isPercent
    }

    var lastLine: Int { lines.last.map(Int.init) ?? firstLine }

    mutating func append(
        ordinal: Int, frequency: Frequency?, value: Double, numerator: Double, denominator: Double, status: String?, line: Int, column: Int
    ) {
        self.frequency = frequency
        self.isDated = frequency == nil
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

    /// Lays the rows on the grid from the earliest to the latest period (dates mapped to
    /// their period at `dateFrequency`, or the frequency they imply); checks duplicates.
    func build(fileName: String, dateFrequency: Frequency?) throws -> ObservedSeries {
        var ordinals = self.ordinals
        let frequency: Frequency
        if isDated {
            frequency = dateFrequency ?? Frequency.inferred(fromMonthOrdinals: ordinals)
            if frequency != .monthly {
                for index in ordinals.indices {
                    ordinals[index] = Period(frequency: frequency, containingMonthOrdinal: ordinals[index]).ordinal
                }
            }
        } else {
            guard let given = self.frequency else { preconditionFailure("a series builder always holds a row") }
            frequency = given
        }
        guard let first = ordinals.min(), let last = ordinals.max() else {
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
                        + (isDated ? "; dates are read as \(frequency) periods (--frequency sets it)" : "")
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

/// Whether each series' rows in an observations file are together.
public enum RowOrder: Sendable, Equatable {
    /// Every series' rows are consecutive: the reader can stream.
    case grouped
    /// Some series' rows are split by another's: the reader groups them in memory.
    case interleaved

    /// Scans the series column of `csv` (header first): whether each series' rows are
    /// together, and how many series there are. Says ``grouped`` with no count for input it
    /// cannot scan to the end (no such column, malformed CSV), leaving the error to the
    /// reading pass, which reports it at its line.
    ///
    /// Complexity: O(rows); compares each row's series field with the previous row's bytes
    /// and makes a `String` only where the series changes. Memory: one name per series.
    public static func scan(_ csv: CSVReader, columns: ObservationColumns) -> (order: RowOrder, seriesCount: Int?) {
        do {
            guard try csv.nextRecord() else { return (.grouped, nil) }
            let header = csv.record.strings
            guard let index = header.firstIndex(of: columns.series) ?? (columns == .standard ? header.firstIndex(of: "unique_id") : nil)
            else { return (.grouped, nil) }
            csv.expectedFieldCount = header.count
            var seen: Set<String> = []
            var order = RowOrder.grouped
            var currentBytes: [UInt8]?
            while try csv.nextRecord() {
                if let bytes = currentBytes, csv.withRecord({ $0.field(index, equals: bytes) }) { continue }
                let name = csv.record.string(at: index)
                if !seen.insert(name).inserted { order = .interleaved }
                currentBytes = Array(name.utf8)
            }
            return (order, seen.count)
        } catch {
            return (.grouped, nil)
        }
    }
}
