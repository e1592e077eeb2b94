/// The centre line and process limits of an XmR (individuals and moving range) chart.
///
/// Limits sit at `mean ± 2.66 × average moving range`; 2.66 is 3 / d₂ with d₂ = 1.128,
/// the bias constant of the range of two observations, so the limits estimate
/// mean ± 3σ from point-to-point variation (Wheeler, *Understanding Variation*, 1993).
/// The "near" lines at two thirds of the way to each limit feed the two-in-three rule.
public struct ProcessLimits: Sendable, Equatable {
    /// The scaling constant from average moving range to process limit, 3 / 1.128.
    public static let limitScale = 2.66
    /// Moving ranges at or above this multiple of their average are screened out before the
    /// limits are computed (the upper range limit of the mR chart, 3.267 = D₄ for n = 2).
    public static let movingRangeScreen = 3.267

    /// The centre line: the mean of the baseline points.
    public var mean: Double
    /// The average moving range that sets the limits (after any screening).
    public var averageMovingRange: Double
    /// The number of baseline points the mean and moving ranges were taken from.
    public var baselineCount: Int
    /// How many moving ranges screening excluded.
    public var screenedMovingRanges: Int

    public init(mean: Double, averageMovingRange: Double, baselineCount: Int, screenedMovingRanges: Int = 0) {
        self.mean = mean
        self.averageMovingRange = averageMovingRange
        self.baselineCount = baselineCount
        self.screenedMovingRanges = screenedMovingRanges
    }

    /// The lower process limit, `mean - 2.66 × averageMovingRange`.
    @inlinable public var lower: Double { mean - Self.limitScale * averageMovingRange }
    /// The upper process limit, `mean + 2.66 × averageMovingRange`.
    @inlinable public var upper: Double { mean + Self.limitScale * averageMovingRange }
    /// Two thirds of the way from the mean down to the lower limit.
    @inlinable public var nearLower: Double { mean - 2 * (Self.limitScale / 3) * averageMovingRange }
    /// Two thirds of the way from the mean up to the upper limit.
    @inlinable public var nearUpper: Double { mean + 2 * (Self.limitScale / 3) * averageMovingRange }

    /// Computes the limits from baseline points.
    ///
    /// The mean is that of `baseline`; the moving ranges are `|x[i] - x[i-1]|`. With
    /// `screening`, moving ranges not below 3.267 × their average are dropped and the average
    /// recomputed once, as NHSRplotthedots does by default (`screen_outliers = TRUE`). A
    /// constant baseline (average moving range 0) is left unscreened, so its limits equal its
    /// mean rather than being undefined.
    ///
    /// - Parameters:
    ///   - baseline: the observed values, in time order, without missing values; at least two.
    ///   - screening: whether to screen out large moving ranges.
    /// - Complexity: O(n), no allocation.
    public init(baseline: some Collection<Double>, screening: Bool) {
        precondition(baseline.count >= 2, "Process limits need at least two points")
        precondition(!baseline.contains { $0.isNaN }, "Baseline points must not be missing")
        var sum = 0.0
        for value in baseline { sum += value }
        let mean = sum / Double(baseline.count)

        var rangeSum = 0.0
        var previous: Double?
        for value in baseline {
            if let previous { rangeSum += abs(value - previous) }
            previous = value
        }
        let rangeCount = baseline.count - 1
        var average = rangeSum / Double(rangeCount)
        var screened = 0
        if screening && average > 0 {
            let cutoff = Self.movingRangeScreen * average
            var keptSum = 0.0
            var kept = 0
            previous = nil
            for value in baseline {
                if let previous {
                    let range = abs(value - previous)
                    if range < cutoff {
                        keptSum += range
                        kept += 1
                    }
                }
                previous = value
            }
            screened = rangeCount - kept
            average = keptSum / Double(kept)
        }
        self.init(mean: mean, averageMovingRange: average, baselineCount: baseline.count, screenedMovingRanges: screened)
    }
}
