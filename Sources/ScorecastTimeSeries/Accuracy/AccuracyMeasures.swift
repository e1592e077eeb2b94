/// The point and interval measures that one forecast's scores (``AccuracyMetrics``) and an
/// average over series or origins (``AccuracySummary``) both report.
public protocol AccuracyMeasures: Sendable {
    var meanAbsoluteError: Double { get }
    var rootMeanSquaredError: Double { get }
    var meanAbsolutePercentageError: Double { get }
    var symmetricMeanAbsolutePercentageError: Double { get }
    var meanAbsoluteScaledError: Double { get }
    /// One score per interval level.
    var intervals: [IntervalAccuracy] { get }
}

extension AccuracyMetrics: AccuracyMeasures {}
extension AccuracySummary: AccuracyMeasures {}
