import ScorecastCore

/// A forecast CSV read for scoring: point forecasts and intervals per model and series.
///
/// Each row is one model's forecast of one series at one period (or step after the training
/// data). Rows may come in any order; every forecast period must lie after the series'
/// training data, and each model, series and period may appear once. Periods may be dates
/// (`2021-01-01`, `31/01/2021`), each read as the period of the series' frequency containing it.
///
/// Three layouts are read:
/// - long, Scorecast's: a series column, a period (or step) column, an optional model column,
///   the point forecast column, and interval columns `lo_L,hi_L`;
/// - fable's, after `hilo()` and `unpack_hilo()`: `.model` and `.mean` stand for the model and
///   forecast columns when those are absent, intervals `L%_lower,L%_upper`;
/// - wide, statsforecast's `forecast()` or `cross_validation()` frame, recognised by
///   `unique_id` and `ds` columns when the series and period columns named are absent: every
///   other column is a model's point forecast (except `cutoff`, `y` and `index`), with
///   intervals `MODEL-lo-L,MODEL-hi-L`.
public struct ForecastFile: Sendable {
    /// The column names looked for.
    public struct Columns: Sendable {
        public var series: String, model: String, period: String, step: String, forecast: String

        public init(series: String, model: String, period: String, step: String, forecast: String) {
            self.series = series
            self.model = model
            self.period = period
            self.step = step
            self.forecast = forecast
        }
    }

    /// One model's forecast of one series, laid out from the period after the training data.
    public struct Entry: Sendable {
        public var series: String
        public var start: Period
        public var mean: [Double]
        /// Per level, in ``ForecastFile/levels`` order.
        public var lower: [[Double]]
        public var upper: [[Double]]
    }

    /// Interval levels found as `lo_L,hi_L` column pairs.
    public private(set) var levels: [Double] = []
    /// Models in order of first appearance.
    public private(set) var models: [String] = []
    private var entries: [String: [Entry]] = [:]

    public func entries(of model: String) -> [Entry] { entries[model] ?? [] }

