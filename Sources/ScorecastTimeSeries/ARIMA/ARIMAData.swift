import ScorecastCore

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
            values = series.interpolatedValues
            let missing = series.count - series.observedCount
            notes = ["\(missing) missing value\(missing == 1 ? "" : "s") filled by linear interpolation before fitting"]
        } else {
            values = series.values
            notes = []
        }
    }
}
