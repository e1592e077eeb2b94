import ArgumentParser
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

/// `scorecast explain FILE --month 2021-08`: is this month unusual once the calendar is
/// accounted for?
struct ExplainCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Whether a month is unusual per series, given trend, season and the calendar.",
        discussion: """
        Fits the calendar GLM to each series up to the month before --month, simulates the \
        month's predictive distribution (parameter uncertainty included, seeded) and writes CSV \
        series,period,observed,expected,lo_80,hi_80,lo_95,hi_95,tail_probability,verdict,\
        previous,change,calendar_change,calendar_share_pct,model. verdict is as_expected, \
        unusually_low or unusually_high (outside the central --verdict-level interval; empty \
        when the month is missing). calendar_change is the change from the previous month that \
        school holidays and working days alone predict; calendar_share_pct is its share of the \
        observed change.
        """
    )

    @OptionGroup var input: ObservationInputOptions

    @Option(help: ArgumentHelp("The month to explain (YYYY-MM; YYYY-Qn for quarterly series).", valueName: "period"))
    var month: String

    @OptionGroup var calendar: CalendarOptions
    @OptionGroup var glm: GLMOptions

    @Option(name: .customLong("level"), help: ArgumentHelp("Interval level in percent (repeatable; default 80 and 95).", valueName: "level"))
    var levels: [Double] = []

    @Option(help: ArgumentHelp("Level (percent) of the interval outside which a month is unusual.", valueName: "level"))
    var verdictLevel: Double = 95

    @Option(help: ArgumentHelp("Seed of the simulation.", valueName: "n"))
    var seed: UInt64 = Forecast.defaultSeed

    @OptionGroup var output: OutputOptions

    var requestedLevels: [Double] { levels.isEmpty ? [80, 95] : levels }

    func validate() throws {
        guard Period(parsing: month) != nil else { throw ValidationError("--month expects YYYY-MM (or YYYY-Qn); found '\(month)'.") }
        for level in requestedLevels + [verdictLevel] where !(level > 0 && level < 100) {
            throw ValidationError("Levels must lie strictly between 0 and 100; found \(level).")
        }
        _ = try glm.seasonalTerms(default: nil)
    }

    func execute() throws {
        let period = Period(parsing: month)!
        let observed = try input.readAll()
        let spec = CalendarGLM(
            family: glm.family, seasonal: try glm.seasonalTerms(default: nil),
            calendar: try calendar.englandCalendar(), events: try calendar.interventionEvents())
        var writer = CSVWriter()
        var header = ["series", "period", "observed", "expected"]
        for level in requestedLevels { header += ["lo_" + CSVNumber.format(level), "hi_" + CSVNumber.format(level)] }
        header += ["tail_probability", "verdict", "previous", "change", "calendar_change", "calendar_share_pct", "model"]
        writer.writeRecord(header)
        for item in observed {
            guard item.series.frequency == period.frequency else {
                throw DataError(file: input.input, series: item, expected: "expected a \(period.frequency) series for --month \(month), found a \(item.series.frequency) one")
            }
            var generator = Xoshiro256StarStar(seed: seed)
            let explanation: MonthExplanation
            do {
                if let trials = item.binomialTrials {
                    explanation = try spec.explain(item.numeratorSeries, trials: trials, period: period, levels: requestedLevels, verdictLevel: verdictLevel, using: &generator)
                } else {
                    explanation = try spec.explain(item.series, period: period, levels: requestedLevels, verdictLevel: verdictLevel, using: &generator)
                }
            } catch let error as TimeSeriesError {
                throw DataError(file: input.input, series: item, expected: "expected a series with history before \(month) that the calendar model can fit: \(error)")
            }
            // Percentages are reported as the series' values (numerator / denominator × 100).
            var row = [item.name, period.description, CSVNumber.format(explanation.observed), CSVNumber.format(explanation.expected)]
            for interval in explanation.intervals { row += [CSVNumber.format(interval.lower), CSVNumber.format(interval.upper)] }
            row += [
                CSVNumber.format(explanation.tailProbability), explanation.verdict?.rawValue ?? "",
                CSVNumber.format(explanation.previous), CSVNumber.format(explanation.change),
                CSVNumber.format(explanation.calendarChange), CSVNumber.format(explanation.calendarSharePercent), explanation.model,
            ]
            writer.writeRecord(row)
        }
        try output.write(writer)
    }
}
