import ScorecastCore

/// A fitted model that can be re-run on a shorter history with its form and estimated
/// parameters kept: only the filter (the recursion that turns data into states, fitted values
/// and residuals) runs again.
///
/// ``ConformalIntervals`` calibrates on forecast errors from past origins; refitting the model
/// at every origin costs a full estimation each time, refiltering costs one pass over the data.
/// The price is optimism: the parameters were estimated on data after the origin, so the
/// errors are smaller than a genuine out-of-sample forecast's would be (measured in
/// `docs/engineering-notes/issue-17.md`).
///
/// Reference: R. J. Hyndman and G. Athanasopoulos, *Forecasting: Principles and Practice*,
/// 3rd ed., §5.10 (time series cross-validation; `forecast(fit, model = ...)` re-applies a
/// fitted model to new data without re-estimating it, as R forecast's `ets(y, model = fit)` and
/// `Arima(y, model = fit)` do).
public protocol RefilterableFittedModel: FittedForecastModel {
    /// The same model (form, parameters, initial states) run on `prefix`, a prefix of
    /// ``FittedForecastModel/series``: its fitted values, residual variance and final state
    /// are those of the prefix. `nil` when the model cannot be re-run there (the prefix is too
    /// short for it, or the recursion fails); the caller then refits instead.
    func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel?
}

extension FittedForecastModel {
    /// ``RefilterableFittedModel/refiltered(to:)`` where the model supports it; `nil` otherwise.
    public func refilteredIfSupported(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        (self as? any RefilterableFittedModel)?.refiltered(to: prefix)
    }
}

extension AnyFittedForecastModel: RefilterableFittedModel {
    /// The wrapped model's refilter.
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        base.refilteredIfSupported(to: prefix)
    }
}

extension NotedFit: RefilterableFittedModel {
    /// The wrapped model refiltered, with the same notes.
    func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        base.refiltered(to: prefix).map { AnyFittedForecastModel(NotedFit(base: $0, extraNotes: extraNotes)) }
    }
}

extension FallbackFittedModel: RefilterableFittedModel {
    /// The stand-in refiltered, still a stand-in for the same reason.
    func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        base.refilteredIfSupported(to: prefix).map { AnyFittedForecastModel(FallbackFittedModel(base: $0.base, reason: reason)) }
    }
}
