import ScorecastCore
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a month's value is unusual once trend, season and calendar are accounted for.
public struct MonthExplanation: Sendable, Equatable {
    /// How the observation sits in its predictive distribution.
    public enum Verdict: String, Sendable {
        case asExpected = "as_expected"
        case unusuallyLow = "unusually_low"
        case unusuallyHigh = "unusually_high"
    }

    public var period: Period
    /// The observed value (NaN when the month is missing).
    public var observed: Double
    /// The predictive mean from data up to the month before.
    public var expected: Double
    /// Central predictive intervals, one per requested level.
    public var intervals: [(level: Double, lower: Double, upper: Double)]
    /// One-sided mid-p tail probability of the observation in the direction it lies:
    /// P(Y < y) + P(Y = y)/2 below the median, P(Y > y) + P(Y = y)/2 above it.
    public var tailProbability: Double
    /// `unusually_low`/`unusually_high` when the tail probability is below (1 − level)/2 at
    /// the verdict level, otherwise `as_expected`; `nil` when the month is missing.
    public var verdict: Verdict?
    /// The observed value of the previous month (NaN when missing).
    public var previous: Double
    /// observed − previous.
    public var change: Double
    /// The change from the previous month that the calendar alone predicts: the fitted value
    /// of the previous month moved by the difference in the calendar terms (school-holiday
    /// share and working days) between the two months, everything else held; NaN when the
    /// fitted model has no calendar terms.
    public var calendarChange: Double
    /// 100 × calendarChange / change: the share of the observed change the calendar explains.
    public var calendarSharePercent: Double
    /// What was fitted.
    public var model: String
    /// The fit's notes: fallbacks for short series, the family chosen, events left out.
    public var notes: [String] = []
    /// The 95% interval of ``calendarSharePercent`` over the model's parameter uncertainty
    /// (and, for a borrowed profile, the profile's); `nil` where the share is undefined.
    public var calendarShareInterval: (lower: Double, upper: Double)?
    /// The change from the previous month that the season and calendar terms together
    /// predict (the usual pattern, e.g. the August dip), as a share of the observed change,
    /// with a 95% interval; `nil` when the model has neither.
    public var seasonalPart: Part?
    /// The change the school-holiday share alone predicts, as a share of the observed change,
    /// with a 95% interval; `nil` when the model has no school-holiday term.
    public var schoolHolidayPart: Part?
    /// The terms of the model behind the verdict.
    public var terms: ModelTerms = .level
    /// Where the model's seasonal pattern came from.
    public var seasonality: SeasonalitySource = .own

    /// The fewest observed values before the month for which ``CalendarGLM/explain(_:trials:percentages:period:levels:verdictLevel:using:)``
    /// gives a verdict: with fewer, a predictive distribution says more about the model than
    /// about the month.
    public static let minimumHistory = 6

    public static func == (lhs: MonthExplanation, rhs: MonthExplanation) -> Bool {
        lhs.period == rhs.period && lhs.observed.bitPattern == rhs.observed.bitPattern && lhs.expected == rhs.expected
            && lhs.tailProbability.bitPattern == rhs.tailProbability.bitPattern && lhs.verdict == rhs.verdict
            && lhs.intervals.map(\.lower) == rhs.intervals.map(\.lower) && lhs.intervals.map(\.upper) == rhs.intervals.map(\.upper)
    }
}

