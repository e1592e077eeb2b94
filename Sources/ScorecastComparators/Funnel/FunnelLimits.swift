import ScorecastNumerics

/// Funnel-plot control limits around a target rate or proportion, with Spiegelhalter's
/// overdispersion adjustment.
///
/// **Exact limits.** For a unit with denominator n and target θ₀ (per unit of denominator),
/// the p-limit is the interpolated p-quantile of the count's distribution under the target,
/// divided by n: with r the smallest integer with F(r) ≥ p,
/// α = (F(r) − p) / (F(r) − F(r − 1)) and limit = (r − α)/n. F is Poisson(θ₀n) for rates and
/// Binomial(n, θ₀) for proportions. Limits for 95% use p = 0.025 and 0.975; for 99.8%,
/// 0.001 and 0.999.
///
/// **Overdispersion.** z-scores zᵢ = (yᵢ − θ₀)/sᵢ with sᵢ² = θ₀/nᵢ (Poisson) or θ₀(1 − θ₀)/nᵢ
/// (binomial) are winsorised at their 10th and 90th percentiles (R type 7), and
/// φ̂ = Σ z²ᵂ / I. When φ̂ > 1:
/// - multiplicative: limits θ₀ ± z_p √φ̂ · sᵢ;
/// - additive (random effects): τ̂² = (Iφ̂ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/sᵢ², and limits
///   θ₀ ± z_p √(sᵢ² + τ̂²) (τ̂² = 0 gives no adjustment).
/// When φ̂ ≤ 1 there is no overdispersion and the exact limits stand.
///
/// References: D. J. Spiegelhalter, "Funnel plots for comparing institutional performance",
/// Statistics in Medicine 24, 2005, 1185–1202; D. J. Spiegelhalter, "Handling over-dispersion
/// of performance indicators", Quality and Safety in Health Care 14, 2005, 347–351.
public enum FunnelLimits {
    /// The outcome distribution under the target.
    public enum Model: String, Sendable {
        case poisson, binomial
    }

    /// The overdispersion adjustment.
    public enum Overdispersion: String, Sendable, CaseIterable {
        case none, multiplicative, additive
    }

    /// Winsorisation tail fraction for the overdispersion estimate.
    public static let winsorisedFraction = 0.1

    /// The exact interpolated limit (per unit of denominator) at tail probability `p`.
    public static func exactLimit(probability p: Double, target: Double, denominator n: Double, model: Model) -> Double {
        guard n > 0, target >= 0 else { return .nan }
        let cdf: (Double) -> Double
        let r: Double
        switch model {
        case .poisson:
            let mean = target * n
            r = Poisson.quantile(p, mean: mean)
            cdf = { Poisson.cdf($0, mean: mean) }
        case .binomial:
            r = Binomial.quantile(p, trials: n, probability: target)
            cdf = { Binomial.cdf($0, trials: n, probability: target) }
        }
        let atR = cdf(r)
        let belowR = r > 0 ? cdf(r - 1) : 0
        let alpha = atR > belowR ? (atR - p) / (atR - belowR) : 0
        return max(0, r - alpha) / n
    }

    /// The sampling standard deviation of a unit's value under the target.
    public static func standardError(target: Double, denominator n: Double, model: Model) -> Double {
        switch model {
        case .poisson: (target / n).squareRoot()
        case .binomial: (target * (1 - target) / n).squareRoot()
        }
    }

    /// Spiegelhalter's overdispersion estimates from units' values and denominators.
    public struct Dispersion: Sendable, Equatable {
        /// φ̂, the mean squared winsorised z-score.
        public var phi: Double
        /// τ̂², the additive between-unit variance (0 when φ̂ ≤ 1).
        public var tauSquared: Double
        /// Units used.
        public var units: Int
    }

    /// Estimates φ̂ and τ̂² from `values` (per unit of denominator) and `denominators`.
    public static func dispersion(values: [Double], denominators: [Double], target: Double, model: Model) -> Dispersion {
        var zScores: [Double] = []
        var weights: [Double] = []
        for (value, n) in zip(values, denominators) where value.isFinite && n > 0 {
            let s = standardError(target: target, denominator: n, model: model)
            guard s > 0 else { continue }
            zScores.append((value - target) / s)
            weights.append(1 / (s * s))
        }
        let count = zScores.count
        guard count > 1 else { return Dispersion(phi: .nan, tauSquared: .nan, units: count) }
        let sorted = zScores.sorted()
        let low = Ranking.quantile(sorted: sorted, winsorisedFraction)
        let high = Ranking.quantile(sorted: sorted, 1 - winsorisedFraction)
        let phi =
            zScores.reduce(0) { sum, z in
                let w = min(max(z, low), high)
                return sum + w * w
            } / Double(count)
        let weightSum = weights.reduce(0, +)
        let weightSquares = weights.reduce(0) { $0 + $1 * $1 }
        let tau = (Double(count) * phi - Double(count - 1)) / (weightSum - weightSquares / weightSum)
        return Dispersion(phi: phi, tauSquared: phi > 1 ? max(0, tau) : 0, units: count)
    }

    /// Lower and upper limits (per unit of denominator) for a unit with denominator `n` at
    /// two-sided `confidence`, with the requested adjustment.
    public static func limits(
        confidence: Double, target: Double, denominator n: Double, model: Model,
        overdispersion: Overdispersion = .none, dispersion: Dispersion? = nil
    ) -> (lower: Double, upper: Double) {
        let tail = (1 - confidence) / 2
        let s = standardError(target: target, denominator: n, model: model)
        let z = Normal.standardQuantile(1 - tail)
        switch (overdispersion, dispersion) {
        case (.multiplicative, let d?) where d.phi > 1:
            let spread = z * d.phi.squareRoot() * s
            return (max(0, target - spread), target + spread)
        case (.additive, let d?) where d.tauSquared > 0:
            let spread = z * (s * s + d.tauSquared).squareRoot()
            return (max(0, target - spread), target + spread)
        default:
            return (
                exactLimit(probability: tail, target: target, denominator: n, model: model),
                exactLimit(probability: 1 - tail, target: target, denominator: n, model: model)
            )
        }
    }
}
