import ScorecastCore

/// How accurate one forecast of one series was: point and interval measures.
///
/// Steps where the actual value or the forecast is missing are left out of every measure.
/// - MAE, RMSE: on the data's scale.
/// - MAPE: `100 · mean(|y − ŷ| / |y|)`; infinite when an actual is zero (as R's `accuracy()`).
/// - sMAPE: the M3/M4 definition, `200 · mean(|y − ŷ| / (|y| + |ŷ|))`, in [0, 200]; a step
///   where both are zero counts as 0.
/// - MASE: MAE over the in-sample MAE of the seasonal naive method, `mean |y_t − y_{t−m}|`
///   over the training data (lag 1 when the training data are shorter than m + 1).
/// - Intervals, per level (1 − α): coverage, the share of actuals inside; Winkler's score,
///   `(U − L) + (2/α)(L − y)` below, `+ (2/α)(y − U)` above, averaged over steps; and the
///   scaled interval score (MSIS at 95%): the mean Winkler score over the same scale as MASE.
///
/// References: R. J. Hyndman and A. B. Koehler, "Another look at measures of forecast
/// accuracy", IJF 22(4), 2006 (MASE); S. Makridakis, E. Spiliotis and V. Assimakopoulos,
/// "The M4 Competition", IJF 36(1), 2020 (sMAPE, MASE, OWA, MSIS); R. L. Winkler, "A
/// decision-theoretic approach to interval estimation", JASA 67(337), 1972.
public struct AccuracyMetrics: Sendable, Equatable {
    /// The number of steps scored.
    public var count: Int
    public var meanAbsoluteError: Double
    public var rootMeanSquaredError: Double
    public var meanAbsolutePercentageError: Double
    public var symmetricMeanAbsolutePercentageError: Double
    public var meanAbsoluteScaledError: Double
    /// The MASE denominator: the in-sample seasonal-naive MAE.
    public var scale: Double
    /// One score per interval level, in the order given.
    public var intervals: [IntervalAccuracy]

    /// Scores `forecast` (and `intervals`, if any) against `actual`, step by step, with the
    /// scale taken from `training`, the data the forecast was made from.
    public init(actual: [Double], forecast: [Double], intervals: [PredictionInterval] = [], training: [Double], seasonalPeriod: Int) {
        precondition(actual.count == forecast.count, "One forecast per actual value")
        let scored = actual.indices.filter { !actual[$0].isNaN && !forecast[$0].isNaN }
        let count = Double(scored.count)
        var absolute = 0.0, squared = 0.0, percentage = 0.0, symmetric = 0.0
        for index in scored {
            let error = actual[index] - forecast[index]
            absolute += abs(error)
            squared += error * error
            percentage += abs(error) / abs(actual[index])
            let denominator = abs(actual[index]) + abs(forecast[index])
            symmetric += denominator == 0 ? 0 : abs(error) / denominator
        }
        self.count = scored.count
        self.meanAbsoluteError = absolute / count
        self.rootMeanSquaredError = (squared / count).squareRoot()
        self.meanAbsolutePercentageError = 100 * percentage / count
        self.symmetricMeanAbsolutePercentageError = 200 * symmetric / count
        self.scale = Self.seasonalNaiveScale(training: training, seasonalPeriod: seasonalPeriod)
        self.meanAbsoluteScaledError = meanAbsoluteError / scale
        let scale = self.scale
        self.intervals = intervals.map { interval in
            precondition(interval.lower.count == actual.count, "One interval bound per actual value")
            let alpha = 1 - interval.level / 100
            var covered = 0.0, winkler = 0.0, intervalCount = 0.0
            for index in scored where !interval.lower[index].isNaN && !interval.upper[index].isNaN {
                let value = actual[index], lower = interval.lower[index], upper = interval.upper[index]
                if value >= lower && value <= upper { covered += 1 }
                winkler += (upper - lower) + (value < lower ? 2 / alpha * (lower - value) : 0) + (value > upper ? 2 / alpha * (value - upper) : 0)
                intervalCount += 1
            }
            return IntervalAccuracy(
                level: interval.level, coverage: covered / intervalCount, winklerScore: winkler / intervalCount,
                scaledIntervalScore: winkler / intervalCount / scale)
        }
    }

    /// The in-sample mean absolute error of the seasonal naive method, `mean |y_t − y_{t−m}|`
    /// over pairs where both are observed (lag 1 when there are fewer than m + 1 values).
    public static func seasonalNaiveScale(training: [Double], seasonalPeriod: Int) -> Double {
        let lag = training.count > seasonalPeriod ? seasonalPeriod : 1
        var sum = 0.0, pairs = 0
        if training.count > lag {
            for index in lag..<training.count where !training[index].isNaN && !training[index - lag].isNaN {
                sum += abs(training[index] - training[index - lag])
                pairs += 1
            }
        }
        return sum / Double(pairs)
    }

    /// The mean absolute error over the steps where both values are present.
    public static func meanAbsoluteError(actual: [Double], forecast: [Double]) -> Double {
        var sum = 0.0, count = 0
        for (value, prediction) in zip(actual, forecast) where !value.isNaN && !prediction.isNaN {
            sum += abs(value - prediction)
            count += 1
        }
        return sum / Double(count)
    }
}

/// How one prediction interval level fared.
public struct IntervalAccuracy: Sendable, Equatable {
    /// The nominal level in percent.
    public var level: Double
    /// The share of actual values inside the interval, in [0, 1].
    public var coverage: Double
    /// Winkler's interval score, averaged over steps (on the data's scale; lower is better).
    public var winklerScore: Double
    /// The Winkler score over the seasonal-naive scale: MSIS when the level is 95.
    public var scaledIntervalScore: Double
}

extension AccuracyMetrics {
    /// The M4 competition's overall weighted average for one series: the mean of this sMAPE
    /// and MASE, each relative to Naive2's on the same series (1 = as good as Naive2).
    public func overallWeightedAverage(relativeTo naive2: AccuracyMetrics) -> Double {
        0.5
            * (symmetricMeanAbsolutePercentageError / naive2.symmetricMeanAbsolutePercentageError
                + meanAbsoluteScaledError / naive2.meanAbsoluteScaledError)
    }

    /// Naive2's scores on `actual`, forecast through the one pipeline from `training`
    /// (unbounded, no intervals): the reference OWA is relative to.
    ///
    /// - Throws: ``TimeSeriesError`` when `training` has no observed value.
    public static func naive2Reference(actual: [Double], training: TimeSeries) throws -> AccuracyMetrics {
        let pipeline = try ForecastPipeline(ModelSpecification(.naive2), horizon: actual.count, levels: [], intervals: .model)
        let forecast = try pipeline.forecast(training, bounds: .unbounded).forecast
        return AccuracyMetrics(actual: actual, forecast: forecast.mean, training: training.values, seasonalPeriod: training.seasonalPeriod)
    }
}
