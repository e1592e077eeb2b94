import ScorecastCore
import ScorecastTimeSeries

/// Why a projection could not be made from the data given.
public enum ProjectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stock, starts and ends series do not line up.
    case misaligned(String)
    /// Too few months in common to estimate the flows.
    case tooShort(needed: Int, got: Int)
    /// A count below zero.
    case negativeCount(series: String, period: Period)
    /// The latest stock, where the projection starts, is missing.
    case missingLatestStock(period: Period)
    /// A scenario that cannot be applied, with the reason.
    case invalidScenario(name: String, reason: String)

    public var description: String {
        switch self {
        case .misaligned(let reason): reason
        case .tooShort(let needed, let got): "the stock, starts and ends share \(got) months; a projection needs at least \(needed)"
        case .negativeCount(let series, let period): "\(series) is negative at \(period)"
        case .missingLatestStock(let period): "the stock at \(period), where the projection starts, is missing"
        case .invalidScenario(let name, let reason): "scenario '\(name)': \(reason)"
        }
    }
}
