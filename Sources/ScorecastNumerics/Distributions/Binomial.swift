#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The binomial distribution: distribution function, quantile and the exact
/// (Clopper–Pearson) confidence limits for a proportion.
public enum Binomial {
    /// P(X ≤ k) for X ~ Binomial(n, p): I_(1−p)(n − k, k + 1).
    public static func cdf(_ k: Double, trials n: Double, probability p: Double) -> Double {
        if k.isNaN || n.isNaN || p.isNaN || p < 0 || p > 1 || n < 0 { return .nan }
        let j = floor(k)
        if j < 0 { return 0 }
        if j >= n { return 1 }
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        return SpecialFunctions.incompleteBeta(1 - p, n - j, j + 1).lower
    }

    /// The smallest integer k with P(X ≤ k) ≥ `level`, as R's `qbinom` defines it (with its
    /// guard `level · (1 − 64ε)`).
    public static func quantile(_ level: Double, trials n: Double, probability p: Double) -> Double {
        if level.isNaN || n.isNaN || p.isNaN || level < 0 || level > 1 || p < 0 || p > 1 || n < 0 { return .nan }
        if p == 0 || n == 0 || level == 0 { return 0 }
        if level == 1 || p == 1 { return n }
        let mean = n * p
        let sigma = (n * p * (1 - p)).squareRoot()
        let z = Normal.standardQuantile(level)
        let skew = (1 - 2 * p) / sigma
        var k = min(n, max(0, (mean + sigma * (z + skew * (z * z - 1) / 6)).rounded()))
        let target = level * (1 - 64 * Double.ulpOfOne)
        if cdf(k, trials: n, probability: p) >= target {
            while k > 0 && cdf(k - 1, trials: n, probability: p) >= target { k -= 1 }
        } else {
            repeat { k += 1 } while k < n && cdf(k, trials: n, probability: p) < target
        }
        return k
    }

    /// The exact (Clopper–Pearson) confidence limits for a binomial proportion x/n:
    /// lower = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0), upper = Beta⁻¹(1 − α/2; x + 1, n − x)
    /// (1 when x = n).
    ///
    /// Reference: C. J. Clopper and E. S. Pearson, "The use of confidence or fiducial limits
    /// illustrated in the case of the binomial", Biometrika 26, 1934.
    public static func exactInterval(successes x: Double, trials n: Double, confidence: Double) -> (lower: Double, upper: Double) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        if x.isNaN || n.isNaN || x < 0 || n <= 0 || x > n { return (.nan, .nan) }
        let alpha = 1 - confidence
        let lower = x == 0 ? 0 : BetaDistribution.quantile(alpha / 2, a: x, b: n - x + 1)
        let upper = x == n ? 1 : BetaDistribution.quantile(1 - alpha / 2, a: x + 1, b: n - x)
        return (lower, upper)
    }
}
