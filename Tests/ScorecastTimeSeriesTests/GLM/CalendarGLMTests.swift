import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct CalendarGLMTests {
    @Test func designColumnsAndCalendarValues() {
        let design = RegressionDesign(
            origin: Period(year: 2021, month: 1), count: 24, seasonal: .fourier(order: 6), calendar: EnglandCalendar(),
            events: [
                InterventionEvent(name: "closure", start: CalendarDate(year: 2021, month: 1, day: 5), end: CalendarDate(year: 2021, month: 3, day: 8))
            ])
        #expect(
            design.columnNames == [
                "intercept", "trend", "sin_1", "cos_1", "sin_2", "cos_2", "sin_3", "cos_3", "sin_4", "cos_4", "sin_5", "cos_5", "cos_6",
                "school_holidays", "working_days", "event_closure",
            ])
        let august = design.row(for: Period(year: 2021, month: 8))
        #expect(august[13] == 1)
        // Closures 5 January – 8 March 2021: all of February, 6 of 23 weekdays of March.
        #expect(design.row(for: Period(year: 2021, month: 2))[15] == 1)
        #expect(abs(design.row(for: Period(year: 2021, month: 3))[15] - 6.0 / 23) < 1e-15)
        let dummies = RegressionDesign(origin: Period(year: 2021, month: 1), count: 24, seasonal: .dummies, calendar: nil)
        #expect(dummies.columnNames.count == 13)
        #expect(dummies.row(for: Period(year: 2022, month: 3)) == [1, 14.0 / 12, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func forecastsAreSeededNonNegativeAndNested() throws {
        let (series, _) = RecoveryStudy.simulate(index: 1)
        let fitted = try CalendarGLM(family: .automatic).fit(series)
        let first = fitted.forecast(horizon: 18, levels: [80, 95])
        let second = fitted.forecast(horizon: 18, levels: [80, 95])
        #expect(first == second)
        let i80 = try #require(first.interval(level: 80))
        let i95 = try #require(first.interval(level: 95))
        for h in 0..<18 {
            #expect(i95.lower[h] >= 0)
            #expect(i95.lower[h] <= i80.lower[h] && i80.lower[h] <= first.mean[h] && first.mean[h] <= i80.upper[h] && i80.upper[h] <= i95.upper[h])
        }
        #expect(first.start == series.end.advanced(by: 1))
    }

    @Test func smallCountsNeverForecastNegative() throws {
        let series = TimeSeries(
            name: "icpc", start: Period(year: 2019, month: 4), values: (0..<40).map { Double([0, 1, 0, 2, 0, 0, 3, 0, 1, 0][$0 % 10]) })
        let fitted = try CalendarGLM(family: .automatic, seasonal: .fourier(order: 1)).fit(series)
        let forecast = fitted.forecast(horizon: 12, levels: [95])
        #expect(forecast.mean.allSatisfy { $0 >= 0 })
        #expect(forecast.intervals[0].lower.allSatisfy { $0 >= 0 })
    }

    @Test func percentagesStayWithinZeroAndOneHundred() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        let trials = (0..<48).map { _ in Double(20 + Int.random(in: 0..<30, using: &generator)) }
        let successes = trials.enumerated().map { index, n in
            Double(RandomVariates.binomial(trials: Int(n), probability: index % 12 == 7 ? 0.9 : 0.75, using: &generator))
        }
        let series = TimeSeries(name: "rereferrals", start: Period(year: 2020, month: 1), values: successes)
        let fitted = try CalendarGLM(seasonal: .dummies).fit(successes: series, trials: trials)
        #expect(fitted.familyName == "quasibinomial")
        let forecast = fitted.forecast(horizon: 12, levels: [95])
        for h in 0..<12 {
            #expect(forecast.intervals[0].lower[h] >= 0 && forecast.intervals[0].upper[h] <= 100)
            #expect(forecast.mean[h] > 0 && forecast.mean[h] < 100)
        }
        #expect(fitted.fittedValues.allSatisfy { $0 > 0 && $0 < 100 })
    }

    /// Forecast intervals include parameter uncertainty: over 200 seeded negative binomial
    /// series, the 95% intervals of 12-step forecasts cover a fresh draw from the true model
    /// about 95% of the time.
    @Test func forecastIntervalsCoverFutureDraws() throws {
        var covered = 0, total = 0
        for index in 0..<200 {
            let (series, _) = RecoveryStudy.simulate(index: 2 * index + 1)
            let history = series.prefix(48)
            let fitted = try CalendarGLM(family: .negativeBinomial, seasonal: .fourier(order: 2), simulations: 1000).fit(history)
            let forecast = fitted.forecast(horizon: 12, levels: [95])
            for h in 0..<12 {
                let actual = series.values[48 + h]
                if actual >= forecast.intervals[0].lower[h] && actual <= forecast.intervals[0].upper[h] { covered += 1 }
                total += 1
            }
        }
        let coverage = Double(covered) / Double(total)
        print("forecast 95% interval coverage on simulated negative binomial series: \(coverage)")
        #expect(coverage >= 0.93 && coverage <= 0.98, "coverage \(coverage)")
    }

    @Test func automaticFamilyDetectsOverdispersion() throws {
        let (poissonSeries, _) = RecoveryStudy.simulate(index: 4)
        let (negativeBinomialSeries, _) = RecoveryStudy.simulate(index: 7)
        #expect(try CalendarGLM().fit(poissonSeries).familyName == "poisson")
        #expect(try CalendarGLM().fit(negativeBinomialSeries).familyName == "negbin")
        let continuous = TimeSeries(name: "rate", start: Period(year: 2020, month: 1), values: (0..<36).map { 50 + 3 * sin(Double($0)) + 0.5 })
        #expect(try CalendarGLM().fit(continuous).familyName == "gaussian")
    }

    @Test func missingValuesAreLeftOutAndShortSeriesFallBack() throws {
        var (series, _) = RecoveryStudy.simulate(index: 2)
        series.values[10] = .nan
        series.values[11] = .nan
        let fitted = try CalendarGLM(family: .poisson, seasonal: .dummies).fit(series)
        #expect(fitted.rows.count == 58)
        let short = series.prefix(14)
        let fallback = try CalendarGLM(family: .poisson, seasonal: .dummies).fit(short)
        #expect(fallback.design.seasonal != .dummies)
        #expect(fallback.notes.contains { $0.contains("short series: 12 observations") })
        // Two years of quarters carry a trend, but not three quarter dummies besides the calendar.
        let quarters = TimeSeries(name: "quarters", start: Period(year: 2019, quarter: 1), values: [40, 52, 47, 38, 44, 55, 49, 41])
        let reduced = try CalendarGLM(family: .poisson, seasonal: .dummies).fit(quarters)
        #expect(reduced.design.seasonal == .fourier(order: 1))
        #expect(reduced.notes.contains { $0.contains("reduced from dummies to fourier1") })
        #expect(throws: TimeSeriesError.self) {
            try CalendarGLM(family: .poisson).fit(TimeSeries(name: "tiny", start: Period(year: 2020, month: 1), values: [1, 2]))
        }
        #expect(throws: TimeSeriesError.self) {
            try CalendarGLM(family: .poisson).fit(
                TimeSeries(name: "negative", start: Period(year: 2020, month: 1), values: (0..<30).map { Double($0) - 5 }))
        }
    }

    @Test func effectsTableHasSchoolHolidaysMonthsAndDiagnostics() throws {
        let (series, _) = RecoveryStudy.simulate(index: 6)
        let effects = try CalendarGLM(family: .poisson, seasonal: .fourier(order: 2)).fit(series).effects()
        let terms = effects.map(\.term)
        #expect(Array(terms.prefix(2)) == ["school_holidays", "working_day"])
        let monthTerms: [String] = [
            "month_01", "month_02", "month_03", "month_04", "month_05", "month_06",
            "month_07", "month_08", "month_09", "month_10", "month_11", "month_12",
        ]
        #expect(Array(terms[2..<14]) == monthTerms)
        #expect(Array(terms.suffix(4)) == ["dispersion", "ljung_box", "aicc", "observations"])
        let months = effects[2..<14]
        // August is the deepest month: the summer holiday plus the seasonal terms.
        #expect(months.min { $0.estimatePercent < $1.estimatePercent }?.term == "month_08")
        // Factors are relative to the average month: their log-scale contrasts sum to zero.
        #expect(abs(months.reduce(0) { $0 + $1.coefficient }) < 1e-12)
        for row in effects.prefix(14) { #expect(row.lower <= row.estimatePercent && row.estimatePercent <= row.upper) }
    }

    /// Short series get the terms they can carry: below two seasons no trend and no seasonal
    /// terms, below one season no calendar terms either (whatever was asked), with a note.
    @Test(arguments: [
        (observations: 6, frequency: Frequency.monthly, trend: false, seasonal: SeasonalTerms.none, calendar: false),
        (observations: 11, frequency: .monthly, trend: false, seasonal: .none, calendar: false),
        (observations: 12, frequency: .monthly, trend: false, seasonal: .none, calendar: true),
        (observations: 23, frequency: .monthly, trend: false, seasonal: .none, calendar: true),
        (observations: 24, frequency: .monthly, trend: true, seasonal: .fourier(order: 2), calendar: true),
        (observations: 7, frequency: .quarterly, trend: false, seasonal: .none, calendar: true),
        (observations: 8, frequency: .quarterly, trend: true, seasonal: .fourier(order: 1), calendar: true),
        (observations: 12, frequency: .quarterly, trend: true, seasonal: .dummies, calendar: true),
    ])
    func shortSeriesCarryFewerTerms(observations: Int, frequency: Frequency, trend: Bool, seasonal: SeasonalTerms, calendar: Bool) throws {
        let start = frequency == .monthly ? Period(year: 2019, month: 4) : Period(year: 2019, quarter: 2)
        var generator = Xoshiro256StarStar(seed: UInt64(observations))
        let values = (0..<observations).map { _ in Double(RandomVariates.poisson(mean: 40, using: &generator)) }
        let requested: SeasonalTerms = frequency == .monthly ? .fourier(order: 2) : .dummies
        let fitted = try CalendarGLM(family: .poisson, seasonal: requested).fit(TimeSeries(name: "short", start: start, values: values))
        #expect(fitted.design.trend == trend)
        #expect(fitted.design.seasonal == seasonal)
        #expect(fitted.design.hasCalendar == calendar)
        #expect(fitted.notes.contains { $0.hasPrefix("short series:") } == !trend)
    }

    /// Percentages without denominators are fitted on the logit scale: a short, noisy
    /// percentage series (the scorecard's LAC12 % row) gets an expectation and intervals in
    /// [0, 100], where a log-link count model with trend and calendar terms expected millions.
    @Test func shortPercentagesAreExplainedOnTheLogitScale() throws {
        let series = TimeSeries(name: "LAC12 (%)", start: Period(year: 2021, month: 2), values: [5, 24, 20, 0, 15, 20, 19])
        var generator = Xoshiro256StarStar(seed: Forecast.defaultSeed)
        let explanation = try CalendarGLM().explain(series, percentages: true, period: Period(year: 2021, month: 8), using: &generator)
        #expect(explanation.model == "GLM(quasibinomial, trend off, none)")
        #expect(explanation.observed == 19)
        // No trend, no season: the expectation is close to the mean of the six months before.
        #expect(abs(explanation.expected - 14) < 2, "\(explanation.expected)")
        for interval in explanation.intervals { #expect(interval.lower >= 0 && interval.upper <= 100 && interval.lower <= interval.upper) }
        #expect(explanation.verdict == .asExpected)
        #expect(explanation.notes.contains { $0.hasPrefix("percentages without denominators") })
        #expect(explanation.notes.contains { $0.hasPrefix("short series: 6 observations") })

        let forecast = try CalendarGLM().fit(percentages: series).forecast(horizon: 12, levels: [95])
        #expect(forecast.mean.allSatisfy { $0 > 0 && $0 < 100 })
        #expect(forecast.intervals[0].lower.allSatisfy { $0 >= 0 } && forecast.intervals[0].upper.allSatisfy { $0 <= 100 })
        #expect(throws: TimeSeriesError.self) {
            try CalendarGLM().fit(percentages: TimeSeries(name: "bad", start: Period(year: 2021, month: 1), values: [50, 120, 40]))
        }
    }

    /// Fewer than six values before the month is too little history for a verdict, whatever
    /// the model could fit; the error says how many there were.
    @Test(arguments: [(values: [Double.nan, 0, 100, 100, .nan, .nan, 86], got: 3), (values: [4, 5, 6, 7, 8, 9], got: 5), (values: [1], got: 0)])
    func tooLittleHistoryIsTooShort(values: [Double], got: Int) {
        let series = TimeSeries(name: "CP2b %", start: Period(year: 2021, month: 2), values: values)
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(throws: TimeSeriesError.tooShort(series: "CP2b %", needed: MonthExplanation.minimumHistory, got: got)) {
            try CalendarGLM().explain(series, percentages: true, period: series.start.advanced(by: values.count - 1), using: &generator)
        }
    }
}

extension CalendarGLMTests {
    /// A count series that is zero throughout has no finite maximum-likelihood estimate on the
    /// log link: the GLM says so, and the catalogue's `glm` falls back to naive with a note.
    @Test func allZeroCountsAreUnsuitableAndTheCatalogueFallsBack() throws {
        let zeros = TimeSeries(name: "zero", start: Period(year: 2020, month: 1), values: [Double](repeating: 0, count: 40))
        #expect(throws: TimeSeriesError.unsuitable(series: "zero", reason: "every value is zero: a log-link count model has no finite estimate")) {
            try CalendarGLM().fit(zeros)
        }
        let fitted = try ModelCatalogue.standard.spec(named: "glm").fit(zeros)
        #expect(fitted.description == "naive (fallback)")
        #expect(fitted.notes.first?.contains("every value is zero") == true)
        #expect(fitted.forecast(horizon: 3, levels: [95]).mean == [0, 0, 0])
    }
}
