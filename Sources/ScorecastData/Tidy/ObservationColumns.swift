import ScorecastCore

/// The column names of the tidy observations format.
///
/// The standard names are `series,period,value` and, optionally, `numerator,denominator,status`.
/// Other tools name them differently (statsforecast: `unique_id,ds,y`); map them here rather
/// than renaming the file's header.
public struct ObservationColumns: Sendable, Equatable, Hashable {
    /// The series' name (required).
    public var series: String
    /// The period, `YYYY-MM`, `YYYY-Qn` or `YYYY` (required).
    public var period: String
    /// The observed value; empty when missing, with a status saying why (required).
    public var value: String
    /// The count a rate or percentage was computed from (optional).
    public var numerator: String
    /// The population or total it was divided by (optional).
    public var denominator: String
    /// Why a value is missing or qualified: `not_published`, `tbc`, `not_applicable`, ... (optional).
    public var status: String

    public init(
        series: String = "series", period: String = "period", value: String = "value",
        numerator: String = "numerator", denominator: String = "denominator", status: String = "status"
    ) {
        self.series = series
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
    }

    /// `series,period,value,numerator,denominator,status`.
    public static let standard = ObservationColumns()
    /// statsforecast's long format, `unique_id,ds,y` (with `ds` written as a period).
    public static let statsforecast = ObservationColumns(series: "unique_id", period: "ds", value: "y")
}

/// One series read from the observations format, with its per-observation extras.
///
/// Every array is aligned with `series.values`: position `i` belongs to period
/// `series.start.advanced(by: i)`. A period with no row is a gap: `NaN` value, numerator and
/// denominator, `nil` status.
public struct ObservedSeries: Sendable {
    /// The values on their calendar grid (`NaN` where missing).
    public var series: TimeSeries
    /// Numerators (`NaN` where none was given).
    public var numerators: [Double]
    /// Denominators (`NaN` where none was given).
    public var denominators: [Double]
    /// Statuses (`nil` where none was given).
    public var statuses: [String?]
    /// The line of the series' first row in its file (for messages about the whole series).
    public var firstLine: Int

    public init(series: TimeSeries, numerators: [Double]? = nil, denominators: [Double]? = nil, statuses: [String?]? = nil, firstLine: Int = 0) {
        self.series = series
        self.numerators = numerators ?? Array(repeating: .nan, count: series.count)
        self.denominators = denominators ?? Array(repeating: .nan, count: series.count)
        self.statuses = statuses ?? Array(repeating: nil, count: series.count)
        self.firstLine = firstLine
        precondition(
            self.numerators.count == series.count && self.denominators.count == series.count && self.statuses.count == series.count,
            "extras must be aligned with the series' values")
    }

    /// The series' name.
    public var name: String { series.name }
}

extension Period {
    /// Parses the bytes of a CSV field as ``Period/init(parsing:)`` parses text, without
    /// making a `String` (the observations reader calls this once per row).
    init?(field bytes: UnsafeBufferPointer<UInt8>) {
        func digit(_ index: Int) -> Int? {
            let byte = bytes[index]
            return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
        }
        guard bytes.count == 4 || bytes.count == 7,
            let d0 = digit(0), let d1 = digit(1), let d2 = digit(2), let d3 = digit(3)
        else { return nil }
        let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3
        if bytes.count == 4 {
            self.init(year: year)
            return
        }
        guard bytes[4] == UInt8(ascii: "-") else { return nil }
        if bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q") {
            guard let quarter = digit(6), (1...4).contains(quarter) else { return nil }
            self.init(year: year, quarter: quarter)
        } else {
            guard let tens = digit(5), let units = digit(6), (1...12).contains(tens * 10 + units) else { return nil }
            self.init(year: year, month: tens * 10 + units)
        }
    }
}
