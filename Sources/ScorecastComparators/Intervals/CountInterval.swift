import ScorecastNumerics

/// Confidence intervals for a Poisson count, and for a crude rate count/denominator, as PHE's
/// `PHEindicatormethods::phe_rate` computes them: Byar's method for counts of 10 or more, the
/// exact (chi-squared based) Poisson interval below 10.
///
/// Byar's method, with z = Φ⁻¹(1 − α/2):
///
///     lower = O (1 − 1/(9O) − z/(3√O))³
///     upper = (O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³
///
/// The exact interval is lower = χ²(α/2; 2O)/2 (0 when O = 0) and
/// upper = χ²(1 − α/2; 2O + 2)/2 (``Poisson/exactInterval(count:confidence:)``).
///
/// References: N. E. Breslow and N. E. Day, *Statistical Methods in Cancer Research*, vol. II,
/// IARC 1987, p. 69 (Byar's approximation); Public Health England, *Technical guide:
/// Confidence intervals* (2018); PHEindicatormethods (CRAN), `byars_lower`, `byars_upper`.
public enum CountInterval {
    /// Counts at or above this use Byar's method; below it, the exact interval.
    public static let byarThreshold = 10.0

    /// The PHE interval for a count: Byar's method for `count ≥ 10`, exact below.
    public static func phe(count: Double, confidence: Double) -> ConfidenceInterval {
        count >= byarThreshold ? byar(count: count, confidence: confidence) : exact(count: count, confidence: confidence)
    }

    /// Byar's approximation to the exact Poisson interval.
    public static func byar(count: Double, confidence: Double) -> ConfidenceInterval {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        guard count >= 0 else { return ConfidenceInterval(lower: .nan, upper: .nan, method: .byar) }
        let z = Normal.standardQuantile(1 - (1 - confidence) / 2)
        let lower: Double
        if count == 0 {
            lower = 0
        } else {
            let base = 1 - 1 / (9 * count) - z / (3 * count.squareRoot())
            lower = count * base * base * base
        }
        let next = count + 1
        let upperBase = 1 - 1 / (9 * next) + z / (3 * next.squareRoot())
        return ConfidenceInterval(lower: lower, upper: next * upperBase * upperBase * upperBase, method: .byar)
    }

    /// The exact Poisson interval.
    public static func exact(count: Double, confidence: Double) -> ConfidenceInterval {
        let limits = Poisson.exactInterval(count: count, confidence: confidence)
        return ConfidenceInterval(lower: limits.lower, upper: limits.upper, method: .exactPoisson)
    }

    /// The PHE interval for the crude rate `count / denominator × multiplier`.
    ///
    /// - Returns: NaN limits when the denominator is not positive.
    public static func rate(count: Double, denominator: Double, multiplier: Double, confidence: Double) -> ConfidenceInterval {
        let counts = phe(count: count, confidence: confidence)
        guard denominator > 0 else { return ConfidenceInterval(lower: .nan, upper: .nan, method: counts.method) }
        return counts.scaled(by: multiplier / denominator)
    }
}
