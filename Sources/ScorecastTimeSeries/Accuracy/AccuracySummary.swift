/// Accuracy over many series: each measure averaged over the series, as the M3 and M4
/// competitions report it, plus OWA against Naive2.
public struct AccuracySummary: Sendable, Equatable {
    /// How many series were averaged.
    public var seriesCount: Int
    public var meanAbsoluteError: Double
    public var rootMeanSquaredError: Double
    public var meanAbsolutePercentageError: Double
    public var symmetricMeanAbsolutePercentageError: Double
    public var meanAbsoluteScaledError: Double
    /// Mean coverage, Winkler score and scaled interval score per level.
    public var intervals: [IntervalAccuracy]

    /// Averages `metrics` over series. A measure that is undefined for a series (`NaN`, e.g.
    /// no actual value to score) is left out of that measure's average.
    public init(_ metrics: [AccuracyMetrics]) {
        func average(_ value: (AccuracyMetrics) -> Double) -> Double {
            let values = metrics.map(value).filter { !$0.isNaN }
            return values.reduce(0, +) / Double(values.count)
        }
        seriesCount = metrics.count
        meanAbsoluteError = average(\.meanAbsoluteError)
        rootMeanSquaredError = average(\.rootMeanSquaredError)
        meanAbsolutePercentageError = average(\.meanAbsolutePercentageError)
        symmetricMeanAbsolutePercentageError = average(\.symmetricMeanAbsolutePercentageError)
        meanAbsoluteScaledError = average(\.meanAbsoluteScaledError)
        let levels = metrics.first?.intervals.map(\.level) ?? []
        intervals = levels.enumerated().map { position, level in
            let scores = metrics.compactMap { $0.intervals.indices.contains(position) ? $0.intervals[position] : nil }
            func mean(_ value: (IntervalAccuracy) -> Double) -> Double {
                let values = scores.map(value).filter { !$0.isNaN }
                return values.reduce(0, +) / Double(values.count)
            }
            return IntervalAccuracy(
                level: level, coverage: mean(\.coverage), winklerScore: mean(\.winklerScore),
                scaledIntervalScore: mean(\.scaledIntervalScore))
        }
    }

    /// The overall weighted average of the M4 competition: the mean of this sMAPE and MASE,
    /// each relative to Naive2's on the same series (1 = as good as Naive2, lower is better).
    public func overallWeightedAverage(relativeTo naive2: AccuracySummary) -> Double {
        0.5
            * (symmetricMeanAbsolutePercentageError / naive2.symmetricMeanAbsolutePercentageError
                + meanAbsoluteScaledError / naive2.meanAbsoluteScaledError)
    }
}
