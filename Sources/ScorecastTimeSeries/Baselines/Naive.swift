import ScorecastCore

/// The naive method: every forecast is the last observed value (R's `naive()`/`rwf()`).
///
/// Intervals widen with √h: σ√h, σ² the mean squared one-step change. Missing values are
/// carried across (a gap is predicted by the value before it). One observation gives a
/// point forecast but no interval (`NaN` bounds), with a note.
public struct Naive: ForecastModelSpec {
    public init() {}
    public var name: String { "naive" }

    public func fit(_ series: TimeSeries) throws -> FittedLagWalk {
        try BaselineSupport.requireObservations(series)
        var notes = BaselineSupport.missingValueNotes(series, how: "carried the previous value across")
        if series.observedCount < 2 { notes.append("one observation: no prediction interval can be estimated") }
        return FittedLagWalk(series: series, lag: 1, withDrift: false, description: "naive", notes: notes)
    }
}

/// The seasonal naive method: each forecast is the value of the same period one season
/// earlier (R's `snaive()`), with intervals σ√k at the k-th season ahead.
///
/// Falls back to ``Naive`` (and says so) for an annual series, a series shorter than one
/// season, or one where some position of the last season was never observed.
public struct SeasonalNaive: ForecastModelSpec {
    public init() {}
    public var name: String { "snaive" }

    public func fit(_ series: TimeSeries) throws -> FittedLagWalk {
        try BaselineSupport.requireObservations(series)
        let period = series.seasonalPeriod
        let notes = BaselineSupport.missingValueNotes(series, how: "carried the value one season earlier across")
        if period > 1 && series.count >= period {
            let fitted = FittedLagWalk(series: series, lag: period, withDrift: false, description: "seasonal naive", notes: notes)
            if fitted.hasCompleteLastCycle { return fitted }
        }
        let reason: ModelFallback.Reason =
            period == 1
            ? .annualSeriesHasNoSeason
            : series.count < period ? .shorterThanOneSeason : .lastSeasonIncomplete
        let naive = try Naive().fit(series)
        return FittedLagWalk(
            series: series, lag: 1, withDrift: false, description: "naive (fallback: \(reason))",
            notes: naive.notes + ["seasonal naive fell back to naive: \(reason)"], fallback: reason)
    }
}

/// The drift method: the naive forecast plus the average change per period, i.e. a line
/// through the first and last observations (R's `rwf(drift = TRUE)`).
///
/// Variance at step h: σ²h + (h · se(drift))², the second term from the uncertainty of the
/// estimated drift. Falls back to ``Naive`` (and says so) with fewer than three observations
/// in sequence, where the drift's standard error is undefined.
public struct Drift: ForecastModelSpec {
    public init() {}
    public var name: String { "drift" }

    public func fit(_ series: TimeSeries) throws -> FittedLagWalk {
        try BaselineSupport.requireObservations(series)
        let notes = BaselineSupport.missingValueNotes(series, how: "carried the previous value across")
        let changes = zip(series.values.dropFirst(), series.values).filter { !$0.isNaN && !$1.isNaN }.count
        guard changes >= 2 else {
            let naive = try Naive().fit(series)
            let reason = ModelFallback.Reason.tooFewChanges
            return FittedLagWalk(
                series: series, lag: 1, withDrift: false, description: "naive (fallback: \(reason))",
                notes: naive.notes + ["drift fell back to naive: \(reason)"], fallback: reason)
        }
        return FittedLagWalk(series: series, lag: 1, withDrift: true, description: "drift", notes: notes)
    }
}
