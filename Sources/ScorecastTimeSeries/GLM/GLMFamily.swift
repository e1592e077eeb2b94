#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The error distribution and canonical link of a generalized linear model.
///
/// | family | link | variance V(μ) | dispersion φ |
/// |---|---|---|---|
/// | `gaussian` | identity | 1 | estimated: RSS / (n − p) |
/// | `poisson` | log | μ | 1 |
/// | `quasiPoisson` | log | μ | estimated: Pearson χ² / (n − p) |
/// | `negativeBinomial(theta:)` | log | μ + μ²/θ | 1 |
/// | `binomial` | logit | μ(1 − μ) / trials | 1 |
/// | `quasiBinomial` | logit | μ(1 − μ) / trials | estimated: Pearson χ² / (n − p) |
///
/// For the binomial families the response is the number of successes out of `trials`, and μ
/// is the success probability. Definitions follow R's `family` objects (`poisson()`,
/// `binomial()`, `quasibinomial()`, `MASS::negative.binomial(theta)`), so deviances, AIC and
/// dispersion agree with `glm()` and `glm.nb()`.
///
/// Reference: P. McCullagh and J. A. Nelder, *Generalized Linear Models*, 2nd ed. (1989),
/// ch. 2 and 9 (quasi-likelihood).
public enum GLMFamily: Sendable, Equatable, CustomStringConvertible {
    case gaussian
    case poisson
    case quasiPoisson
    case negativeBinomial(theta: Double)
    case binomial
    case quasiBinomial

    public var description: String {
        switch self {
        case .gaussian: "gaussian"
        case .poisson: "poisson"
        case .quasiPoisson: "quasipoisson"
        case .negativeBinomial(let theta): "negative binomial (theta \(theta))"
        case .binomial: "binomial"
        case .quasiBinomial: "quasibinomial"
        }
    }

    /// Whether the response is successes out of trials.
    public var isBinomial: Bool { self == .binomial || self == .quasiBinomial }

    /// Whether the link is the logarithm.
    var hasLogLink: Bool {
        switch self {
        case .poisson, .quasiPoisson, .negativeBinomial: true
        default: false
        }
    }

    /// Whether the dispersion is estimated from the residuals rather than fixed at 1.
    public var estimatesDispersion: Bool {
        switch self {
        case .gaussian, .quasiPoisson, .quasiBinomial: true
        default: false
        }
    }

    /// The link g(μ).
    @inlinable func link(_ mean: Double) -> Double {
        switch self {
        case .gaussian: mean
        case .poisson, .quasiPoisson, .negativeBinomial: log(mean)
        case .binomial, .quasiBinomial: log(mean / (1 - mean))
        }
    }

    /// The inverse link μ = g⁻¹(η), kept inside the family's range as R does.
    @inlinable func mean(linearPredictor eta: Double) -> Double {
        switch self {
        case .gaussian: return eta
        case .poisson, .quasiPoisson, .negativeBinomial: return max(exp(eta), Double.ulpOfOne)
        case .binomial, .quasiBinomial:
            // R's logit linkinv: thresholded at ±30 on the linear predictor.
            let clamped = min(max(eta, -30), 30)
            let e = exp(clamped)
            return e / (1 + e)
        }
    }

    /// dμ/dη.
    @inlinable func meanDerivative(linearPredictor eta: Double) -> Double {
        switch self {
        case .gaussian: return 1
        case .poisson, .quasiPoisson, .negativeBinomial: return max(exp(eta), Double.ulpOfOne)
        case .binomial, .quasiBinomial:
            let a = abs(eta)
            if a > 30 { return Double.ulpOfOne }
            let e = exp(a)
            return e / ((1 + e) * (1 + e))
        }
    }

    /// V(μ) per unit of prior weight (trials for the binomial families).
    @inlinable func variance(_ mean: Double) -> Double {
        switch self {
        case .gaussian: 1
        case .poisson, .quasiPoisson: mean
        case .negativeBinomial(let theta): mean + mean * mean / theta
        case .binomial, .quasiBinomial: mean * (1 - mean)
        }
    }

    /// The unit deviance d(y, μ) with prior weight `weight` (y a proportion for the binomials).
    @inlinable func unitDeviance(_ y: Double, mean mu: Double, weight: Double) -> Double {
        switch self {
        case .gaussian:
            return weight * (y - mu) * (y - mu)
        case .poisson, .quasiPoisson:
            let term = y > 0 ? y * log(y / mu) : 0
            return 2 * weight * (term - (y - mu))
        case .negativeBinomial(let theta):
            let term = y > 0 ? y * log(y / mu) : 0
            return 2 * weight * (term - (y + theta) * log((y + theta) / (mu + theta)))
        case .binomial, .quasiBinomial:
            let successTerm = y > 0 ? y * log(y / mu) : 0
            let failureTerm = y < 1 ? (1 - y) * log((1 - y) / (1 - mu)) : 0
            return 2 * weight * (successTerm + failureTerm)
        }
    }

    /// The starting mean for IRLS, as R's `family$initialize`.
    @inlinable func startingMean(_ y: Double, weight: Double) -> Double {
        switch self {
        case .gaussian: y
        case .poisson, .quasiPoisson: y + 0.1
        case .negativeBinomial: y + (y == 0 ? 1.0 / 6 : 0)
        case .binomial, .quasiBinomial: (weight * y + 0.5) / (weight + 1)
        }
    }
}
