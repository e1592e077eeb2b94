import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("Rolling-origin backtest")
struct BacktestTests {
    @Test func originsExpandAndTheLastEndsWithTheSeries() {
        let backtest = RollingOriginBacktest(horizon: 6, origins: 4, step: 3)
        #expect(backtest.trainingLengths(count: 40) == [25, 28, 31, 34])
        #expect(backtest.trainingLengths(count: 12) == [3, 6])
        #expect(backtest.trainingLengths(count: 6).isEmpty)
    }

    @Test func aRepeatingSeasonIsForecastExactlyBySeasonalNaive() throws {
        let pattern: [Double] = [10, 12, 30, 8, 9, 14, 20, 5, 16, 11, 13, 25]
        let series = TimeSeries(name: "x", start: Period(year: 2015, month: 1), values: (0..<60).map { pattern[$0 % 12] })
        let result = try RollingOriginBacktest(horizon: 12, origins: 5, step: 2).evaluate(SeasonalNaive(), on: series)
        #expect(result.origins.count == 5)
        #expect(result.origins.map(\.origin.description) == ["2018-04", "2018-06", "2018-08", "2018-10", "2018-12"])
        #expect(result.summary.meanAbsoluteError == 0)
        #expect(result.summary.intervals.allSatisfy { $0.coverage == 1 })
        // The naive method does not see the season and is scored accordingly.
        #expect(try RollingOriginBacktest(horizon: 12, origins: 5).evaluate(Naive(), on: series).summary.meanAbsoluteError > 0)
    }

    /// Each origin's metrics equal scoring that origin's forecast by hand.
    @Test func originMetricsAgreeWithDirectScoring() throws {
        let series = try #require(try Fixture.m3Series()["N1900"])
        let backtest = RollingOriginBacktest(horizon: 18, origins: 3, step: 6)
        let result = try backtest.evaluate(Naive2(), on: series)
        for (origin, length) in zip(result.origins, backtest.trainingLengths(count: series.count)) {
            let training = series.prefix(length)
            let forecast = try Naive2().fit(training).forecast(horizon: 18, levels: [80, 95])
            let direct = AccuracyMetrics(
                actual: Array(series.values[length..<(length + 18)]), forecast: forecast.mean,
                intervals: forecast.intervals, training: training.values, seasonalPeriod: 12)
            #expect(origin.metrics == direct)
        }
    }

    @Test func tooShortSeriesIsAnError() {
        let series = TimeSeries(name: "x", start: Period(year: 2020, month: 1), values: [1, 2, 3])
        #expect(throws: TimeSeriesError.self) { try RollingOriginBacktest(horizon: 3, origins: 2).evaluate(Naive(), on: series) }
    }
}
