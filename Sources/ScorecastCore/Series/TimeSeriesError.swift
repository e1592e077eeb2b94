/// Why a series could not be built, fitted or forecast: bad data, named by the series.
public enum TimeSeriesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The series has no observations.
    case empty(series: String)
    /// The same period appears twice in one series.
    case duplicatePeriod(series: String, period: Period)
    /// Periods of different calendars (e.g. `2021-08` and `2021-Q3`) in one series.
    case mixedFrequencies(series: String)
    /// The model needs more observations than the series has.
    case tooShort(series: String, needed: Int, got: Int)
    /// The model cannot be fitted to this series, with the reason.
    case unsuitable(series: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let series): "series '\(series)' has no observations"
        case .duplicatePeriod(let series, let period): "series '\(series)' has period \(period) twice"
        case .mixedFrequencies(let series): "series '\(series)' mixes periods of different frequencies"
        case .tooShort(let series, let needed, let got): "series '\(series)' has \(got) observations; the model needs at least \(needed)"
        case .unsuitable(let series, let reason): "series '\(series)': \(reason)"
        }
    }
}
