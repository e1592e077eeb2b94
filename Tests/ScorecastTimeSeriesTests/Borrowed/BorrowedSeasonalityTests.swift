import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Borrowed seasonality: a short series' level against a profile estimated on a long reference.
@Suite("Borrowed seasonality")
struct BorrowedSeasonalityTests {
    /// The log-scale pattern every simulated series shares: a month-of-year wave, a
    /// school-holiday dip and a working-day effect.
    static func pattern(_ period: Period, calendar: EnglandCalendar) -> Double {
        let counts = calendar.counts(for: period)
        let wave = 0.15 * cos(2 * Double.pi * Double(period.position) / 12)
        return wave - 0.45 * counts.schoolHolidayShare + 0.03 * (Double(counts.workingDays) - 21)
    }

    /// Poisson counts with mean `level` × exp(pattern) from `start`, `count` months.
    static func series(name: String, level: Double, start: Period, count: Int, seed: UInt64) -> TimeSeries {
        var generator = Xoshiro256StarStar(seed: seed)
        let calendar = EnglandCalendar()
        let values = (0..<count).map { t in
            Double(RandomVariates.poisson(mean: level * exp(pattern(start.advanced(by: t), calendar: calendar)), using: &generator))
        }
        return TimeSeries(name: name, start: start, values: values)
    }

    static let reference = series(name: "national", level: 2000, start: Period(year: 2010, month: 1), count: 120, seed: 7)
    static let profile = try! SeasonalProfile.estimate(from: reference)

    @Test func theProfileCarriesTheReferencesSeasonAndCalendar() throws {
        #expect(Self.profile.terms == [.season, .schoolHolidays, .workingDays])
        #expect(Self.profile.reference == "national")
        // The school-holiday coefficient is recovered (−0.45) within a few standard errors.
        let column = try #require(Self.profile.schoolHolidayColumn)
        #expect(abs(Self.profile.coefficients[column] + 0.45) < 0.1)
    }

    @Test func theLevelIsTheQuasiPoissonEstimateAgainstTheOffsets() throws {
        let short = Self.series(name: "local", level: 300, start: Period(year: 2021, month: 2), count: 7, seed: 11)
        let fitted = try ProfileLevelModel(profile: Self.profile).fit(short)
        // Independently: log(Σy / Σ exp(offset)).
        let offsets = short.periods.map { Self.profile.offset(for: $0) }
        let expected = log(short.values.reduce(0, +) / offsets.reduce(0) { $0 + exp($1) })
        #expect(abs(fitted.logLevel - expected) < 1e-12)
        #expect(abs(exp(fitted.logLevel) - 300) < 300 * 0.15)
        #expect(fitted.terms == [.level, .season, .schoolHolidays, .workingDays])
    }

