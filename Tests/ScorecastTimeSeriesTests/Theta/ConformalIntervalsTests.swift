import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

@Suite("Conformal intervals")
struct ConformalIntervalsTests {
    @Test func originsLeaveAFullWindowAndEnoughHistory() {
        let origins = ConformalIntervals.originIndices(count: 126, horizon: 18, origins: 10, seasonalPeriod: 12)
        #expect(origins == [108, 102, 96, 90, 84, 78, 72, 66, 60, 54])
        let short = ConformalIntervals.originIndices(count: 48, horizon: 18, origins: 10, seasonalPeriod: 12)
        #expect(short == [30, 29, 28, 27, 26, 25])
        #expect(ConformalIntervals.originIndices(count: 40, horizon: 18, origins: 10, seasonalPeriod: 12).isEmpty)
    }

    /// The split-conformal rank ⌈(N + 1) L⌉, capped at N.
    @Test func scoreQuantileUsesTheConformalRank() throws {
        let series = TimeSeries(name: "s", start: Period(year: 2020, month: 1), values: (0..<30).map(Double.init))
        let base = AnyFittedForecastModel(try Naive().fit(series))
        let fitted = FittedConformal(base: base, scores: (1...19).map(Double.init), policy: .always, extraNotes: [])
        #expect(fitted.scoreQuantile(level: 95) == 19)
        #expect(fitted.scoreQuantile(level: 80) == 16)
        #expect(fitted.scoreQuantile(level: 99) == 19)
    }

    /// On independent Gaussian noise, the mean method's conformal intervals cover close to their
    /// nominal level across 400 seeded series.
    @Test func coversNominallyOnGaussianNoise() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        var covered80 = 0, covered95 = 0, total = 0
        let spec = ConformalIntervals(base: AnyForecastModelSpec(MeanForecast()), calibrationHorizon: 6, origins: 10)
        for index in 0..<400 {
            let values = (0..<66).map { _ in RandomVariates.normal(mean: 50, standardDeviation: 4, using: &generator) }
            let series = TimeSeries(name: "noise\(index)", start: Period(year: 2015, month: 1), values: Array(values.prefix(60)))
            let forecast = try spec.fit(series).forecast(horizon: 6, levels: [80, 95])
            for step in 0..<6 {
                let actual = values[60 + step]
                if forecast.intervals[0].lower[step] <= actual && actual <= forecast.intervals[0].upper[step] { covered80 += 1 }
                if forecast.intervals[1].lower[step] <= actual && actual <= forecast.intervals[1].upper[step] { covered95 += 1 }
                total += 1
            }
        }
        let coverage80 = Double(covered80) / Double(total), coverage95 = Double(covered95) / Double(total)
        #expect((0.77...0.86).contains(coverage80), "80%: \(coverage80)")
        #expect((0.93...0.98).contains(coverage95), "95%: \(coverage95)")
    }

    /// Calibration widens intervals that are too narrow: thetaf on a noisy random walk.
    @Test func keepsModelIntervalsWhereTheyAlreadyCover() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let values = (0..<72).map { _ in RandomVariates.normal(mean: 100, standardDeviation: 5, using: &generator) }
        let series = TimeSeries(name: "noise", start: Period(year: 2015, month: 1), values: values)
        // Naive's random-walk intervals are √2 too wide (or more) for independent noise.
        let base = try Naive().fit(series).forecast(horizon: 6, levels: [80, 95])
        let fit = try ConformalIntervals(base: AnyForecastModelSpec(Naive()), calibrationHorizon: 6, origins: 10, policy: .whereUnderCovering).fit(
            series)
        let forecast = fit.forecast(horizon: 6, levels: [80, 95])
        #expect(fit.scoreQuantile(level: 80) < Normal.standardQuantile(0.9))
        #expect(forecast.intervals == base.intervals)
        let always = try ConformalIntervals(base: AnyForecastModelSpec(Naive()), calibrationHorizon: 6, origins: 10).fit(series).forecast(
            horizon: 6, levels: [80, 95])
        #expect(always.intervals[0].upper[5] - always.intervals[0].lower[5] < base.intervals[0].upper[5] - base.intervals[0].lower[5])
        #expect(always.mean == base.mean)
    }

    @Test func tooShortToCalibrateKeepsTheModelsIntervals() throws {
        let series = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: (0..<20).map { 10 + Double($0 % 4) })
        let fit = try ConformalIntervals(base: AnyForecastModelSpec(Naive()), calibrationHorizon: 18).fit(series)
        #expect(fit.scores.isEmpty)
        #expect(fit.notes.contains { note in note.contains("model's own intervals are kept") })
        let forecast = fit.forecast(horizon: 3, levels: [95])
        #expect(forecast.intervals == (try Naive().fit(series).forecast(horizon: 3, levels: [95])).intervals)
    }
}
