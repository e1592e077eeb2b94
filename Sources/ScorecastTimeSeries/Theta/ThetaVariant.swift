/// The four theta models of Fiorucci et al. (2016), by which parameters are estimated and
/// whether the trend line is re-estimated at every step.
///
/// All four share the state-space form (Fiorucci et al. 2016, eqs. 3.1–3.7)
///
///     Yₜ    = μₜ + εₜ
///     μₜ    = ℓₜ₋₁ + (1 − 1/θ) [ (1 − α)^(t−1) Aₜ₋₁ + ((1 − (1 − α)^t) / α) Bₜ₋₁ ]
///     ℓₜ    = α Yₜ + (1 − α) ℓₜ₋₁
///
/// where `Aₜ` and `Bₜ` are the intercept and slope of the least-squares line through
/// `Y₁ … Yₜ` (dynamic models: updated recursively at every `t`, eqs. 3.5–3.7) or through the
/// whole sample `Y₁ … Yₙ` (static models: fixed). The standard models fix `θ = 2` (the theta
/// method of Assimakopoulos & Nikolopoulos 2000, which Hyndman & Billah 2003 showed is simple
/// exponential smoothing with drift); the optimised models estimate `θ ≥ 1`.
///
/// Reference: J. A. Fiorucci, T. R. Pellegrini, F. Louzada, F. Petropoulos, A. B. Koehler,
/// "Models for optimising the theta method and their relationship to state space models",
/// International Journal of Forecasting 32(4), 2016, 1151–1161.
public enum ThetaVariant: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Standard Theta Model: static trend line, `θ = 2`.
    case standard = "stm"
    /// Optimised Theta Model: static trend line, `θ` estimated.
    case optimised = "otm"
    /// Dynamic Standard Theta Model: trend line updated every step, `θ = 2`.
    case dynamicStandard = "dstm"
    /// Dynamic Optimised Theta Model: trend line updated every step, `θ` estimated.
    case dynamicOptimised = "dotm"

    /// Whether `Aₜ`, `Bₜ` are re-estimated at every step.
    @inlinable public var isDynamic: Bool { self == .dynamicStandard || self == .dynamicOptimised }

    /// Whether `θ` is estimated (otherwise it is 2).
    @inlinable public var estimatesTheta: Bool { self == .optimised || self == .dynamicOptimised }

    /// The first one-based time index whose one-step error enters the loss.
    ///
    /// The dynamic models start with `μ₁ = Y₁` and a slope of zero, so their first two errors
    /// carry no information; Fiorucci et al. (and the `forecTheta` package) sum squared errors
    /// from `t = 3`. The static models use every error.
    @inlinable public var firstScoredTime: Int { isDynamic ? 3 : 1 }

    /// `STM`, `OTM`, `DSTM` or `DOTM`, as in the paper.
    public var description: String { rawValue.uppercased() }
}

/// The estimated parameters of one theta model.
public struct ThetaParameters: Sendable, Equatable {
    /// The initial level `ℓ₀`.
    public var initialLevel: Double
    /// The smoothing parameter `α` in [0.1, 0.99].
    public var alpha: Double
    /// The theta coefficient `θ ≥ 1`.
    public var theta: Double

    public init(initialLevel: Double, alpha: Double, theta: Double) {
        self.initialLevel = initialLevel
        self.alpha = alpha
        self.theta = theta
    }

    /// The weight of the long-run trend line, `1 − 1/θ`.
    @inlinable public var trendWeight: Double { 1 - 1 / theta }
}

/// The bounds Fiorucci et al. (2016) and the `forecTheta` package place on the parameters.
public enum ThetaBounds {
    /// Lowest smoothing parameter.
    public static let alphaLower = 0.1
    /// Highest smoothing parameter.
    public static let alphaUpper = 0.99
    /// Lowest theta: `θ = 1` is simple exponential smoothing of the series itself.
    public static let thetaLower = 1.0
    /// Highest theta.
    public static let thetaUpper = 1e10
    /// Bound on `|ℓ₀|`.
    public static let levelMagnitude = 1e10
}
