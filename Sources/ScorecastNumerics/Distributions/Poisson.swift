#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Poisson distribution: distribution function, quantile and exact confidence limits
/// for a count.
public enum Poisson {
    /// P(X ≤ k) for X ~ Poisson(λ): Q(⌊k⌋ + 1, λ).
    public static func cdf(_ k: Double, mean lambda: Double) -> Double {
        if k.isNaN || lambda.isNaN || lambda < 0 { return .nan }
        if k < 0 { return 0 }
        if lambda == 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(floor(k) + 1, lambda)
    }

    /// P(X = k).
    public static func probability(_ k: Int, mean lambda: Double) -> Double {
        SpecialFunctions.poissonDensity(Double(k), mean: lambda)
    }

    /// The smallest integer k with P(X ≤ k) ≥ p, as R's `qpois` defines it (including its
    /// guard `p · (1 − 64ε)` against rounding in the distribution function).
    public static func quantile(_ p: Double, mean lambda: Double) -> Double {
        if p.isNaN || lambda.isNaN || p < 0 || p > 1 || lambda < 0 { return .nan }
        if lambda == 0 || p == 0 { return 0 }
        if p == 1 { return .infinity }
        let sigma = lambda.squareRoot()
        let z = Normal.standardQuantile(p)
        // Cornish–Fisher start, then step to the exact answer.
        var k = max(0, (lambda + sigma * (z + (z * z - 1) / (6 * sigma))).rounded())
        let target = p * (1 - 64 * Double.ulpOfOne)
        if cdf(k, mean: lambda) >= target {
            while k > 0 && cdf(k - 1, mean: lambda) >= target { k -= 1 }
        } else {
            repeat { k += 1 } while cdf(k, mean: lambda) < target
        }
        return k
    }

    /// The exact (Garwood) confidence limits for the mean of a Poisson count:
    /// lower = χ²(α/2; 2x)/2 (0 when x = 0), upper = χ²(1 − α/2; 2x + 2)/2,
    /// with α = 1 − `confidence`. This is the `exact` method of PHE's
    /// PHEindicatormethods (its `poisson_lower`/`poisson_upper`).
    ///
    /// Reference: F. Garwood, "Fiducial limits for the Poisson distribution", Biometrika 28, 1936.
    public static func exactInterval(count: Double, confidence: Double) -> (lower: Double, upper: Double) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        if count.isNaN || count < 0 { return (.nan, .nan) }
        let alpha = 1 - confidence
        let lower = count == 0 ? 0 : ChiSquared.quantile(alpha / 2, degreesOfFreedom: 2 * count) / 2
        let upper = ChiSquared.quantile(1 - alpha / 2, degreesOfFreedom: 2 * count + 2) / 2
        return (lower, upper)
    }
}