    public static func read(path: String, columns: Columns, label: String? = nil, training: [String: TimeSeries]) throws -> ForecastFile {
        let csv = try CSVReader(path: path)
        let file = csv.fileName
        guard try csv.nextRecord() else {
            throw DataError(
                file: file, line: 1, column: 1,
                expected:
                    "expected a header naming the columns \(columns.series),\(columns.period) or \(columns.step),\(columns.forecast), found an empty file"
            )
        }
        let header = csv.record.strings
        csv.expectedFieldCount = header.count
        func position(_ name: String) -> Int? { header.firstIndex(of: name) }
        func required(_ name: String) throws -> Int {
            guard let index = position(name) else {
                throw DataError(
                    file: file, line: 1, column: 1,
                    expected: "expected a column named \(DataError.quote(name)) in the header, found \(header.joined(separator: ","))")
            }
            return index
        }
        let isWide = position(columns.series) == nil && position(columns.period) == nil && position("unique_id") != nil && position("ds") != nil
        let seriesIndex = try isWide ? required("unique_id") : required(columns.series)
        let periodIndex = isWide ? position("ds") : position(columns.period)
        let stepIndex = periodIndex == nil ? try required(columns.step) : nil
        let defaultModel = String(path.split(separator: "/").last ?? Substring(path))
        var result = ForecastFile()
        // The point forecast columns: one per model in the wide layout, else one.
        var modelColumns: [(name: String?, forecast: Int, intervals: [Double: (lower: Int, upper: Int)])] = []
        /// Interval column pairs named `prefix + L + infix` and `prefix' + L + infix'`.
        func intervals(lower: (String) -> String?, upper: (String) -> String) -> [Double: (lower: Int, upper: Int)] {
            var found: [Double: (lower: Int, upper: Int)] = [:]
            for (index, name) in header.enumerated() {
                guard let levelText = lower(name), let level = CSVNumber.parse(levelText), level > 0, level < 100,
                    let upperIndex = position(upper(levelText))
                else { continue }
                if found[level] == nil {
                    found[level] = (index, upperIndex)
                    if !result.levels.contains(level) { result.levels.append(level) }
                }
            }
            return found
        }
        func stripping(_ prefix: String, _ suffix: String) -> (String) -> String? {
            { name in
                name.hasPrefix(prefix) && name.hasSuffix(suffix) && name.count > prefix.count + suffix.count
                    ? String(name.dropFirst(prefix.count).dropLast(suffix.count)) : nil
            }
        }
        var modelIndex: Int?
        if isWide {
            let reserved: Set<String> = ["unique_id", "ds", "cutoff", "y", "index"]
            for (index, name) in header.enumerated() where !reserved.contains(name) && !name.contains("-lo-") && !name.contains("-hi-") {
                modelColumns.append(
                    (name, index, intervals(lower: stripping(name + "-lo-", ""), upper: { name + "-hi-" + $0 })))
            }
            guard !modelColumns.isEmpty else {
                throw DataError(
                    file: file, line: 1, column: 1,
                    expected: "expected a model's forecast column beside unique_id and ds, found \(header.joined(separator: ","))")
            }
        } else {
            let forecastIndex = try position(columns.forecast) ?? position(".mean") ?? required(columns.forecast)
            modelIndex = position(columns.model) ?? position(".model")
            var found = intervals(lower: stripping("lo_", ""), upper: { "hi_" + $0 })
            if found.isEmpty { found = intervals(lower: stripping("", "%_lower"), upper: { $0 + "%_upper" }) }
            modelColumns.append((nil, forecastIndex, found))
        }
        // statsforecast orders bounds widest lower first; report levels from the narrowest up.
        if isWide { result.levels.sort() }
        let levels = result.levels

        struct Builder {
            var start: Period
            var values: [Int: (mean: Double, lower: [Double], upper: [Double])] = [:]
            var order: Int
        }
        var builders: [String: [String: Builder]] = [:]
        var seriesCount = 0
        while try csv.nextRecord() {
            let record = csv.record
            func fail(_ index: Int, _ expected: String) -> DataError {
                DataError(file: file, line: record.line(of: index), column: record.column(of: index), expected: expected)
            }
            func number(_ index: Int) throws -> Double {
                if record.isEmpty(at: index) { return .nan }
                guard let value = record.withField(index, CSVNumber.parse) else {
                    throw fail(
                        index, "expected a number in column \(DataError.quote(header[index])), found \(DataError.quote(record.string(at: index)))")
                }
                return value
            }
            let name = record.string(at: seriesIndex)
            guard let trainingSeries = training[name] else {
                throw fail(seriesIndex, "expected a series that appears in the training file, found \(DataError.quote(name))")
            }
            let start = trainingSeries.end.advanced(by: 1)
            let offset: Int
            if let periodIndex {
                let text = record.string(at: periodIndex)
                let field = record.withField(periodIndex) { PeriodField(field: $0) }
                let period: Period?
                switch field {
                case .period(let given): period = given
                case .date(let monthOrdinal): period = Period(frequency: start.frequency, containingMonthOrdinal: monthOrdinal)
                case nil: period = nil
                }
                guard let period, period.frequency == start.frequency else {
                    throw fail(
                        periodIndex,
                        "expected a \(start.frequency) period YYYY-MM, YYYY-Qn or YYYY in column \(DataError.quote(header[periodIndex])), found \(DataError.quote(text))"
                    )
                }
                offset = start.distance(to: period)
                guard offset >= 0 else {
                    throw fail(
                        periodIndex,
                        "expected a period after the training data of \(DataError.quote(name)) ends (\(trainingSeries.end)), found \(text)")
                }
            } else {
                let index = stepIndex!
                let text = record.string(at: index)
                guard let step = Int(text), step >= 1 else {
                    throw fail(index, "expected a step 1, 2, ... in column \(DataError.quote(header[index])), found \(DataError.quote(text))")
                }
                offset = step - 1
            }
            for column in modelColumns {
                let model = label ?? column.name ?? modelIndex.map { record.string(at: $0) } ?? defaultModel
                if builders[model] == nil { result.models.append(model) }
                var builder = builders[model, default: [:]][name] ?? Builder(start: start, order: seriesCount)
                if builders[model]?[name] == nil { seriesCount += 1 }
                guard builder.values[offset] == nil else {
                    throw fail(
                        periodIndex ?? stepIndex!,
                        "expected each period once per model and series, found \(start.advanced(by: offset)) of \(DataError.quote(name)) (\(model)) again"
                    )
                }
                builder.values[offset] = (
                    try number(column.forecast), try levels.map { try column.intervals[$0].map { try number($0.lower) } ?? .nan },
                    try levels.map { try column.intervals[$0].map { try number($0.upper) } ?? .nan }
                )
                builders[model, default: [:]][name] = builder
            }
        }
        for model in result.models {
            result.entries[model] = builders[model]!.sorted { $0.value.order < $1.value.order }.map { name, builder in
                let horizon = (builder.values.keys.max() ?? -1) + 1
                var entry = Entry(
                    series: name, start: builder.start, mean: [Double](repeating: .nan, count: horizon),
                    lower: result.levels.map { _ in [Double](repeating: .nan, count: horizon) },
                    upper: result.levels.map { _ in [Double](repeating: .nan, count: horizon) })
                for (offset, value) in builder.values {
                    entry.mean[offset] = value.mean
                    for level in result.levels.indices {
                        entry.lower[level][offset] = value.lower[level]
                        entry.upper[level][offset] = value.upper[level]
                    }
                }
                return entry
            }
        }
        return result
    }
}
