import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Fixed orders whose seasonal moving-average span is longer than the series: the conditional
/// forecast read errors before the series' start (a crash, found while refiltering in issue
/// 17). Errors before the series are zero, as in the estimation's conditioning.
@Suite struct ARIMAShortSeriesTests {
    static let values: [Double] = [23, 31, 27, 40, 35, 29, 33, 38, 30, 36]

    @Test(arguments: [
        ARIMAOrder(p: 0, d: 0, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 1),
        ARIMAOrder(p: 0, d: 0, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 2),
        ARIMAOrder(p: 0, d: 0, q: 1, seasonalP: 0, seasonalD: 0, seasonalQ: 1),
    ])
    func aMovingAverageSpanLongerThanTheSeriesForecasts(order: ARIMAOrder) throws {
        let series = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: Self.values)
        let fitted = try ARIMA(order: order).fit(series)
        var generator = Xoshiro256StarStar(seed: 1)
        let forecast = fitted.forecast(horizon: 14, levels: [80], using: &generator)
        #expect(forecast.mean.allSatisfy { $0.isFinite }, "\(forecast.mean)")
        #expect(forecast.intervals[0].lower.allSatisfy { $0.isFinite })
    }

    /// ARIMA(0,0,0)(0,0,1)[12] with a mean on 10 months: the first two steps' seasonal lag
    /// falls before the series (the mean alone); the third reads the first error.
    @Test func errorsBeforeTheSeriesAreZero() throws {
        let series = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: Self.values)
        let fitted = try ARIMA(order: ARIMAOrder(p: 0, d: 0, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 1)).fit(series)
        let path = fitted.conditionalPath(horizon: 3)
        let mean = fitted.constantValue
        let theta = try #require(fitted.seasonalMovingAverage.first)
        #expect(abs(path.mean[0] - mean) < 1e-9)
        #expect(abs(path.mean[1] - mean) < 1e-9)
        #expect(abs(path.mean[2] - (mean + theta * (Self.values[0] - mean))) < 1e-9)
    }
}
