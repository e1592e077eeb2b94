import Foundation
import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

/// The typed model specification and the one forecasting pipeline.
@Suite struct ModelSpecificationTests {
    /// Every registered name parses to its family and prints back as typed.
    @Test(arguments: ModelCatalogue.entries.map(\.name))
    func registeredNamesRoundTrip(name: String) throws {
        let specification = try ModelSpecification(parsing: name)
        #expect(specification.family.rawValue == name)
        #expect(specification.description == name)
        #expect(try ModelSpecification(parsing: specification.description) == specification)
    }

    @Test(arguments: [
        ("ets:MAdM", ModelFamily.ets, "MAdM"), ("THETA:dotm", .theta, "dotm"), ("arima:1,1,1", .arima, "1,1,1"),
        ("glm:negbin,fourier2", .glm, "negbin,fourier2"), ("ensemble:median", .ensemble, "median"),
    ])
    func optionsAreKept(text: String, family: ModelFamily, options: String) throws {
        let specification = try ModelSpecification(parsing: text)
        #expect(specification.family == family)
        #expect(specification.options == options)
    }

    @Test(arguments: ["prophet", "ets:XYZ", "naive:fast", "auto:x", "ensemble:mean:auto", "ensemble:mean:ensemble", ""])
    func badNamesAreCatalogueErrors(text: String) {
        #expect(throws: ModelCatalogueError.self) { try ModelSpecification(parsing: text) }
    }

    /// Every family is registered exactly once, and `auto`'s members are families.
    @Test func everyFamilyIsRegisteredOnce() {
        #expect(
            ModelCatalogue.entries.map(\.family).sorted { $0.rawValue < $1.rawValue } == ModelFamily.allCases.sorted { $0.rawValue < $1.rawValue })
        #expect(Set(Ensemble.defaultMembers.map(\.family)) == [.ets, .theta, .arima])
    }

    /// Conformal by default exactly where the family registers it.
    @Test func defaultIntervalsFollowTheRegistry() throws {
        for entry in ModelCatalogue.entries {
            let specification = ModelSpecification(entry.family)
            #expect(IntervalMethod.default.isConformal(for: specification) == entry.conformalByDefault)
            // The global model's own intervals are conformal on its held-out windows already;
            // `auto` before any training step forecasts one series at a time and is calibrated.
            #expect(IntervalMethod.conformal.isConformal(for: specification) == (entry.family != .global))
            #expect(!IntervalMethod.model.isConformal(for: specification))
        }
        #expect(ModelCatalogue.registration(of: .automatic).conformalByDefault)
        #expect(!ModelCatalogue.registration(of: .ets).conformalByDefault)
    }
}

@Suite struct ForecastPipelineTests {
    static let start = Period(year: 2015, month: 1)
    static let seasonal: [Double] = (0..<48).map { (index: Int) -> Double in
        let angle = Double(index) * Double.pi / 6
        return 100 + 20 * sin(angle) + Double(index)
    }

    @Test func boundsFloorCountsAndClampPercentages() throws {
        let falling = TimeSeries(name: "falling", start: Self.start, values: (0..<24).map { 50 - 2 * Double($0) })
        let pipeline = try ForecastPipeline(ModelSpecification(.drift), horizon: 24, levels: [80, 95])
        let count = try pipeline.forecast(falling).forecast
        #expect(count.mean.allSatisfy { $0 >= 0 })
        #expect(count.intervals.allSatisfy { $0.lower.allSatisfy { $0 >= 0 } })
        let unbounded = try pipeline.forecast(falling, bounds: .unbounded).forecast
        #expect(unbounded.mean.contains { $0 < 0 })

        let rising = TimeSeries(name: "rising", start: Self.start, values: (0..<24).map { 60 + 2 * Double($0) })
        let percentage = try pipeline.forecast(rising, bounds: .percentage).forecast
        #expect(percentage.mean.allSatisfy { (0...100).contains($0) })
        #expect(percentage.intervals.allSatisfy { $0.upper.allSatisfy { $0 <= 100 } })
    }

