import ScorecastCore

extension RollingOriginBacktest {
    /// One pipeline per origin for a model that learns across series (`global`): origin `i`'s
    /// is trained on every series of `batch` cut at its own origin `i` (its first
    /// n − h − (origins − 1 − i) · step periods), so no forecast from that origin was trained on a
    /// value after it. Series too short for the origin are left out of its training.
    ///
    /// - Complexity: `origins` trainings of the global model.
    public func originPipelines(
        _ pipeline: ForecastPipeline, batch: [TimeSeries], jobs: Int = 1, options: GlobalTrainingOptions = GlobalTrainingOptions()
    ) -> [ForecastPipeline] {
        precondition(pipeline.horizon == horizon && pipeline.levels == levels, "The pipeline must forecast the backtest's horizon and levels")
        return (0..<origins).map { origin in
            let cut = batch.compactMap { series -> TimeSeries? in
                let length = trainingLength(count: series.count, origin: origin)
                return length >= 1 ? series.prefix(length) : nil
            }
            return pipeline.training(on: cut, jobs: jobs, options: options)
        }
    }

    /// The training length of origin `origin` (from 0, earliest first) for a series of `count`.
    func trainingLength(count: Int, origin: Int) -> Int {
        count - horizon - (origins - 1 - origin) * step
    }

    /// Forecasts `series` at every origin through that origin's pipeline
    /// (``originPipelines(_:batch:jobs:options:)``) and scores the forecasts, as
    /// ``evaluate(_:on:bounds:)-(ForecastPipeline,_,_)`` does with one pipeline.
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when no origin fits in the
    ///   series; whatever the pipelines throw.
    public func evaluate(originPipelines: [ForecastPipeline], on series: TimeSeries, bounds: ValueBounds = .nonNegativeIfObservedSo) throws
        -> BacktestResult
    {
        precondition(originPipelines.count == origins, "One pipeline per origin")
        var results: [BacktestResult.Origin] = []
        for origin in 0..<origins {
            let length = trainingLength(count: series.count, origin: origin)
            guard length >= 1 else { continue }
            let training = series.prefix(length)
            let result = try originPipelines[origin].forecast(training, bounds: bounds)
            let actual = Array(series.values[length..<(length + horizon)])
            let metrics = AccuracyMetrics(
                actual: actual, forecast: result.forecast.mean, intervals: result.forecast.intervals,
                training: training.values, seasonalPeriod: series.seasonalPeriod)
            results.append(BacktestResult.Origin(origin: training.end, model: result.fitted.description, metrics: metrics))
        }
        guard !results.isEmpty else { throw TimeSeriesError.tooShort(series: series.name, needed: horizon + 1, got: series.count) }
        return BacktestResult(series: series.name, model: originPipelines[0].modelName, origins: results)
    }
}
