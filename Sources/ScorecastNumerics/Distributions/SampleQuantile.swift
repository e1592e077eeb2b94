/// Sample quantiles of sorted data, by the definitions R's `quantile(type =)` names
/// (Hyndman & Fan 1996).
///
/// - Type 7 (R's default): position (n − 1) p + 1, linearly interpolated.
/// - Type 8 (median-unbiased, whatever the distribution): position (n + 1/3) p + 1/3, linearly
///   interpolated, clamped to the sample's ends; what R forecast uses for simulated intervals.
///
/// Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", *The American
/// Statistician* 50(4), 1996.
public enum SampleQuantile: Sendable {
    case type7
    case type8

    /// The quantile at `probability` ∈ [0, 1] of `sorted` (ascending); `nan` when empty.
    /// - Complexity: O(1).
    @inlinable
    public func callAsFunction(sorted: [Double], probability: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position: Double  // 1-based
        switch self {
        case .type7: position = Double(sorted.count - 1) * probability + 1
        case .type8: position = (Double(sorted.count) + 1.0 / 3.0) * probability + 1.0 / 3.0
        }
        if position <= 1 { return sorted[0] }
        if position >= Double(sorted.count) { return sorted[sorted.count - 1] }
        let below = Int(position.rounded(.down))
        let fraction = position - Double(below)
        return sorted[below - 1] + fraction * (sorted[below] - sorted[below - 1])
    }
}