extension CalendarGLM {
    /// Explains `period` of `series`: fits on the data before it, then places the observation
    /// in the simulated predictive distribution (parameter uncertainty included).
    ///
    /// Short histories get the model they can carry (see ``CalendarGLM``: no trend or seasonal
    /// terms below two seasons, no calendar terms below one), and the result's ``MonthExplanation/notes``
    /// say so.
    ///
    /// - Parameters:
    ///   - trials: denominators aligned with the series, for a percentage (quasi-binomial).
    ///   - percentages: the values are percentages without denominators: modelled on the
    ///     logit scale (``fit(percentages:)``), so the expectation stays in [0, 100].
    ///   - levels: interval levels in percent.
    ///   - verdictLevel: the level (percent) whose interval separates `as_expected` from unusual.
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when fewer than
    ///   ``MonthExplanation/minimumHistory`` values precede the period (or none: the period is
    ///   not after the series' start); other ``TimeSeriesError``s when the model cannot be fitted.
    public func explain(
        _ series: TimeSeries, trials: [Double]? = nil, percentages: Bool = false, period: Period, levels: [Double] = [80, 95],
        verdictLevel: Double = 95,
        using generator: inout some RandomNumberGenerator
    ) throws -> MonthExplanation {
        precondition(period.frequency == series.frequency, "period must have the series' frequency")
        let index = series.start.distance(to: period)
        let history = series.prefix(max(0, min(index, series.count)))
        let observedBefore =
            index > 0
            ? history.values.enumerated().filter { position, value in
                !value.isNaN && (trials.map { !$0[position].isNaN && $0[position] > 0 } ?? true)
            }.count : 0
        guard observedBefore >= MonthExplanation.minimumHistory else {
            throw TimeSeriesError.tooShort(series: series.name, needed: MonthExplanation.minimumHistory, got: observedBefore)
        }
        let fitted: FittedCalendarGLM
        var trials = trials
        let isPercentage = trials == nil && percentages
        if let given = trials {
            fitted = try fit(successes: history, trials: Array(given.prefix(history.count)))
        } else if percentages {
            fitted = try fit(percentages: history)
            // A percentage is its value out of the nominal trials: observed = value.
            trials = [Double](repeating: Self.nominalPercentageTrials, count: series.count)
        } else {
            fitted = try fit(history)
        }
        // For a percentage the observation is the numerator over the denominator, in percent.
        func value(at position: Int) -> Double {
            guard position >= 0 && position < series.count else { return .nan }
            guard let trials, !isPercentage else { return series.values[position] }
            return series.values[position] / trials[position] * 100
        }
        let observed = value(at: index)
        let futureTrials = trials.flatMap { index < $0.count && $0[index] > 0 ? [$0[index]] : nil }
        var draws = fitted.simulate(periods: [period], count: max(simulations, 10_000), trials: futureTrials, using: &generator)[0]
        draws.sort()
        let (eta, variance) = fitted.linearPredictor(for: period)
        let expected: Double
        switch fitted.glm.family {
        case .poisson, .quasiPoisson, .negativeBinomial: expected = exp(eta + variance / 2)
        case .gaussian: expected = eta
        case .binomial, .quasiBinomial: expected = draws.reduce(0, +) / Double(draws.count)
        }
        var placed = MonthExplanation.place(observed: observed, sortedDraws: draws, levels: levels, verdictLevel: verdictLevel)
        if fitted.isNonNegative {
            placed.intervals = placed.intervals.map { ($0.level, max($0.lower, 0), max($0.upper, 0)) }
        }

        let previousPeriod = period.advanced(by: -1)
        let previous = value(at: index - 1)
        let change = observed - previous
        // A model without calendar terms (none asked for, or a history too short for them)
        // says nothing about the calendar's share: NaN, not 0.
        let terms = fitted.terms
        let calendarDraws = fitted.calendarChangeDraws(from: previousPeriod, to: period, count: 2000, using: &generator)
        let calendar =
            fitted.design.hasCalendar
            ? MonthExplanation.Part(
                draws: calendarDraws.calendar, change: change, point: fitted.calendarChange(from: previousPeriod, to: period)) : nil
        var explanation = MonthExplanation(
            period: period, observed: observed, expected: expected, intervals: placed.intervals,
            tailProbability: placed.tailProbability, verdict: placed.verdict, previous: previous, change: change,
            calendarChange: calendar?.change ?? .nan, calendarSharePercent: calendar?.sharePercent ?? .nan, model: fitted.description,
            notes: fitted.notes)
        explanation.calendarShareInterval = calendar?.shareInterval
        if terms.contains(.schoolHolidays) {
            explanation.schoolHolidayPart = MonthExplanation.Part(draws: calendarDraws.schoolHolidays, change: change)
        }
        if terms.contains(.season) || fitted.design.hasCalendar {
            explanation.seasonalPart = MonthExplanation.Part(draws: calendarDraws.seasonal, change: change)
        }
        explanation.terms = terms
        let months = series.prefix(max(0, min(index, series.count))).observedCount
        explanation.seasonality = terms.contains(.season) ? .own : .none(observedMonths: months)
        return explanation
    }
}

extension MonthExplanation {
    /// A part of the month's change that some of the model's terms predict.
    public struct Part: Sendable {
        /// The predicted change (mean over the draws).
        public var change: Double
        /// 100 × change / observed change (NaN when the month did not change).
        public var sharePercent: Double
        /// The 95% interval of the share over the draws.
        public var shareInterval: (lower: Double, upper: Double)?

        /// The part from draws of its change; `nil` without draws.
        ///
        /// - Parameter point: the plug-in change, when the model has one; the draws' mean otherwise.
        init?(draws: [Double], change observed: Double, point: Double = .nan) {
            guard !draws.isEmpty else { return nil }
            change = point.isFinite ? point : draws.reduce(0, +) / Double(draws.count)
            guard observed.isFinite, observed != 0 else {
                sharePercent = .nan
                return
            }
            sharePercent = 100 * change / observed
            let shares = draws.map { 100 * $0 / observed }.sorted()
            shareInterval = (SampleQuantile.type7(sorted: shares, probability: 0.025), SampleQuantile.type7(sorted: shares, probability: 0.975))
        }
    }

