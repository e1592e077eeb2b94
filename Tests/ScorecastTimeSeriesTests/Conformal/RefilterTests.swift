import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Refiltering (``RefilterableFittedModel``): a fitted model re-run on a prefix of its series
/// with its form and parameters kept, as conformal calibration uses it.
@Suite("Refiltered models")
struct RefilterTests {
    /// The models `auto` combines, one of each family, and the baselines.
    static let models: [String] = [
        "ets", "ets:select", "ets:MAdM", "ets:ANA", "theta", "theta:stm", "theta:otm", "theta:dotm", "theta:dstm", "arima",
        "arima:1,1,1,0,1,1", "snaive", "naive", "drift", "mean", "ensemble",
    ]

    static func fit(_ model: String, _ series: TimeSeries) throws -> AnyFittedForecastModel {
        try ModelCatalogue.standard.spec(for: ModelSpecification(parsing: model)).fit(series)
    }

    static func assertClose(_ actual: [Double], _ expected: [Double], _ what: String, relative: Double = 1e-9) {
        #expect(actual.count == expected.count, "\(what): counts")
        for (index, (a, e)) in zip(actual, expected).enumerated() where !isClose(a, e, relative: relative) {
            Issue.record("\(what)[\(index)]: \(a) against \(e)")
            return
        }
    }

    /// Refiltered on the whole series, a model reproduces its own fit: the same fitted values,
    /// and the same forecast (mean and intervals), for every family.
    @Test(arguments: models, ["N1402", "N1900", "N2500"])
    func refilterOnTheWholeSeriesReproducesTheFit(model: String, name: String) throws {
        let series = try #require(try Fixture.m3Series()[name])
        let fitted = try Self.fit(model, series)
        let refiltered = try #require(fitted.refiltered(to: series), "\(model) cannot be refiltered")
        #expect(refiltered.description == fitted.description)
        Self.assertClose(refiltered.fittedValues, fitted.fittedValues, "\(model) \(name) fitted values")
        let expected = fitted.forecast(horizon: 18, levels: [80, 95])
        let actual = refiltered.forecast(horizon: 18, levels: [80, 95])
        Self.assertClose(actual.mean, expected.mean, "\(model) \(name) mean")
        for (a, e) in zip(actual.intervals, expected.intervals) {
            Self.assertClose(a.lower, e.lower, "\(model) \(name) lower \(e.level)", relative: 1e-6)
            Self.assertClose(a.upper, e.upper, "\(model) \(name) upper \(e.level)", relative: 1e-6)
        }
    }

    /// The filters of ETS, ARIMA (conditional errors) and the dynamic theta models are causal:
    /// refiltered on a prefix, the fitted values are the full fit's over that prefix, and the
    /// parameters are the full fit's.
    @Test(arguments: ["ets:MAdM", "ets:AAN", "arima:1,1,1,0,1,1", "theta:dotm"])
    func refilterOnAPrefixKeepsParametersAndFilterCausally(model: String) throws {
        // N2345 is non-seasonal for the theta test (no seasonal adjustment to recompute).
        let series = try #require(try Fixture.m3Series()[model.hasPrefix("theta") ? "N1402" : "N2500"])
        let fitted = try Self.fit(model, series)
        let prefix = series.prefix(series.count - 20)
        let refiltered = try #require(fitted.refiltered(to: prefix))
        #expect(refiltered.series == prefix)
        let wholeFitted = Array(fitted.fittedValues.prefix(prefix.count))
        switch refiltered.base {
        case let ets as FittedETS:
            let full = try #require(fitted.base as? FittedETS)
            #expect(ets.parameters == full.parameters && ets.initialState == full.initialState)
            Self.assertClose(refiltered.fittedValues, wholeFitted, "\(model) prefix fitted values")
        case let arima as FittedARIMA:
            let full = try #require(fitted.base as? FittedARIMA)
            #expect(arima.autoregressive == full.autoregressive && arima.seasonalMovingAverage == full.seasonalMovingAverage)
            Self.assertClose(refiltered.fittedValues, wholeFitted, "\(model) prefix fitted values")
        case let theta as FittedThetaModel:
            let full = try #require(fitted.base as? FittedThetaModel)
            #expect(theta.parameters == full.parameters)
            if !theta.adjustment.isSeasonal && !full.adjustment.isSeasonal {
                Self.assertClose(refiltered.fittedValues, wholeFitted, "\(model) prefix fitted values")
            }
        default:
            Issue.record("unexpected refiltered model \(type(of: refiltered.base))")
        }
    }

