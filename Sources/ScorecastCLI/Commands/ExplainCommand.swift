import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastReport
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
            previous,change,calendar_change,calendar_share_pct,model,note. verdict is as_expected, \
            unusually_low or unusually_high (outside the central --verdict-level interval; empty \
            when the month is missing); insufficient_history when fewer than \(MonthExplanation.minimumHistory) \
            values precede the month, and not_fitted when the model cannot be fitted (expected and \
            intervals are then empty and note says why). calendar_change is the change from the \
            previous month that school holidays and working days alone predict; calendar_share_pct \
            is its share of the observed change. Short histories get the model they can carry: no \
            trend or seasonal terms below two years, no calendar terms below one (note says so). \
            Series with numerator and denominator columns are quasi-binomial; with --indicators, \
            series whose unit is percent are modelled on the logit scale, so expectations stay in \
            [0, 100].
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions

    @Option(help: ArgumentHelp("The month to explain (YYYY-MM; YYYY-Qn for quarterly series).", valueName: "period"))
    var month: String

    @OptionGroup var calendar: CalendarOptions
    @OptionGroup var glm: GLMOptions

    @OptionGroup var units: IndicatorUnitOptions

    @Option(name: .customLong("level"), help: ArgumentHelp("Interval level in percent (repeatable; default 80 and 95).", valueName: "level"))
    var levels: [Double] = []

    @Option(help: ArgumentHelp("Level (percent) of the interval outside which a month is unusual.", valueName: "level"))
    var verdictLevel: Double = 95

    @Option(help: ArgumentHelp("Seed of the simulation.", valueName: "n"))
    var seed: UInt64 = Forecast.defaultSeed

    @Option(
        help: ArgumentHelp(
            "Earlier months of the same series (tidy CSV, or a folder with observations.csv): merged with FILE's, FILE's value kept where both have a month (each disagreement named on standard error).",
            valueName: "file-or-dir"))
    var history: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions

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
        var observed = try input.readAll()
        if let history { observed = try HistoryInput.merge(history, into: observed) }
        let percentSeries = try units.percentSeries()
        let spec = CalendarGLM(
            family: glm.family, seasonal: try glm.seasonalTerms(default: nil),
            calendar: try calendar.englandCalendar(default: .england), events: try calendar.interventionEvents())
        var writer = CSVWriter()
        var header = ["series", "period", "observed", "expected"]
        for level in requestedLevels { header += ["lo_" + CSVNumber.format(level), "hi_" + CSVNumber.format(level)] }
        header += ["tail_probability", "verdict", "previous", "change", "calendar_change", "calendar_share_pct", "model", "note"]
        writer.writeRecord(header)
        var failures = BatchFailures(command: "explain", outcome: "explained")
        for item in observed {
            guard item.series.frequency == period.frequency else {
                let reason = "expected a \(period.frequency) series for --month \(month), found a \(item.series.frequency) one"
                writer.writeRecord(Self.unexplainedRow(item, period: period, levels: requestedLevels.count, verdict: Self.notFitted, note: reason))
                failures.record(item, file: input.input, reason: reason)
                continue
            }
            let beyondData = MonthBeyondData.note(month: period, observed: item)
            if let warning = MonthBeyondData.warning(file: input.input, month: period, observed: item) { printError(warning) }
            var generator = Xoshiro256StarStar(seed: seed)
            let trials = item.binomialTrials
            let series = trials == nil ? item.series : item.numeratorSeries
            do {
                let explanation = try spec.explain(
                    series, trials: trials, percentages: percentSeries.contains(item.name), period: period,
                    levels: requestedLevels, verdictLevel: verdictLevel, using: &generator)
                // Percentages are reported as the series' values (numerator / denominator × 100).
                var row = [item.name, period.description, CSVNumber.format(explanation.observed), CSVNumber.format(explanation.expected)]
                for interval in explanation.intervals { row += [CSVNumber.format(interval.lower), CSVNumber.format(interval.upper)] }
                row += [
                    CSVNumber.format(explanation.tailProbability), explanation.verdict?.rawValue ?? "",
                    CSVNumber.format(explanation.previous), CSVNumber.format(explanation.change),
                    CSVNumber.format(explanation.calendarChange), CSVNumber.format(explanation.calendarSharePercent), explanation.model,
                    (explanation.notes + [beyondData].compactMap { $0 }).joined(separator: "; "),
                ]
                writer.writeRecord(row)
            } catch {
                // A series the model cannot explain is a row saying why, not a failed run.
                let verdict: String
                switch error as? TimeSeriesError {
                case .tooShort?, .empty?: verdict = Self.insufficientHistory
                default: verdict = Self.notFitted
                }
                writer.writeRecord(Self.unexplainedRow(item, period: period, levels: requestedLevels.count, verdict: verdict, note: "\(error)"))
                failures.record(item, file: input.input, reason: "\(error)")
            }
        }
        try failures.reportFailures(strict: batch.strict)
        try output.write(writer)
        try failures.finish(total: observed.count, notes: batch.notes)
    }

    /// The row of a series the month cannot be explained for: observed value and change, no
    /// expectation, `verdict` and `note` saying why.
    static func unexplainedRow(_ item: ObservedSeries, period: Period, levels: Int, verdict: String, note: String) -> [String] {
        let value = item[period], previous = item[period.advanced(by: -1)]
        var row = [item.name, period.description, CSVNumber.format(value), ""]
        row += [String](repeating: "", count: 2 * levels + 1)
        row += [verdict, CSVNumber.format(previous), CSVNumber.format(value - previous), "", "", "", note]
        return row
    }

    /// The verdict of a series with too little history before the month.
    static let insufficientHistory = "insufficient_history"
    /// The verdict of a series the calendar model cannot be fitted to.
    static let notFitted = "not_fitted"
}

extension ObservedSeries {
    /// The value at `period` as reported (the value column; a percentage for numerator and
    /// denominator series); NaN when missing or outside the series.
    subscript(period: Period) -> Double {
        guard period.frequency == series.frequency else { return .nan }
        let index = series.start.distance(to: period)
        return index >= 0 && index < series.count ? series.values[index] : .nan
    }
}