    @Test(arguments: [
        ("negative", [3.0, -1, 4, 5, 6, 7, 8], "at least zero"),
        ("zeros", [0.0, 0, 0, 0, 0, 0, 0], "every value is zero"),
    ])
    func seriesTheLogLevelCannotCarryAreRefused(name: String, values: [Double], reason: String) {
        let series = TimeSeries(name: name, start: Period(year: 2021, month: 2), values: values)
        #expect {
            try ProfileLevelModel(profile: Self.profile).fit(series)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    /// On short windows of series that share the reference's pattern, the borrowed verdict's
    /// 95% interval holds about 95% of months, and its expectation is closer than the level's.
    @Test func verdictIntervalsCoverAndBeatTheLevelOnWindowsThatShareThePattern() throws {
        var inside95 = 0, inside80 = 0, windows = 0
        var borrowedError = 0.0, levelError = 0.0
        var generator = Xoshiro256StarStar(seed: 3)
        for k in 0..<240 {
            let start = Period(year: 2020, month: 1).advanced(by: Int(generator.next() % 36))
            let level = 40 + Double(generator.next() % 400)
            let window = Self.series(name: "w\(k)", level: level, start: start, count: 7, seed: 1000 + UInt64(k))
            var draws = Xoshiro256StarStar(seed: UInt64(k))
            let borrowed = try ProfileLevelModel(profile: Self.profile).explain(window, period: window.end, using: &draws)
            let levelOnly = try CalendarGLM().explain(window, period: window.end, using: &draws)
            windows += 1
            let i95 = try #require(borrowed.intervals.first { $0.level == 95 })
            let i80 = try #require(borrowed.intervals.first { $0.level == 80 })
            if borrowed.observed >= i95.lower && borrowed.observed <= i95.upper { inside95 += 1 }
            if borrowed.observed >= i80.lower && borrowed.observed <= i80.upper { inside80 += 1 }
            borrowedError += abs(borrowed.expected - borrowed.observed) / borrowed.observed
            levelError += abs(levelOnly.expected - levelOnly.observed) / levelOnly.observed
            #expect(borrowed.seasonality == .borrowed(reference: "national"))
            #expect(levelOnly.seasonality == .none(observedMonths: 6) && levelOnly.terms == .level)
        }
        let coverage95 = Double(inside95) / Double(windows) * 100, coverage80 = Double(inside80) / Double(windows) * 100
        #expect((92...99).contains(coverage95), "95% coverage \(coverage95)")
        #expect((74...88).contains(coverage80), "80% coverage \(coverage80)")
        #expect(borrowedError < levelError, "borrowed \(borrowedError / 240), level \(levelError / 240)")
    }

    @Test func theCalendarAndPatternSharesComeWithIntervalsThatContainThem() throws {
        // August after July: the school holidays take the count down.
        let window = Self.series(name: "local", level: 500, start: Period(year: 2021, month: 2), count: 7, seed: 5)
        var generator = Xoshiro256StarStar(seed: 1)
        let explanation = try ProfileLevelModel(profile: Self.profile).explain(window, period: window.end, using: &generator)
        #expect(window.end == Period(year: 2021, month: 8))
        #expect(explanation.calendarChange < 0)
        let share = try #require(explanation.calendarShareInterval)
        #expect(share.lower <= explanation.calendarSharePercent && explanation.calendarSharePercent <= share.upper)
        let part = try #require(explanation.seasonalPart)
        let interval = try #require(part.shareInterval)
        #expect(interval.lower <= part.sharePercent && part.sharePercent <= interval.upper)
    }

    @Test func thePipelineBorrowsOnlyForSeriesTooShortForTheirOwnSeason() throws {
        let pipeline = try ForecastPipeline(.automatic, horizon: 12, levels: [80, 95])
        let short = Self.series(name: "short", level: 300, start: Period(year: 2021, month: 2), count: 7, seed: 1)
        let long = Self.series(name: "long", level: 300, start: Period(year: 2018, month: 1), count: 36, seed: 2)
        let borrowed = try pipeline.forecast(short, profile: Self.profile).forecast
        #expect(borrowed.seasonality == .borrowed(reference: "national"))
        #expect(borrowed.terms.contains(.season) && borrowed.model.hasPrefix("level against borrowed:national"))
        #expect(borrowed.mean.allSatisfy { $0 > 0 })
        let own = try pipeline.forecast(long, profile: Self.profile).forecast
        #expect(own.seasonality == .own)
        let alone = try pipeline.forecast(short).forecast
        #expect(alone.seasonality == .none(observedMonths: 7))
        // August's forecast dips below July's, as the borrowed pattern says.
        let july = try #require(borrowed.periods.firstIndex(of: Period(year: 2022, month: 7)))
        #expect(borrowed.mean[july + 1] < borrowed.mean[july])
    }
}

/// Every fitted model states its terms, and the words for them are the terms' own.
@Suite("Model terms")
struct ModelTermsTests {
    @Test(arguments: 0..<64)
    func aPhraseNamesExactlyTheTermsItIsGiven(raw: Int) {
        let terms = ModelTerms(rawValue: UInt8(raw))
        let phrase = terms.phrase
        for (term, word) in [(ModelTerms.trend, "trend"), (.season, "season"), (.schoolHolidays, "school holidays"), (.workingDays, "working days")] {
            #expect(phrase.contains(word) == terms.contains(term), "\(phrase)")
        }
    }

    static let fittedTerms: [(String, ModelTerms)] = [
        ("naive", .level), ("snaive", [.level, .season]), ("drift", [.level, .trend]), ("mean", .level),
        ("ets:ANN", .level), ("ets:AAdA", [.level, .trend, .season]),
    ]

    @Test(arguments: fittedTerms)
    func fittedModelsSayWhatTheyHave(model: String, terms: ModelTerms) throws {
        let values = (0..<48).map { 100 + Double($0) + 10 * sin(Double($0) * .pi / 6) }
        let series = TimeSeries(name: "s", start: Period(year: 2018, month: 1), values: values)
        let pipeline = try ForecastPipeline(try ModelSpecification(parsing: model), horizon: 3, intervals: .model)
        #expect(try pipeline.forecast(series).forecast.terms == terms)
    }

    @Test func aShortSeriesLabelSaysLevelOnlyOnlyWhenTheModelHasNothingElse() {
        #expect(SeasonalitySource.none(observedMonths: 7).label(terms: .level) == "level only (7 months)")
        #expect(SeasonalitySource.none(observedMonths: 7).label(terms: [.level, .trend]) == "no season (7 months)")
        #expect(SeasonalitySource.borrowed(reference: "x").label(terms: .level) == "borrowed:x")
    }
}
