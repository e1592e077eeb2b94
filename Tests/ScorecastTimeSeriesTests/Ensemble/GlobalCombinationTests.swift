import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// `auto:global`'s combination, with two baselines standing in for its members so every number
/// can be worked out by hand: naive (the last value) and the mean.
@Suite struct GlobalCombinationTests {
    static let series = TimeSeries(name: "s", start: Period(year: 2020, month: 1), values: [10, 14, 9, 12, 16, 11, 13, 15, 12, 18])

    static func forecast(_ fitted: AnyFittedForecastModel, levels: [Double] = [80, 95]) -> Forecast {
        var generator = Xoshiro256StarStar(seed: 1)
        return fitted.forecast(horizon: 3, levels: levels, using: &generator)
    }

    @Test(arguments: [(0.4, 0.9), (0.0, 1.0), (1.0, 1.0), (0.25, 0.5)])
    func meansAreWeightedAndBoundsNarrowedAroundThem(weight: Double, scale: Double) throws {
        let automatic = AnyForecastModelSpec(Naive()), global = AnyForecastModelSpec(MeanForecast())
        let combination = GlobalCombination(automatic: automatic, global: global, globalWeight: weight, intervalScale: scale)
        let combined = Self.forecast(try combination.fit(Self.series))
        let a = Self.forecast(try automatic.fit(Self.series)), g = Self.forecast(try global.fit(Self.series))
        for step in 0..<3 {
            let mean = weight * g.mean[step] + (1 - weight) * a.mean[step]
            #expect(abs(combined.mean[step] - mean) < 1e-12)
            for index in 0..<2 {
                let lower = weight * g.intervals[index].lower[step] + (1 - weight) * a.intervals[index].lower[step]
                let upper = weight * g.intervals[index].upper[step] + (1 - weight) * a.intervals[index].upper[step]
                #expect(abs(combined.intervals[index].lower[step] - max(0, mean + scale * (lower - mean))) < 1e-9)
                #expect(abs(combined.intervals[index].upper[step] - (mean + scale * (upper - mean))) < 1e-9)
            }
        }
    }

    /// The validated defaults, and a description that says what was combined and how.
    @Test func defaultsAreTheValidatedOnes() throws {
        let combination = GlobalCombination(automatic: AnyForecastModelSpec(Naive()), global: AnyForecastModelSpec(MeanForecast()))
        #expect(combination.globalWeight == 0.4 && combination.intervalScale == 0.9)
        let fitted = try combination.fit(Self.series)
        #expect(fitted.description.hasPrefix("0.6 × ") && fitted.description.contains(" + 0.4 × "), "\(fitted.description)")
    }

    /// An untrained global model stands naive in for itself: the series gets `auto` alone,
    /// saying why.
    @Test func aGlobalStandInIsLeftOut() throws {
        let untrained = AnyForecastModelSpec(GlobalForecastSpec(trained: nil))
        let combination = GlobalCombination(automatic: AnyForecastModelSpec(MeanForecast()), global: untrained)
        let fitted = try combination.fit(Self.series)
        let alone = Self.forecast(AnyFittedForecastModel(try MeanForecast().fit(Self.series)))
        #expect(Self.forecast(fitted).mean == alone.mean)
        #expect(fitted.notes.contains { $0.hasPrefix("global model left out: no global model") }, "\(fitted.notes)")
        #expect(fitted.fallback == nil)
    }
}
