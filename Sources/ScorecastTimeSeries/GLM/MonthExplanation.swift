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
        let intervals = levels.map { level -> (level: Double, lower: Double, upper: Double) in
            let tail = (1 - level / 100) / 2
            let lower = SampleQuantile.type7(sorted: draws, probability: tail), upper = SampleQuantile.type7(sorted: draws, probability: 1 - tail)
            return fitted.isNonNegative ? (level, max(lower, 0), max(upper, 0)) : (level, lower, upper)
        }

        var tailProbability = Double.nan
        var verdict: MonthExplanation.Verdict?
        if !observed.isNaN {
            let below = Double(draws.partitioningIndex { $0 >= observed })
            let notAbove = Double(draws.partitioningIndex { $0 > observed })
            let count = Double(draws.count)
            let equal = notAbove - below
            let lowerTail = (below + equal / 2) / count
            let upperTail = (count - notAbove + equal / 2) / count
            tailProbability = min(lowerTail, upperTail)
            let threshold = (1 - verdictLevel / 100) / 2
            if tailProbability < threshold {
                verdict = lowerTail < upperTail ? .unusuallyLow : .unusuallyHigh
            } else {
                verdict = .asExpected
            }
        }

        let previousPeriod = period.advanced(by: -1)
        let previous = value(at: index - 1)
        let change = observed - previous
        // A model without calendar terms (none asked for, or a history too short for them)
        // says nothing about the calendar's share: NaN, not 0.
        let calendarChange = fitted.design.hasCalendar ? fitted.calendarChange(from: previousPeriod, to: period) : .nan
        return MonthExplanation(
            period: period, observed: observed, expected: expected, intervals: intervals,
            tailProbability: tailProbability, verdict: verdict, previous: previous, change: change,
            calendarChange: calendarChange,
            calendarSharePercent: change.isFinite && change != 0 && calendarChange.isFinite ? 100 * calendarChange / change : .nan,
            model: fitted.description, notes: fitted.notes)
    }
}

extension FittedCalendarGLM {
    /// The change from `earlier` to `later` that the calendar terms alone predict, at the
    /// fitted level of `earlier` (0 when the model has no calendar terms).
    public func calendarChange(from earlier: Period, to later: Period) -> Double {
        let columns = ["school_holidays", "working_days"].compactMap { design.column(named: $0) }
        guard !columns.isEmpty else { return 0 }
        let before = design.row(for: earlier), after = design.row(for: later)
        var contrast = 0.0
        for j in columns { contrast += (after[j] - before[j]) * glm.coefficients[j] }
        let level = expectedValue(for: earlier)
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
