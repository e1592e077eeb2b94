import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("Baselines")
struct BaselineTests {
    static let specs: [String: AnyForecastModelSpec] = [
        "naive": AnyForecastModelSpec(Naive()), "snaive": AnyForecastModelSpec(SeasonalNaive()),
        "drift": AnyForecastModelSpec(Drift()), "mean": AnyForecastModelSpec(MeanForecast()),
        "naive2": AnyForecastModelSpec(Naive2()),
    ]

    /// Point forecasts, 80% and 95% intervals against R forecast 8.20 (`naive`, `snaive`,
    /// `rwf(drift = TRUE)`, `meanf`) and the M4 benchmark code's Naive2, h = 18.
    @Test(arguments: ["naive", "snaive", "drift", "mean", "naive2"])
    func forecastsMatchR(model: String) throws {
        let series = try Fixture.m3Series()
        let reference = try Fixture.rows("baseline-forecasts").filter { $0["model"] == model }
        for name in Set(reference.map { $0["series"]! }) {
            let input = try #require(series[name])
            let forecast = try #require(Self.specs[model]).fit(input).forecast(horizon: 18, levels: [80, 95])
            #expect(forecast.start == input.end.advanced(by: 1))
            // R's meanf counts missing values in n; Scorecast counts observed values only.
            let compareIntervals = !(model == "mean" && input.hasMissingValues)
            for row in reference where row["series"] == name {
                let step = Int(row["step"]!)! - 1
                #expect(isClose(forecast.mean[step], Fixture.number(row["mean"]), relative: 1e-10), "\(model) \(name) mean \(step)")
                guard compareIntervals else { continue }
                for (position, level) in ["80", "95"].enumerated() {
                    #expect(
                        isClose(forecast.intervals[position].lower[step], Fixture.number(row["lo_\(level)"]), relative: 1e-10),
                        "\(model) \(name) lo_\(level) \(step)")
                    #expect(
                        isClose(forecast.intervals[position].upper[step], Fixture.number(row["hi_\(level)"]), relative: 1e-10),
                        "\(model) \(name) hi_\(level) \(step)")
                }
            }
        }
    }

    @Test(arguments: ["naive", "snaive", "drift", "mean", "naive2"])
    func fittedValuesMatchR(model: String) throws {
        let series = try Fixture.m3Series()
        let reference = try Fixture.rows("baseline-fitted").filter { $0["model"] == model }
        for name in Set(reference.map { $0["series"]! }) {
            let fitted = try #require(Self.specs[model]).fit(try #require(series[name]))
            for row in reference where row["series"] == name {
                let index = Int(row["index"]!)! - 1
                #expect(isClose(fitted.fittedValues[index], Fixture.number(row["fitted"]), relative: 1e-10), "\(model) \(name) fitted \(index)")
            }
            #expect(fitted.residuals.count == fitted.series.count)
        }
    }

    @Test func naive2AdjustsOnlySeasonalSeries() throws {
        let series = try Fixture.m3Series()
        #expect(try Naive2().fit(try #require(series["N2345"])).seasonalIndices != nil)
        #expect(try Naive2().fit(try #require(series["N1402"])).seasonalIndices == nil)
    }

    @Test func seasonalNaiveFallsBackAndSaysSo() throws {
        let short = TimeSeries(name: "short", start: Period(year: 2021, month: 1), values: [1, 2, 3, 4, 5])
        let fitted = try SeasonalNaive().fit(short)
        #expect(fitted.description.hasPrefix("naive (fallback"))
        #expect(fitted.notes.contains { $0.contains("shorter than one season") })
        #expect(fitted.forecast(horizon: 3, levels: [95]).mean == [5, 5, 5])
    }

    @Test func driftIsTheLineThroughFirstAndLast() throws {
        let series = TimeSeries(name: "x", start: Period(year: 2020), values: [1, 4, 2, 9])
        let forecast = try Drift().fit(series).forecast(horizon: 2, levels: [])
        let slope: Double = 8.0 / 3
        #expect(isClose(forecast.mean[0], 9 + slope, relative: 1e-15))
        #expect(isClose(forecast.mean[1], 9 + 2 * slope, relative: 1e-15))
        #expect(forecast.start.description == "2024")
    }
}

