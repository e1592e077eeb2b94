/// The factor on every conformal score of a calibration: the correction for calibration
/// errors known to be optimistic.
///
/// Refiltered errors (``ConformalIntervals/Calibration/refilter``) are optimistic because the
/// parameters that made them were estimated on the whole series, the periods after each origin
/// included. The optimism of an in-sample error is the classical one of a residual variance:
/// with k estimated quantities and n observations, the mean squared residual underestimates
/// the error variance by about (n − k)/n, so the errors are scaled by √(n / (n − k))
/// (``degreesOfFreedom(perSeries:)``). It is larger on short series, whose parameters fit the
/// calibration windows more closely: a monthly series of 48 observations gets 1.26, one of 120
/// gets 1.08 (k = 7 + 11 = 18: α, β, γ, φ, ℓ₀, b₀, σ² and the free seasonal states of the
/// largest ETS form).
///
/// - Reference: the degrees-of-freedom correction of a residual variance, e.g. R. J. Hyndman
///   and G. Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed., 2021), §5.5
///   ("the residual standard deviation ... K is the number of parameters").
public enum ScoreInflation: Sendable, Equatable {
    /// The same factor for every series (1 takes the errors as they are).
    case constant(Double)
    /// √(n / (n − k)) for a series of n observations with a seasonal period m, where
    /// k = `perSeries` + m − 1 quantities are estimated (`perSeries` besides the m − 1 free
    /// seasonal states); n − k is taken as at least n / 2, so the factor is at most √2 on a
    /// series barely longer than k.
    case degreesOfFreedom(perSeries: Int)

    /// The factor for a fitted series of `count` observations and seasonal period
    /// `seasonalPeriod`.
    public func factor(count: Int, seasonalPeriod: Int) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .degreesOfFreedom(let perSeries):
            let n = Double(Swift.max(count, 1))
            let estimated = Double(perSeries + Swift.max(seasonalPeriod, 1) - 1)
            return (n / Swift.max(n - estimated, n / 2)).squareRoot()
        }
    }

    /// Whether every factor is finite and positive.
    var isValid: Bool {
        switch self {
        case .constant(let value): return value > 0 && value.isFinite
        case .degreesOfFreedom(let perSeries): return perSeries >= 0
        }
    }
}