    /// Intervals, tail probability and verdict of `observed` among sorted predictive draws.
    static func place(
        observed: Double, sortedDraws draws: [Double], levels: [Double], verdictLevel: Double
    ) -> (intervals: [(level: Double, lower: Double, upper: Double)], tailProbability: Double, verdict: Verdict?) {
        let intervals = levels.map { level -> (level: Double, lower: Double, upper: Double) in
            let tail = (1 - level / 100) / 2
            return (level, SampleQuantile.type7(sorted: draws, probability: tail), SampleQuantile.type7(sorted: draws, probability: 1 - tail))
        }
        guard !observed.isNaN else { return (intervals, .nan, nil) }
        let below = Double(draws.partitioningIndex { $0 >= observed })
        let notAbove = Double(draws.partitioningIndex { $0 > observed })
        let count = Double(draws.count)
        let equal = notAbove - below
        let lowerTail = (below + equal / 2) / count
        let upperTail = (count - notAbove + equal / 2) / count
        let tailProbability = min(lowerTail, upperTail)
        let threshold = (1 - verdictLevel / 100) / 2
        let verdict: Verdict = tailProbability < threshold ? (lowerTail < upperTail ? .unusuallyLow : .unusuallyHigh) : .asExpected
        return (intervals, tailProbability, verdict)
    }
}

extension FittedCalendarGLM {
    /// The change from `earlier` to `later` that the calendar terms alone predict, at the
    /// fitted level of `earlier` (0 when the model has no calendar terms).
    public func calendarChange(from earlier: Period, to later: Period) -> Double {
        calendarChange(from: earlier, to: later, coefficients: glm.coefficients, columns: ["school_holidays", "working_days"])
    }

    /// `count` draws of the calendar change (and of the school-holiday share's part alone)
    /// from `earlier` to `later`, the coefficients drawn from their estimated distribution;
    /// empty when the model has no calendar terms.
    public func calendarChangeDraws(
        from earlier: Period, to later: Period, count: Int, using generator: inout some RandomNumberGenerator
    ) -> (calendar: [Double], schoolHolidays: [Double], seasonal: [Double]) {
        let seasonalColumns = design.columnNames.filter { $0 != "intercept" && $0 != "trend" && !$0.hasPrefix("event_") }
        guard !seasonalColumns.isEmpty else { return ([], [], []) }
        let p = glm.coefficients.count
        let factor = choleskyFactor(coefficientCovariance)
        var z = [Double](repeating: 0, count: p), beta = z
        var calendar: [Double] = [], schoolHolidays: [Double] = [], seasonal: [Double] = []
        calendar.reserveCapacity(count)
        schoolHolidays.reserveCapacity(count)
        for _ in 0..<count {
            for j in 0..<p { z[j] = RandomVariates.standardNormal(using: &generator) }
            for j in 0..<p {
                var value = glm.coefficients[j]
                for k in 0...j { value += factor[j, k] * z[k] }
                beta[j] = value
            }
            calendar.append(calendarChange(from: earlier, to: later, coefficients: beta, columns: ["school_holidays", "working_days"]))
            schoolHolidays.append(calendarChange(from: earlier, to: later, coefficients: beta, columns: ["school_holidays"]))
            seasonal.append(calendarChange(from: earlier, to: later, coefficients: beta, columns: seasonalColumns))
        }
        return (calendar, schoolHolidays, seasonal)
    }

    func calendarChange(from earlier: Period, to later: Period, coefficients: [Double], columns names: [String]) -> Double {
        let columns = names.compactMap { design.column(named: $0) }
        guard !columns.isEmpty else { return 0 }
        let before = design.row(for: earlier), after = design.row(for: later)
        var contrast = 0.0
        for j in columns { contrast += (after[j] - before[j]) * coefficients[j] }
        var eta = 0.0
        for j in before.indices { eta += before[j] * coefficients[j] }
        let level = glm.family.mean(linearPredictor: eta) * outputScale
        switch glm.family {
        case .poisson, .quasiPoisson, .negativeBinomial: return level * expm1(contrast)
        case .gaussian: return contrast
        case .binomial, .quasiBinomial:
            let p = level / 100
            let shifted = 1 / (1 + exp(-(log(p / (1 - p)) + contrast)))
            return 100 * (shifted - p)
        }
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for a predicate that is false then
    /// true along the (sorted) array.
    func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