@Suite("Robustness")
struct RobustnessTests {
    static let awkward: [(String, TimeSeries)] = {
        let start = Period(year: 2020, month: 1)
        return [
            ("constant", TimeSeries(name: "constant", start: start, values: [Double](repeating: 42, count: 40))),
            ("all zero", TimeSeries(name: "zero", start: start, values: [Double](repeating: 0, count: 40))),
            ("shorter than two seasons", TimeSeries(name: "short", start: start, values: (1...15).map(Double.init))),
            ("one observation", TimeSeries(name: "one", start: start, values: [7])),
            ("missing values", TimeSeries(name: "gaps", start: start, values: (0..<40).map { $0 % 7 == 3 ? .nan : Double(100 + $0 % 12) })),
            ("trailing missing", TimeSeries(name: "trailing", start: start, values: (0..<40).map { $0 >= 37 ? .nan : Double(100 + $0 % 12) })),
        ]
    }()

    /// Every catalogued model, and `auto`, forecasts every awkward series without crashing:
    /// finite point forecasts, ordered intervals where they exist.
    @Test(arguments: ModelCatalogue.standard.names)
    func everyModelForecastsAwkwardSeries(model: String) throws {
        let spec = try ModelCatalogue.standard.spec(named: model)
        for (label, series) in Self.awkward {
            let fitted = try spec.fit(series)
            let forecast = fitted.forecast(horizon: 14, levels: [80, 95])
            #expect(forecast.mean.count == 14)
            let allFinite = forecast.mean.allSatisfy { $0.isFinite }
            #expect(allFinite, "\(model) on \(label): \(forecast.mean)")
            for interval in forecast.intervals {
                for step in 0..<14 where !interval.lower[step].isNaN {
                    #expect(interval.lower[step] <= forecast.mean[step] && forecast.mean[step] <= interval.upper[step], "\(model) on \(label)")
                }
            }
            #expect(fitted.fittedValues.count == series.count)
            if series.hasMissingValues { #expect(!fitted.notes.isEmpty, "\(model) on \(label) should mention the gaps") }
        }
    }

    @Test func emptySeriesIsAnError() {
        let empty = TimeSeries(name: "empty", start: Period(year: 2020, month: 1), values: [.nan, .nan])
        #expect(throws: TimeSeriesError.empty(series: "empty")) { try Naive().fit(empty) }
    }
}

@Suite("Model catalogue")
struct ModelCatalogueTests {
    @Test(arguments: ["naive", "snaive", "drift", "mean", "naive2", "auto", "SNAIVE"])
    func namesResolve(name: String) throws {
        let spec = try ModelCatalogue.standard.spec(named: name)
        #expect(spec.name == name.lowercased())
    }

    @Test func unknownNamesAndStrayOptionsAreErrors() {
        #expect(throws: ModelCatalogueError.self) { try ModelCatalogue.standard.spec(named: "sarimax") }
        #expect(throws: ModelCatalogueError.self) { try ModelCatalogue.standard.spec(named: "naive:fast") }
        do {
            _ = try ModelCatalogue.standard.spec(named: "prophet")
        } catch {
            #expect("\(error)".contains("expected one of: auto, naive, snaive"))
        }
    }

    @Test func heldOutChoicePicksSeasonalNaiveForAStrictlySeasonalSeries() throws {
        let start = Period(year: 2018, month: 1)
        let values = (0..<60).map { [10.0, 12, 30, 8, 9, 14, 20, 5, 16, 11, 13, 25][$0 % 12] }
        let choice = AutomaticModel(candidates: ModelCatalogue.standard.automaticCandidates)
        let fitted = try choice.fit(TimeSeries(name: "x", start: start, values: values))
        #expect(fitted.description == "seasonal naive")
        #expect(fitted.notes.contains { $0.hasPrefix("auto chose snaive") })
    }

    @Test func autoIsTheDefaultEnsembleAndFallsBackToTheHeldOutChoice() throws {
        let start = Period(year: 2018, month: 1)
        let pattern: [Double] = [100, 105, 109, 110, 109, 105, 100, 95, 91, 90, 91, 95]
        let seasonal: [Double] = (0..<60).map { index in pattern[index % 12] + Double(index % 5) }
        let fitted = try ModelCatalogue.standard.spec(named: "auto").fit(TimeSeries(name: "x", start: start, values: seasonal))
        #expect(fitted.description.hasPrefix("mean(ETS("))
        #expect((fitted as AnyFittedForecastModel).base is FittedEnsemble)
        // Two values: ETS and the theta models cannot fit and fall back to naive, saying so;
        // ARIMA fits the mean model, as R's auto.arima does on two values, and the ensemble is it.
        let tiny = try ModelCatalogue.standard.spec(named: "auto").fit(TimeSeries(name: "y", start: start, values: [3, 4]))
        #expect(tiny.description == "mean(ARIMA(0,0,0))")
        #expect(tiny.notes.contains { $0.contains("the model needs at least 7: fell back to naive") })
    }
}
