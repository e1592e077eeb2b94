import ScorecastNumerics

/// Confidence intervals for a proportion x/n as PHE's `PHEindicatormethods::phe_proportion`
/// computes them: the Wilson score interval.
///
/// With z = Φ⁻¹(1 − α/2) and α = 1 − confidence:
///
///     lower = (2x + z² − z √(z² + 4x(1 − x/n))) / (2(n + z²))
///     upper = (2x + z² + z √(z² + 4x(1 − x/n))) / (2(n + z²))
///
/// The limits always lie in [0, 1], are defined at x = 0 and x = n, and keep close to the
/// nominal coverage for small n, unlike the Wald interval.
///
/// References: E. B. Wilson, "Probable inference, the law of succession, and statistical
/// inference", JASA 22, 1927; R. G. Newcombe, "Two-sided confidence intervals for the single
/// proportion", Statistics in Medicine 17, 1998; Public Health England, *Technical guide:
/// Confidence intervals* (2018).
public enum ProportionInterval {
    /// The Wilson score interval for `successes` out of `trials`, as a proportion in [0, 1].
    ///
    /// - Precondition: `0 < confidence < 1`.
    /// - Returns: NaN limits when the inputs are not a valid proportion (negative, x > n, n ≤ 0).
    public static func wilson(successes x: Double, trials n: Double, confidence: Double) -> ConfidenceInterval {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        guard x >= 0, n > 0, x <= n else { return ConfidenceInterval(lower: .nan, upper: .nan, method: .wilson) }
        let z = Normal.standardQuantile(1 - (1 - confidence) / 2)
        let zSquared = z * z
        let spread = z * (zSquared + 4 * x * (1 - x / n)).squareRoot()
        let denominator = 2 * (n + zSquared)
        return ConfidenceInterval(
            lower: (2 * x + zSquared - spread) / denominator,
            upper: (2 * x + zSquared + spread) / denominator,
            method: .wilson)
    }
}
