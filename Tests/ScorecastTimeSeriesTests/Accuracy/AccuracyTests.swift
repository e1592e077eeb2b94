import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("Accuracy")
struct AccuracyTests {
    /// MAE, RMSE, MAPE and MASE against R's `accuracy()`; sMAPE against the M3 formula in R.
    @Test func matchesRAccuracy() throws {
        let series = try Fixture.m3Series()
        let actuals = try Fixture.m3Actuals()
        let rows = try Fixture.rows("accuracy")
        #expect(rows.count == 16)
        for row in rows {
            let name = row["series"]!
            let training = try #require(series[name])
            let spec: AnyForecastModelSpec = row["model"] == "snaive" ? AnyForecastModelSpec(SeasonalNaive()) : AnyForecastModelSpec(Drift())
            let forecast = try spec.fit(training).forecast(horizon: 18, levels: [])
            let actual = try #require(actuals[name])
            #expect(actual.start == forecast.start)
            let metrics = AccuracyMetrics(actual: actual.values, forecast: forecast.mean, training: training.values, seasonalPeriod: 12)
            #expect(isClose(metrics.meanAbsoluteError, Fixture.number(row["mae"]), relative: 1e-12))
            #expect(isClose(metrics.rootMeanSquaredError, Fixture.number(row["rmse"]), relative: 1e-12))
            #expect(isClose(metrics.meanAbsolutePercentageError, Fixture.number(row["mape"]), relative: 1e-12))
            #expect(isClose(metrics.meanAbsoluteScaledError, Fixture.number(row["mase"]), relative: 1e-12))
            #expect(isClose(metrics.symmetricMeanAbsolutePercentageError, Fixture.number(row["smape"]), relative: 1e-12))
        }
    }

    @Test func intervalScoresByHand() {
        // Level 80 (α = 0.2): inside, below by 1, above by 2.
        let interval = PredictionInterval(level: 80, lower: [0, 0, 0], upper: [10, 10, 10])
        let metrics = AccuracyMetrics(
            actual: [5, -1, 12], forecast: [5, 5, 5], intervals: [interval],
            training: [1, 2, 3, 4], seasonalPeriod: 1)
        let score = metrics.intervals[0]
        #expect(score.coverage == 1.0 / 3)
        let expected: Double = (10.0 + 20.0 + 30.0) / 3  // width 10, plus (2/α)·miss = 10·miss
        #expect(score.winklerScore == expected)
        #expect(metrics.scale == 1)
        #expect(score.scaledIntervalScore == score.winklerScore)
    }

    @Test func symmetricErrorIsBoundedAndZeroOverZeroIsPerfect() {
        let metrics = AccuracyMetrics(actual: [0, 0, 5, .nan], forecast: [0, 3, -5, 1], training: [1, 1], seasonalPeriod: 12)
        #expect(metrics.count == 3)
        #expect(metrics.symmetricMeanAbsolutePercentageError == 400.0 / 3)
        #expect(metrics.meanAbsoluteScaledError.isInfinite)  // a constant training series has scale 0
    }

    @Test func summaryAveragesSeriesAndOWARelativeToNaive2() {
        let a = AccuracyMetrics(actual: [10], forecast: [12], training: [1, 2, 3], seasonalPeriod: 1)
        let b = AccuracyMetrics(actual: [10], forecast: [9], training: [1, 3, 5], seasonalPeriod: 1)
        let summary = AccuracySummary([a, b])
        #expect(summary.meanAbsoluteScaledError == (2.0 / 1 + 1.0 / 2) / 2)
        #expect(summary.overallWeightedAverage(relativeTo: summary) == 1)
    }
}
