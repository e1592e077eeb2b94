import ScorecastCore
import ScorecastNumerics

extension ProfileLevelModel {
    /// Explains `period` of a short `series` against the borrowed profile: fits the level on
    /// the months before it and places the observation in the simulated predictive
    /// distribution, as ``CalendarGLM/explain(_:trials:percentages:period:levels:verdictLevel:using:)``
    /// does with the series' own model.
    ///
    /// The calendar share of the month's change and its interval come from the same draws:
    /// the profile's school-holiday and working-day terms applied to each draw's level of the
    /// previous month.
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` with fewer than
    ///   ``MonthExplanation/minimumHistory`` observed values before `period`; the errors of
    ///   ``fit(_:)``.
    public func explain(
        _ series: TimeSeries, period: Period, levels: [Double] = [80, 95], verdictLevel: Double = 95,
        using generator: inout some RandomNumberGenerator
    ) throws -> MonthExplanation {
        precondition(period.frequency == series.frequency, "period must have the series' frequency")
        let index = series.start.distance(to: period)
        let history = series.prefix(max(0, min(index, series.count)))
        let observedBefore = index > 0 ? history.observedCount : 0
        guard observedBefore >= MonthExplanation.minimumHistory else {
            throw TimeSeriesError.tooShort(series: series.name, needed: MonthExplanation.minimumHistory, got: observedBefore)
        }
        let fitted = try fit(history)
        let observed = index < series.count ? series.values[index] : .nan
        let previous = index >= 1 && index - 1 < series.count ? series.values[index - 1] : .nan
        let simulation = fitted.simulate(
            periods: [period], count: max(simulations, 10_000), contrast: (period.advanced(by: -1), period), using: &generator)
        let draws = simulation.values[0].sorted()
        let expected = simulation.means[0].reduce(0, +) / Double(draws.count)
        let placed = MonthExplanation.place(observed: observed, sortedDraws: draws, levels: levels, verdictLevel: verdictLevel)
        let change = observed - previous
        let calendar =
            fitted.terms.isDisjoint(with: .calendar) ? nil : MonthExplanation.Part(draws: simulation.calendarChanges, change: change)
        var explanation = MonthExplanation(
            period: period, observed: observed, expected: expected, intervals: placed.intervals, tailProbability: placed.tailProbability,
            verdict: placed.verdict, previous: previous, change: change, calendarChange: calendar?.change ?? .nan,
            calendarSharePercent: calendar?.sharePercent ?? .nan, model: fitted.description, notes: fitted.notes)
        explanation.calendarShareInterval = calendar?.shareInterval
        explanation.seasonalPart = MonthExplanation.Part(draws: simulation.seasonalChanges, change: change)
        if fitted.terms.contains(.schoolHolidays) {
            explanation.schoolHolidayPart = MonthExplanation.Part(draws: simulation.schoolHolidayChanges, change: change)
        }
        explanation.terms = fitted.terms
        explanation.seasonality = .borrowed(reference: profile.reference)
        return explanation
    }
}
