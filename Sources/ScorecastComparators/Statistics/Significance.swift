import ScorecastData

/// The Fingertips comparison of a value's confidence interval with a benchmark value.
///
/// The interval lying entirely above the benchmark is a significant difference upwards,
/// entirely below is downwards, otherwise the two are similar. By polarity, an upward
/// difference is `better` (higher is better), `worse` (lower is better) or `higher` (neutral).
///
/// Reference: Public Health England, *Fingertips: comparing to a benchmark* (technical
/// guidance, "Significance compared with benchmark: confidence interval overlap with the
/// benchmark value").
public enum Significance: String, Sendable, CaseIterable {
    case better, worse, higher, lower, similar
    /// No interval or no benchmark: no comparison can be made.
    case notCompared = "not_compared"

    /// Compares `interval` with `benchmark` under `polarity`.
    public static func compare(_ interval: ConfidenceInterval?, with benchmark: Double, polarity: Polarity) -> Significance {
        guard let interval, interval.lower.isFinite, interval.upper.isFinite, benchmark.isFinite else { return .notCompared }
        let direction: Int
        if interval.lower > benchmark { direction = 1 } else if interval.upper < benchmark { direction = -1 } else { return .similar }
        switch polarity {
        case .higherIsBetter: return direction > 0 ? .better : .worse
        case .lowerIsBetter: return direction > 0 ? .worse : .better
        case .neutral: return direction > 0 ? .higher : .lower
        }
    }
}
