/// A regularly spaced series of observations with missing values.
///
/// Values sit on the calendar grid that starts at `start`; a missing observation is `NaN`
/// in `values`, never a shifted series. `TimeSeries` is a value type; many series are
/// held together as `[TimeSeries]` and fitted concurrently.
public struct TimeSeries: Sendable, Equatable {
    /// The series' name (its `series` column in the tidy CSV).
    public var name: String
    /// The period of `values[0]`.
    public var start: Period
    /// The observations; `NaN` marks a missing value.
    public var values: [Double]

    /// A series named `name` that starts at `start`.
    public init(name: String = "", start: Period, values: [Double]) {
        self.name = name
        self.start = start
        self.values = values
    }

    /// Observations per year, the seasonal period `m` (12 monthly, 4 quarterly, 1 annual).
    @inlinable public var seasonalPeriod: Int { start.frequency.periodsPerYear }

    /// The calendar of the series.
    @inlinable public var frequency: Frequency { start.frequency }

    /// Number of periods, missing ones included.
    @inlinable public var count: Int { values.count }

    /// The period of the last value (the one before `start` when the series is empty).
    public var end: Period { start.advanced(by: values.count - 1) }

    /// The period of every value, in order.
    public var periods: [Period] { (0..<values.count).map { start.advanced(by: $0) } }

    /// Number of values that are not missing.
    public var observedCount: Int { values.reduce(0) { $1.isNaN ? $0 : $0 + 1 } }

    /// Whether any value is missing.
    public var hasMissingValues: Bool { values.contains { $0.isNaN } }

    /// The value at `period`, `nil` when the period lies outside the series.
    public subscript(period: Period) -> Double? {
        let index = start.distance(to: period)
        return values.indices.contains(index) ? values[index] : nil
    }

    /// The first `count` values as a series with the same start.
    public func prefix(_ count: Int) -> TimeSeries {
        TimeSeries(name: name, start: start, values: Array(values.prefix(count)))
    }

    /// Builds a series from (period, value) pairs in any order: gaps become `NaN`.
    ///
    /// - Throws: ``TimeSeriesError/duplicatePeriod(series:period:)`` when a period appears twice,
    ///   ``TimeSeriesError/mixedFrequencies(series:)`` when periods are of different calendars,
    ///   ``TimeSeriesError/empty(series:)`` when there are no pairs.
    public init(name: String, observations: [(period: Period, value: Double)]) throws {
        guard let first = observations.first else { throw TimeSeriesError.empty(series: name) }
        guard observations.allSatisfy({ $0.period.frequency == first.period.frequency }) else {
            throw TimeSeriesError.mixedFrequencies(series: name)
        }
        let sorted = observations.sorted { $0.period.ordinal < $1.period.ordinal }
        let start = sorted[0].period
        var values = [Double](repeating: .nan, count: start.distance(to: sorted[sorted.count - 1].period) + 1)
        var previous: Period?
        for observation in sorted {
            if observation.period == previous {
                throw TimeSeriesError.duplicatePeriod(series: name, period: observation.period)
            }
            values[start.distance(to: observation.period)] = observation.value
            previous = observation.period
        }
        self.init(name: name, start: start, values: values)
    }
}