    /// A prefix too short for the model gives `nil` (the caller refits), never a crash.
    @Test func tooShortAPrefixCannotBeRefiltered() throws {
        let series = try #require(try Fixture.m3Series()["N2500"])
        let arima = try Self.fit("arima:1,1,1,0,1,1", series)
        #expect(arima.refiltered(to: series.prefix(10)) == nil)
        let ets = try Self.fit("ets:MAdM", series)
        #expect(ets.refiltered(to: series.prefix(8)) == nil)
    }

    /// Conformal intervals calibrated on refiltered models: ordered (95% outside 80% outside
    /// the mean), finite, the same on a second run, and the calibration says how it was made.
    @Test(arguments: ["N1402", "N1652-gaps", "N2100", "N2801"])
    func refilteredCalibrationGivesValidDeterministicIntervals(name: String) throws {
        let series = try #require(try Fixture.m3Series()[name])
        let spec = ConformalIntervals(
            base: ModelCatalogue.standard.automaticSpec(), calibrationHorizon: 18, origins: 20, calibration: .refilter)
        let first = try spec.fit(series)
        let forecast = first.forecast(horizon: 18, levels: [80, 95])
        #expect(!first.scores.isEmpty)
        #expect(first.notes.contains { $0.contains("refiltered at each origin") })
        for step in 0..<18 {
            let inner = forecast.intervals[0], outer = forecast.intervals[1]
            #expect(forecast.mean[step].isFinite && outer.lower[step].isFinite && outer.upper[step].isFinite)
            #expect(outer.lower[step] <= inner.lower[step] && inner.lower[step] <= forecast.mean[step])
            #expect(forecast.mean[step] <= inner.upper[step] && inner.upper[step] <= outer.upper[step])
        }
        let second = try spec.fit(series)
        #expect(second.scores == first.scores)
        #expect(second.forecast(horizon: 18, levels: [80, 95]) == forecast)
    }

    /// For a model with nothing to estimate beyond what the prefix gives (the mean), refiltering
    /// is refitting: both calibrations give the same scores.
    @Test func refilterEqualsRefitWhereNothingIsKept() throws {
        let series = try #require(try Fixture.m3Series()["N2100"])
        let base = AnyForecastModelSpec(MeanForecast())
        let refit = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refit).fit(series)
        let refilter = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refilter).fit(series)
        #expect(refit.scores == refilter.scores)
    }

    /// The score inflation multiplies every score.
    @Test func scoreInflationScalesTheScores() throws {
        let series = try #require(try Fixture.m3Series()["N2100"])
        let base = AnyForecastModelSpec(SeasonalNaive())
        let plain = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refilter).fit(series)
        let inflated = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refilter, scoreInflation: .constant(1.5)).fit(series)
        Self.assertClose(inflated.scores, plain.scores.map { 1.5 * $0 }, "inflated scores")
    }

    /// The degrees-of-freedom inflation is √(n / (n − k)), k = 7 + m − 1, capped at √2.
    static let inflationCases: [(count: Int, period: Int, expected: Double)] = [
        (48, 12, (48.0 / 30).squareRoot()), (120, 12, (120.0 / 102).squareRoot()), (30, 12, 2.0.squareRoot()),
        (40, 4, (40.0 / 30).squareRoot()), (20, 1, (20.0 / 13).squareRoot()),
    ]

    @Test(arguments: inflationCases)
    func degreesOfFreedomInflation(count: Int, period: Int, expected: Double) {
        #expect(abs(ScoreInflation.degreesOfFreedom(perSeries: 7).factor(count: count, seasonalPeriod: period) - expected) < 1e-12)
        #expect(ScoreInflation.constant(1.3).factor(count: count, seasonalPeriod: period) == 1.3)
    }

    /// A calibration with the degrees-of-freedom inflation scales every score by the series'
    /// own factor.
    @Test func degreesOfFreedomInflationScalesByTheSeriesLength() throws {
        let series = try #require(try Fixture.m3Series()["N2100"])
        let base = AnyForecastModelSpec(SeasonalNaive())
        let plain = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refilter).fit(series)
        let inflation = ScoreInflation.degreesOfFreedom(perSeries: 7)
        let inflated = try ConformalIntervals(base: base, calibrationHorizon: 12, calibration: .refilter, scoreInflation: inflation).fit(series)
        let factor = inflation.factor(count: series.observedCount, seasonalPeriod: 12)
        #expect(factor > 1)
        Self.assertClose(inflated.scores, plain.scores.map { factor * $0 }, "inflated scores")
        #expect(inflated.notes.contains { $0.contains("errors scaled by \((factor * 100).rounded() / 100) for their optimism") })
        #expect(!plain.notes.contains { $0.contains("errors scaled by") })
    }
}
