import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Series of three values or fewer: AICc is infinite for any model with a constant there, so
/// ranking by it chose ARIMA(0,0,0) without a mean and forecast 0 for the series 1, 2, 4
/// (found by the issue 20 hardening: `scorecast forecast --model arima` on a 3-month series).
/// As R's `auto.arima` does, such series are searched by AIC.
@Suite struct AutoARIMATinySeriesTests {
    @Test(arguments: [[1.0, 2, 4], [10.0, 12, 11]])
    func aTinyPositiveSeriesIsNotForecastAtZero(values: [Double]) throws {
        let series = TimeSeries(name: "tiny", start: Period(year: 2020, month: 1), values: values)
        let fitted = try AutoARIMA().fit(series)
        var generator = Xoshiro256StarStar(seed: 1)
        let forecast = fitted.forecast(horizon: 2, levels: [80, 95], using: &generator)
        #expect(fitted.constant != .none, "\(fitted.description)")
        #expect(forecast.mean.allSatisfy { $0 >= values.min()! - 1 && $0 <= values.max()! * 2 }, "\(forecast.mean)")
    }
}
