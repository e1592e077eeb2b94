#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Student's t distribution with ν > 0 degrees of freedom: density, distribution and quantile.
///
/// Both go through the incomplete beta function: for t ≥ 0,
/// `P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½)`, so the lower-tail quantile for p < ½ is
/// `t = −√(ν (1/x − 1))` with x the `2p` quantile of Beta(ν/2, ½). ν = 1 (Cauchy) and ν = 2
/// use their closed forms. Used for the mean-method intervals, which R's `forecast::meanf`
/// takes from `qt`.
///
/// Reference: M. Abramowitz and I. A. Stegun, *Handbook of Mathematical Functions*, 26.7.1
/// and 26.5.27 (the t distribution through the incomplete beta function).
public enum StudentT {
    /// The density at `t`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isNaN || nu.isNaN || nu <= 0 { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let tail = 0.5 * SpecialFunctions.regularizedBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The `p` quantile: the t with P(T ≤ t) = p. −∞ at 0, +∞ at 1, NaN outside [0, 1].
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        if p.isNaN || nu.isNaN || nu <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu == 1 { return tan(Double.pi * (p - 0.5)) }
        if nu == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        if nu.isInfinite { return Normal.standardQuantile(p) }
        let x = BetaDistribution.quantile(2 * min(p, 1 - p), a: nu / 2, b: 0.5)
        let magnitude = (nu * (1 / x - 1)).squareRoot()
        return p < 0.5 ? -magnitude : magnitude
    }
}
