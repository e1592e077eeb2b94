import ScorecastCore
import ScorecastTimeSeries

/// One stretch of an XmR chart between rebases, with its own mean and limits.
public struct XmRSegment: Sendable, Equatable {
    /// Indices into the analysed series' values.
    public var indices: Range<Int>
    /// The first period of the segment.
    public var start: Period
    /// Observed (non-missing) points in the segment.
    public var observedCount: Int
    /// The mean and limits, or `nil` when the baseline has too few points.
    public var limits: ProcessLimits?
    /// What the segment's latest observed point says.
    public var variation: VariationIcon
}

/// One point of an XmR chart and its verdict.
public struct XmRPoint: Sendable, Equatable {
    public var period: Period
    /// The value (`NaN` when missing).
    public var value: Double
    /// Index of the segment in ``XmRAnalysis/segments``.
    public var segment: Int
    /// The special cause, `nil` for common cause, missing values and segments without limits.
    public var specialCause: SpecialCause?
    /// The verdict read through the polarity; `nil` for missing values and segments without
    /// limits.
    public var type: PointType?
}

/// A series analysed as an XmR chart: segments, per-point verdicts and the assurance icon.
public struct XmRAnalysis: Sendable, Equatable {
    /// The settings used.
    public var spec: XmR
    /// The analysed series.
    public var series: TimeSeries
    /// Segments in time order (one unless the spec rebases).
    public var segments: [XmRSegment]
    /// One per value of the series.
    public var points: [XmRPoint]
    /// Assurance of the target against the last segment's limits; `nil` without a target,
    /// for a neutral indicator, or when the last segment has no limits.
    public var assurance: Assurance?

    /// The latest segment.
    public var latestSegment: XmRSegment { segments[segments.count - 1] }

    /// The variation icon of the latest segment: the chart's headline.
    public var variation: VariationIcon { latestSegment.variation }

    /// The latest observed point, if any.
    public var latestPoint: XmRPoint? { points.last { !$0.value.isNaN } }

    /// The limits that apply at `index`, if its segment has any.
    public func limits(at index: Int) -> ProcessLimits? { segments[points[index].segment].limits }
}
