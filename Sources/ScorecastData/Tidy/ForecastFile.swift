import ScorecastCore

/// A forecast CSV read for scoring: point forecasts and intervals per model and series.
///
/// Each row is one model's forecast of one series at one period (or step after the training
/// data). Rows may come in any order; every forecast period must lie after the series'
/// training data, and each model, series and period may appear once.
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
        let seriesIndex = try required(columns.series)
        let forecastIndex = try required(columns.forecast)
        let periodIndex = position(columns.period)
        let stepIndex = periodIndex == nil ? try required(columns.step) : nil
        let modelIndex = position(columns.model)
        let defaultModel = String(path.split(separator: "/").last ?? Substring(path))
        var result = ForecastFile()
        var intervalIndices: [(lower: Int, upper: Int)] = []
        for (index, name) in header.enumerated() where name.hasPrefix("lo_") {
            let levelText = String(name.dropFirst(3))
            if let level = CSVNumber.parse(levelText), level > 0, level < 100, let upper = position("hi_" + levelText) {
                result.levels.append(level)
                intervalIndices.append((index, upper))
            }
        }

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
                guard let period = Period(parsing: text), period.frequency == start.frequency else {
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
            let model = label ?? modelIndex.map { record.string(at: $0) } ?? defaultModel
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
                try number(forecastIndex), try intervalIndices.map { try number($0.lower) }, try intervalIndices.map { try number($0.upper) }
            )
            builders[model, default: [:]][name] = builder
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
