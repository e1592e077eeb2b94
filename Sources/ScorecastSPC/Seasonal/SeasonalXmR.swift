import ScorecastCore
import ScorecastTimeSeries

/// Making Data Count's XmR rules applied after a series' usual seasonal pattern is taken out.
///
/// A plain XmR chart of a seasonal series reads every August dip as news and, because the
/// seasonal swing inflates the moving ranges, widens the limits until real changes hide.
/// Seasonal XmR removes the pattern first (the seasonally adjusted series is the residual of
/// the seasonal model with the level kept), runs the same limits and rules on what is left,
/// and puts the centre line and limits back on the data's scale, where they follow the
/// seasonal shape: a point is special when it is unusual *for its month*.
///
/// The pattern comes from a seasonal model fitted to the series (classical decomposition,
/// STL or a calendar regression); this type does not estimate it.
public struct SeasonalXmR: Sendable, Equatable {
    /// The XmR settings applied to the adjusted series. The target is compared with the
    /// adjusted limits, i.e. with the process level of a typical month.
    public var xmr: XmR

    public init(_ xmr: XmR = XmR()) {
        self.xmr = xmr
    }

    /// Analyses `series` with `pattern` (one value per period) taken out.
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` when the pattern does not
    ///   have one finite value per period, or a multiplicative factor is not positive; and
    ///   whatever ``XmR/analyse(_:)`` throws.
    public func analyse(_ series: TimeSeries, pattern: SeasonalPattern) throws -> SeasonalXmRAnalysis {
        guard pattern.values.count == series.count else {
            throw TimeSeriesError.unsuitable(
                series: series.name, reason: "seasonal pattern has \(pattern.values.count) values for \(series.count) periods")
        }
        if case .multiplicative(let factors) = pattern, factors.contains(where: { !($0 > 0) }) {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "multiplicative seasonal factors must be positive")
        }
        guard pattern.values.allSatisfy(\.isFinite) else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "seasonal pattern has missing values")
        }
        var adjusted = series
        adjusted.values = series.values.indices.map { pattern.adjust(series.values[$0], at: $0) }
        return SeasonalXmRAnalysis(series: series, pattern: pattern, adjusted: try xmr.analyse(adjusted))
    }
}

/// The result of ``SeasonalXmR``: the XmR analysis of the adjusted series, and the centre
/// line and limits on the data's scale.
public struct SeasonalXmRAnalysis: Sendable, Equatable {
    /// The original series.
    public var series: TimeSeries
    /// The seasonal pattern taken out.
    public var pattern: SeasonalPattern
    /// The XmR analysis of the seasonally adjusted series: its points carry the verdicts.
    public var adjusted: XmRAnalysis

    /// The expected value at `index` (the centre line put back on the data's scale), or `NaN`
    /// where the segment has no limits.
    public func mean(at index: Int) -> Double {
        adjusted.limits(at: index).map { pattern.reseasonalise($0.mean, at: index) } ?? .nan
    }

    /// The lower process limit at `index` on the data's scale, or `NaN`.
    public func lower(at index: Int) -> Double {
        adjusted.limits(at: index).map { pattern.reseasonalise($0.lower, at: index) } ?? .nan
    }

    /// The upper process limit at `index` on the data's scale, or `NaN`.
    public func upper(at index: Int) -> Double {
        adjusted.limits(at: index).map { pattern.reseasonalise($0.upper, at: index) } ?? .nan
    }
}
