import ScorecastData
import ScorecastNumerics

/// Ranks and quartile bands as DfE's Local Authority Interactive Tool (LAIT) computes them.
///
/// - Ranks: R's `rank(ties.method = "min")`: tied values share the best (lowest) rank and the
///   next value skips, so 1, 2, 2, 4. Lower is better ranks ascending and higher is better
///   descending, so rank 1 is always the best; neutral indicators rank ascending (rank 1 is the
///   lowest value; LAIT prints no rank for them). Missing values get no rank.
/// - Quartile bands: the 0, 25, 50, 75 and 100% quantiles of all authorities' values (R's
///   default `quantile`, type 7: linear interpolation between order statistics); a value in
///   [q0, q25] is band A, (q25, q50] B, (q50, q75] C, (q75, q100] D when lower is better, and the
///   reverse when higher is better, so A is always the best quarter. Neutral indicators band
///   ascending (A is the lowest quarter; LAIT shows "-" for them).
///
/// Reference: dfe-analytical-services/local-authority-interactive-tool, `R/fn_analysis.R`
/// (`calculate_rank`, `calculate_quartile_band`), read at commit 2e30e39.
public enum Ranking {
    /// The rank of `value` among `values` (which should include it) with shared ties.
    /// Returns nil when `value` is not finite.
    public static func rank(of value: Double, among values: [Double], polarity: Polarity) -> Int? {
        guard value.isFinite else { return nil }
        var better = 0
        for other in values where other.isFinite {
            switch polarity {
            case .higherIsBetter: if other > value { better += 1 }
            case .lowerIsBetter, .neutral: if other < value { better += 1 }
            }
        }
        return better + 1
    }

    /// R's type-7 sample quantile of `sorted` (ascending, finite) at probability p.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty sample")
        return SampleQuantile.type7(sorted: sorted, probability: p)
    }

    /// The quartile boundaries (q0, q25, q50, q75, q100) of the finite values, or nil if none.
    public static func quartileBoundaries(of values: [Double]) -> [Double]? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        return [0, 0.25, 0.5, 0.75, 1].map { quantile(sorted: sorted, $0) }
    }

    /// The quartile band A–D of `value` given the boundaries from ``quartileBoundaries(of:)``.
    public static func quartileBand(of value: Double, boundaries: [Double], polarity: Polarity) -> String? {
        guard value.isFinite, boundaries.count == 5, value >= boundaries[0], value <= boundaries[4] else { return nil }
        let ascending: Int
        if value <= boundaries[1] {
            ascending = 0
        } else if value <= boundaries[2] {
            ascending = 1
        } else if value <= boundaries[3] {
            ascending = 2
        } else {
            ascending = 3
        }
        let band = polarity == .higherIsBetter ? 3 - ascending : ascending
        return ["A", "B", "C", "D"][band]
    }
}
