import ScorecastNumerics

/// The PHE Fingertips "recent trend" test on the five most recent annual points.
///
/// - Proportions (numerator xᵢ out of nᵢ at time tᵢ): the chi-squared test for trend,
///   χ² = (Σxᵢtᵢ − X·T/N)² / (p̄(1 − p̄)(Σnᵢtᵢ² − T²/N)) with X = Σxᵢ, N = Σnᵢ, T = Σnᵢtᵢ and
///   p̄ = X/N; the slope's sign is the sign of Σxᵢtᵢ − X·T/N.
/// - Other values yᵢ with 95% intervals [Lᵢ, Uᵢ]: a weighted least-squares line with weights
///   wᵢ = 1/SEᵢ², SEᵢ = (Uᵢ − Lᵢ)/(2 · 1.959964); slope β̂ = Σwᵢ(tᵢ − t̄)(yᵢ − ȳ)/Σwᵢ(tᵢ − t̄)²
///   with weighted means t̄, ȳ, and χ² = β̂² · Σwᵢ(tᵢ − t̄)².
///
/// Either statistic is compared with χ²(1) at 99.8% (3.0 sigma). Fingertips reports a trend
/// only if it is significant on all five points *and* stays significant in the same direction
/// when each point is dropped in turn; otherwise `no_significant_change`. Fewer than five
/// consecutive points, or a point without the inputs its test needs, gives
/// `not_enough_data`.
///
/// Reference: Public Health England, *Fingertips trend markers* (Public Health Technical
/// Guidance: "Process for testing for 'recent' statistical trend").
public enum TrendTest {
    /// The result of the test.
    public enum Result: String, Sendable, CaseIterable {
        case increasing, decreasing
        case noSignificantChange = "no_significant_change"
        case notEnoughData = "not_enough_data"
    }

    /// One annual point.
    public struct Point: Sendable, Equatable {
        public var time: Double
        public var value: Double
        public var numerator: Double
        public var denominator: Double
        /// The 95% interval of `value` (for the rate test).
        public var lower95: Double
        public var upper95: Double

        public init(
            time: Double, value: Double, numerator: Double = .nan, denominator: Double = .nan,
            lower95: Double = .nan, upper95: Double = .nan
        ) {
            self.time = time
            self.value = value
            self.numerator = numerator
            self.denominator = denominator
            self.lower95 = lower95
            self.upper95 = upper95
        }
    }

    /// Points used by the test.
    public static let pointCount = 5
    /// Confidence level of the test.
    public static let confidence = 0.998

    /// Runs the test on the last five of `points` (in time order, consecutive years).
    public static func test(_ points: [Point], proportion: Bool) -> Result {
        guard points.count >= pointCount else { return .notEnoughData }
        let recent = Array(points.suffix(pointCount))
        for (earlier, later) in zip(recent, recent.dropFirst()) where later.time - earlier.time != 1 {
            return .notEnoughData
        }
        guard let full = statistic(recent, proportion: proportion) else { return .notEnoughData }
        let critical = ChiSquared.quantile(confidence, degreesOfFreedom: 1)
        guard full.chiSquared > critical, full.slope != 0 else { return .noSignificantChange }
        for dropped in recent.indices {
            var subset = recent
            subset.remove(at: dropped)
            guard let reduced = statistic(subset, proportion: proportion),
                reduced.chiSquared > critical, (reduced.slope > 0) == (full.slope > 0)
            else {
                return .noSignificantChange
            }
        }
        return full.slope > 0 ? .increasing : .decreasing
    }

    /// The slope's sign-carrying estimate and its χ²(1) statistic, or nil when inputs are missing.
    public static func statistic(_ points: [Point], proportion: Bool) -> (slope: Double, chiSquared: Double)? {
        proportion ? chiSquaredForTrend(points) : weightedRegression(points)
    }

    static func chiSquaredForTrend(_ points: [Point]) -> (slope: Double, chiSquared: Double)? {
        var x = 0.0, n = 0.0, xt = 0.0, nt = 0.0, ntt = 0.0
        for point in points {
            guard point.numerator.isFinite, point.denominator.isFinite, point.denominator > 0 else { return nil }
            x += point.numerator
            n += point.denominator
            xt += point.numerator * point.time
            nt += point.denominator * point.time
            ntt += point.denominator * point.time * point.time
        }
        let p = x / n
        let numerator = xt - x * nt / n
        let spread = ntt - nt * nt / n
        let variance = p * (1 - p) * spread
        guard variance > 0 else { return (0, 0) }
        return (numerator / spread, numerator * numerator / variance)
    }

    static func weightedRegression(_ points: [Point]) -> (slope: Double, chiSquared: Double)? {
        let z = Normal.standardQuantile(0.975)
        var weights: [Double] = []
        for point in points {
            let standardError = (point.upper95 - point.lower95) / (2 * z)
            guard point.value.isFinite, standardError.isFinite, standardError > 0 else { return nil }
            weights.append(1 / (standardError * standardError))
        }
        let totalWeight = weights.reduce(0, +)
        var meanTime = 0.0, meanValue = 0.0
        for (point, weight) in zip(points, weights) {
            meanTime += weight * point.time
            meanValue += weight * point.value
        }
        meanTime /= totalWeight
        meanValue /= totalWeight
        var sxy = 0.0, sxx = 0.0
        for (point, weight) in zip(points, weights) {
            sxy += weight * (point.time - meanTime) * (point.value - meanValue)
            sxx += weight * (point.time - meanTime) * (point.time - meanTime)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, slope * slope * sxx)
    }
}
