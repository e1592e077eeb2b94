#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The beta distribution with shapes a and b on [0, 1].
///
/// `cdf` is the regularized incomplete beta function I_x(a, b) (see ``SpecialFunctions``).
/// `quantile` starts from Abramowitz and Stegun's normal approximation 26.5.22 (or the mean
/// when a or b is at most 1) and polishes it with bracketed Halley steps on the smaller tail.
///
/// Reference: M. Abramowitz and I. A. Stegun, *Handbook of Mathematical Functions*, 26.5.22.
public enum BetaDistribution {
    /// P(X ≤ x).
    public static func cdf(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return SpecialFunctions.regularizedBeta(x, a, b)
    }

    /// The density x^(a−1) (1−x)^(b−1) / B(a, b) for 0 < x < 1.
    public static func density(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 || x >= 1 { return 0 }
        let complement = 1 - x
        return SpecialFunctions.binomialDensity(a, trials: a + b, p: x, q: complement)
            * a * b / ((a + b) * x * complement)
    }

    /// The `p` quantile: the x with I_x(a, b) = p. Returns 0 at p = 0 and 1 at p = 1.
    public static func quantile(_ p: Double, a: Double, b: Double) -> Double {
        if p.isNaN || a.isNaN || b.isNaN || p < 0 || p > 1 || !(a > 0) || !(b > 0) { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        let q = 1 - p
        var start = a / (a + b)
        if a > 1 && b > 1 {
            let y = -Normal.standardQuantile(p)
            let lambda = (y * y - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w =
                y * (h + lambda).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
            let guess = a / (a + b * exp(2 * w))
            if guess > 0 && guess < 1 { start = guess }
        }
        let useLowerTail = p <= 0.5
        return MonotoneInversion.solve(start: start, lower: 0, upper: 1) { x in
            let tails = SpecialFunctions.incompleteBeta(x, a, b)
            let residual = useLowerTail ? tails.lower - p : q - tails.upper
            let curvature = (a - 1) / x - (b - 1) / (1 - x)
            return (residual, density(x, a: a, b: b), curvature)
        }
    }
}

/// Fisher's F distribution with d₁ and d₂ degrees of freedom, through the beta distribution:
/// if B ~ Beta(d₁/2, d₂/2) then (d₂/d₁) · B/(1 − B) ~ F(d₁, d₂).
public enum FDistribution {
    /// P(X ≤ x).
    public static func cdf(_ x: Double, numeratorDegrees d1: Double, denominatorDegrees d2: Double) -> Double {
        if x <= 0 { return 0 }
        return BetaDistribution.cdf(d1 * x / (d1 * x + d2), a: d1 / 2, b: d2 / 2)
    }

    /// The `p` quantile.
    public static func quantile(_ p: Double, numeratorDegrees d1: Double, denominatorDegrees d2: Double) -> Double {
        let beta = BetaDistribution.quantile(p, a: d1 / 2, b: d2 / 2)
        return d2 / d1 * beta / (1 - beta)
    }
}
