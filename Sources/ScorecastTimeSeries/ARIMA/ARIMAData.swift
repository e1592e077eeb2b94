/// A series prepared for ARIMA estimation: values with interior gaps filled, and the notes
/// that say so.
struct ARIMAData: Sendable {
    /// The series as given.
    let series: TimeSeries
    /// The values used for estimation (missing values linearly interpolated).
    let values: [Double]
    /// The seasonal period m.
    let period: Int
    /// What preparation did to the data, in plain words.
    let notes: [String]

    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` with fewer than two observations.
    init(_ series: TimeSeries) throws {
        guard series.observedCount >= 2 else {
            throw TimeSeriesError.tooShort(series: series.name, needed: 2, got: series.observedCount)
        }
        self.series = series
        self.period = series.seasonalPeriod
        if series.hasMissingValues {
            values = ARIMAData.interpolated(series.values)
            let missing = series.count - series.observedCount
            notes = ["\(missing) missing value\(missing == 1 ? "" : "s") filled by linear interpolation before fitting"]
        } else {
            values = series.values
            notes = []
        }
    }

    /// `values` with each run of `NaN` replaced by the straight line between its observed
    /// neighbours (the nearest observed value at either end).
    static func interpolated(_ values: [Double]) -> [Double] {
        var result = values
        let observed = values.indices.filter { !values[$0].isNaN }
        guard let first = observed.first, let last = observed.last else { return values }
        for index in 0..<first { result[index] = values[first] }
        for index in (last + 1)..<values.count { result[index] = values[last] }
        for (left, right) in zip(observed, observed.dropFirst()) where right > left + 1 {
            let step = (values[right] - values[left]) / Double(right - left)
            for index in (left + 1)..<right { result[index] = values[left] + step * Double(index - left) }
        }
        return result
    }
}
