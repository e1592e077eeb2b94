import ScorecastCore
import ScorecastTimeSeries

/// An XmR (individuals) chart as Making Data Count specifies it, before it has seen data.
///
/// `XmR(improvement: .decrease, fixAfter: 24, rebaseAt: [Period(year: 2020, month: 4)])`
/// analyses a series into an ``XmRAnalysis``. The settings mirror NHSRplotthedots'
/// `ptd_spc()` arguments: `improvement_direction`, `screen_outliers`, `fix_after_n_points`,
/// `rebase` and `target`.
public struct XmR: Sendable, Equatable {
    /// Making Data Count's minimum number of points for meaningful limits.
    public static let recommendedMinimumPoints = 12

    /// The indicator's polarity.
    public var improvement: ImprovementDirection
    /// Whether moving ranges of 3.267 × their average or more are left out of the limits.
    public var screensMovingRanges: Bool
    /// When set, the mean and limits of each segment come from its first `fixAfter` observed
    /// points only, and later points are judged against them.
    public var fixAfter: Int?
    /// Periods at which the process is rebased: each starts a new segment with its own mean
    /// and limits (a known change, such as a new service model).
    public var rebaseAt: [Period]
    /// A target to judge assurance against, on the scale of the values.
    public var target: Double?
    /// Segments whose baseline has fewer observed points get no limits and no verdict.
    public var minimumPoints: Int

    /// - Precondition: `fixAfter`, when given, is at least 2; `minimumPoints` is at least 2.
    public init(
        improvement: ImprovementDirection = .neutral,
        screensMovingRanges: Bool = true,
        fixAfter: Int? = nil,
        rebaseAt: [Period] = [],
        target: Double? = nil,
        minimumPoints: Int = XmR.recommendedMinimumPoints
    ) {
        precondition(fixAfter.map { $0 >= 2 } ?? true, "fixAfter needs at least two points")
        precondition(minimumPoints >= 2, "XmR limits need at least two points")
        self.improvement = improvement
        self.screensMovingRanges = screensMovingRanges
        self.fixAfter = fixAfter
        self.rebaseAt = rebaseAt
        self.target = target
        self.minimumPoints = minimumPoints
    }
}
