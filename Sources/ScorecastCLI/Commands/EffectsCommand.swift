import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast effects FILE --calendar england`: the school-holiday effect and month factors.
///
/// A series the calendar model cannot fit gets one row with no term, empty estimates and a
/// `note` saying why; it is named on standard error and in `--notes`, and the others go on
/// (exit 0; exit 65 and nothing written with `--strict`).
struct EffectsCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "effects",
        abstract: "Calendar effects per series: the school-holiday effect, month factors and diagnostics.",
        discussion: """
            Fits a GLM per series (trend, Fourier seasonal terms of order 2, school-holiday share, \
            working days, events) and writes CSV \
            series,term,estimate_pct,lo_95,hi_95,coefficient,std_error,p_value,value,model,note. \
            Rows per series: school_holidays (the % change of a month that is all school holiday \
            against one that is all term), working_day (% per extra working day), event_<name>, \
            month_01 ... month_12 (each month against the average month, calendar included), then \
            diagnostics in value (dispersion, theta, ljung_box with its p_value, aicc, observations). \
            Counts are Poisson or negative binomial; series with numerator and denominator are \
            quasi-binomial. A series the model cannot fit has one row with empty estimates and a \
            note saying why; it is named on standard error (exit 0; exit 65 with --strict).
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions
    @OptionGroup var calendar: CalendarOptions
    @OptionGroup var glm: GLMOptions

    @Option(help: ArgumentHelp("Interval level in percent.", valueName: "level"))
    var level: Double = 95

    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard level > 0 && level < 100 else { throw ValidationError("--level must lie strictly between 0 and 100.") }
        _ = try glm.seasonalTerms(default: .fourier(order: 2))
    }

    func execute() throws {
        let observed = try input.readAll()
        let spec = CalendarGLM(
            family: glm.family, seasonal: try glm.seasonalTerms(default: .fourier(order: 2)),
            calendar: try calendar.englandCalendar(default: .england), events: try calendar.interventionEvents())
        let levelText = CSVNumber.format(level)
        var writer = CSVWriter()
        writer.writeRecord([
            "series", "term", "estimate_pct", "lo_\(levelText)", "hi_\(levelText)", "coefficient", "std_error", "p_value", "value", "model",
            "note",
        ])
        var failures = BatchFailures(command: "effects", outcome: "fitted")
        for item in observed {
            let fitted: FittedCalendarGLM
            do {
                if let trials = item.binomialTrials {
                    fitted = try spec.fit(successes: item.numeratorSeries, trials: trials)
                } else {
                    fitted = try spec.fit(item.series)
                }
            } catch {
                let note = failures.record(item, file: input.input, reason: "the calendar model cannot fit it: \(error)")
                writer.writeRecord([item.name] + Array(repeating: "", count: 9) + [note])
                continue
            }
            for effect in fitted.effects(level: level / 100) {
                writer.writeRecord([
                    item.name, effect.term, CSVNumber.format(effect.estimatePercent), CSVNumber.format(effect.lower),
                    CSVNumber.format(effect.upper), CSVNumber.format(effect.coefficient), CSVNumber.format(effect.standardError),
                    CSVNumber.format(effect.pValue), CSVNumber.format(effect.value), fitted.description, "",
                ])
            }
        }
        try failures.reportFailures(strict: batch.strict)
        try output.write(writer)
        try failures.finish(total: observed.count, notes: batch.notes)
    }
}
