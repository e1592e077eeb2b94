import ScorecastCore

/// Rolling-origin evaluation: refit a model at several forecast origins and score each
/// forecast against what happened next.
///
/// With an expanding window, origin i (of `origins`) uses the first n − h − (origins − 1 − i) · step
/// periods to fit and the next `horizon` periods to score, so the last origin's forecasts end
/// with the series. Origins whose training part would be empty are skipped. Each origin is
/// scored with ``AccuracyMetrics`` (MASE scaled by that origin's own training data).
///
/// Reference: L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and
/// review", IJF 16(4), 2000; R. J. Hyndman and G. Athanasopoulos, *Forecasting: Principles and
/// Practice*, 3rd ed., §5.10 (time series cross-validation).
public struct RollingOriginBacktest: Sendable, Equatable {
    /// Steps forecast from each origin.
    public var horizon: Int
    /// Number of origins.
    public var origins: Int
    /// Periods between consecutive origins.
    public var step: Int
    /// Interval levels to score (percent).
    public var levels: [Double]

    public init(horizon: Int, origins: Int, step: Int = 1, levels: [Double] = [80, 95]) {
        precondition(horizon >= 1 && origins >= 1 && step >= 1, "horizon, origins and step must be at least 1")
        self.horizon = horizon
        self.origins = origins
        self.step = step
        self.levels = levels
    }

    /// The training lengths of the origins for a series of `count` periods, earliest first.
    public func trainingLengths(count: Int) -> [Int] {
        (0..<origins).map { count - horizon - (origins - 1 - $0) * step }.filter { $0 >= 1 }
    }

    /// Fits `spec` at every origin of `series` and scores the forecasts (floored at zero when
    /// the training data have no negative value, as `scorecast forecast` writes them).
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when no origin fits in the
    ///   series; whatever `spec.fit` throws.
    public func evaluate(_ spec: some ForecastModelSpec, on series: TimeSeries) throws -> BacktestResult {
        let lengths = trainingLengths(count: series.count)
        guard !lengths.isEmpty else {
            throw TimeSeriesError.tooShort(series: series.name, needed: horizon + 1, got: series.count)
        }
        var results: [BacktestResult.Origin] = []
        for length in lengths {
            let training = series.prefix(length)
            let fitted = try spec.fit(training)
            let forecast = fitted.forecast(horizon: horizon, levels: levels).flooredAtZero(ifNonNegative: training)
            let actual = Array(series.values[length..<(length + horizon)])
            let metrics = AccuracyMetrics(
                actual: actual, forecast: forecast.mean, intervals: forecast.intervals,
                training: training.values, seasonalPeriod: series.seasonalPeriod)
            results.append(BacktestResult.Origin(origin: training.end, model: fitted.description, metrics: metrics))
        }
        return BacktestResult(series: series.name, model: spec.name, origins: results)
    }
}

extension RollingOriginBacktest {
    /// Forecasts `series` through `pipeline` at every origin, exactly as `scorecast forecast`
    /// would have forecast the series cut there (model, intervals, bounds), and scores the
    /// forecasts. The pipeline's horizon and levels must be the backtest's.
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when no origin fits in the
    ///   series; whatever the pipeline throws.
    public func evaluate(_ pipeline: ForecastPipeline, on series: TimeSeries, bounds: ValueBounds = .nonNegativeIfObservedSo) throws -> BacktestResult
    {
        precondition(pipeline.horizon == horizon && pipeline.levels == levels, "The pipeline must forecast the backtest's horizon and levels")
        let lengths = trainingLengths(count: series.count)
        guard !lengths.isEmpty else {
            throw TimeSeriesError.tooShort(series: series.name, needed: horizon + 1, got: series.count)
        }
        var results: [BacktestResult.Origin] = []
        for length in lengths {
            let training = series.prefix(length)
            let result = try pipeline.forecast(training, bounds: bounds)
            let actual = Array(series.values[length..<(length + horizon)])
            let metrics = AccuracyMetrics(
                actual: actual, forecast: result.forecast.mean, intervals: result.forecast.intervals,
                training: training.values, seasonalPeriod: series.seasonalPeriod)
            results.append(BacktestResult.Origin(origin: training.end, model: result.fitted.description, metrics: metrics))
        }
        return BacktestResult(series: series.name, model: pipeline.modelName, origins: results)
    }
}

/// The scores of one model on one series at every origin of a backtest.
public struct BacktestResult: Sendable, Equatable {
    /// One origin's forecast and its scores.
    public struct Origin: Sendable, Equatable {
        /// The last training period.
        public var origin: Period
        /// What was fitted there (with any fallback).
        public var model: String
        public var metrics: AccuracyMetrics
    }

    public var series: String
    /// The model's catalogue name.
    public var model: String
    public var origins: [Origin]

    /// The measures averaged over origins.
    public var summary: AccuracySummary { AccuracySummary(origins.map(\.metrics)) }
}