    /// The pipeline forecasts what fitting the catalogue's spec directly would, bounded.
    @Test(arguments: ["naive", "snaive", "ets", "theta:dotm", "arima:1,0,0"])
    func equalsTheSpecFittedDirectly(name: String) throws {
        let series = TimeSeries(name: "s", start: Self.start, values: Self.seasonal)
        let specification = try ModelSpecification(parsing: name)
        let piped = try ForecastPipeline(specification, horizon: 12, levels: [80, 95], intervals: .model).forecast(series).forecast
        let direct = try ModelCatalogue.standard.spec(for: specification).fit(series).forecast(horizon: 12, levels: [80, 95])
            .flooredAtZero(ifNonNegative: series)
        #expect(piped.mean == direct.mean)
        #expect(piped.intervals == direct.intervals)
        #expect(piped.model == direct.model)
    }

    @Test func conformalWrapsOnlyWhereAsked() throws {
        let series = TimeSeries(name: "s", start: Self.start, values: Self.seasonal)
        let own = try ForecastPipeline(ModelSpecification(.theta), horizon: 6, intervals: .model).forecast(series)
        let calibrated = try ForecastPipeline(ModelSpecification(.theta), horizon: 6, intervals: .default).forecast(series)
        #expect(own.forecast.mean == calibrated.forecast.mean)
        #expect(own.forecast.intervals != calibrated.forecast.intervals)
        #expect(calibrated.fitted.base is FittedConformal)
    }

    /// A fallback is a typed reason, not text.
    @Test func fallbacksAreTyped() throws {
        let short = TimeSeries(name: "short", start: Self.start, values: [3])
        let result = try ForecastPipeline(ModelSpecification(.ets), horizon: 3, intervals: .model).forecast(short)
        let fallback = try #require(result.fallback)
        guard case .modelUnfit(.tooShort) = fallback.reason else {
            Issue.record("expected a too-short fallback, found \(fallback.reason)")
            return
        }
        #expect(fallback.standIn == "naive")
        let seasonal = try ForecastPipeline(ModelSpecification(.seasonalNaive), horizon: 3).forecast(short)
        #expect(seasonal.fallback?.reason == .shorterThanOneSeason)
        let fitted = try ForecastPipeline(ModelSpecification(.ets), horizon: 3, intervals: .model)
            .forecast(TimeSeries(name: "s", start: Self.start, values: Self.seasonal))
        #expect(fitted.fallback == nil)
    }

    @Test func aSeriesWithNothingObservedThrows() throws {
        let empty = TimeSeries(name: "empty", start: Self.start, values: [.nan, .nan, .nan])
        #expect(throws: TimeSeriesError.self) { try ForecastPipeline(.automatic, horizon: 3).forecast(empty) }
    }

    /// M3's N1879 starts in 1977, before the bank holiday rules: the calendar GLM says so and
    /// the catalogue's glm falls back (it used to stop the process on a precondition).
    @Test func calendarGLMBeforeTheCalendarFallsBack() throws {
        let early = TimeSeries(name: "early", start: Period(year: 1977, month: 1), values: Self.seasonal)
        #expect(throws: TimeSeriesError.self) { try CalendarGLM().fit(early) }
        let result = try ForecastPipeline(ModelSpecification(.glm), horizon: 6, intervals: .model).forecast(early)
        #expect(result.fallback != nil)
        let withoutCalendar = try ForecastPipeline(try ModelSpecification(parsing: "glm:nocalendar"), horizon: 6, intervals: .model).forecast(early)
        #expect(withoutCalendar.fallback == nil)
    }

    /// Each series gets a generator seeded afresh: the same series forecasts the same whatever
    /// came before it.
    @Test func seriesAreIndependentOfOrder() throws {
        let pipeline = try ForecastPipeline(try ModelSpecification(parsing: "ets:MMdM"), horizon: 6)
        let series = TimeSeries(name: "s", start: Self.start, values: Self.seasonal)
        let first = try pipeline.forecast(series).forecast
        _ = try pipeline.forecast(TimeSeries(name: "other", start: Self.start, values: Self.seasonal.reversed()))
        #expect(try pipeline.forecast(series).forecast == first)
    }
}
