import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastReport
import ScorecastSPC
import ScorecastTimeSeries

/// `scorecast spc FILE`: Making Data Count XmR charts of every series, as CSV.
///
/// A series that cannot be analysed (with `--seasonal`, one the calendar model cannot fit)
/// keeps its rows with no limits and variation `not_analysed`; it is named on standard error
/// with the reason and in `--notes`, and the others go on (exit 0; exit 65 and nothing written
/// with `--strict`).
struct SPCCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Statistical process control (Making Data Count XmR charts) of every series.",
        discussion: """
            Writes CSV series,period,value,mean,lpl,upl,special_cause,rule,variation,assurance: \
            one row per period. Limits are mean ± 2.66 × the average moving range (moving ranges \
            of 3.267 × their average or more screened out unless --no-screening); special causes \
            follow the four Making Data Count rules as NHSRplotthedots applies them. A segment \
            with fewer than 12 observed points gets no limits and variation too_few_points. \
            With --seasonal the rules run on the series with its usual seasonal and calendar \
            pattern taken out (from the calendar GLM: month terms, school holidays, working days; \
            not the trend), and mean, lpl and upl are that month's expected value and limits; \
            this needs at least 24 observed points. A series that cannot be analysed (with \
            --seasonal, one the calendar model cannot fit) has variation not_analysed and is named \
            on standard error with the reason (exit 0; exit 65 with --strict).
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions

    @Option(help: ArgumentHelp("Polarity of every series without one in --target: increase, decrease or neutral.", valueName: "direction"))
    var improvement: ImprovementDirection = .neutral

    @Option(help: ArgumentHelp("CSV series,target[,improvement]: targets for assurance, and per-series polarity.", valueName: "file"))
    var target: String?

    @Option(
        help: ArgumentHelp(
            "Comma-separated periods (YYYY-MM) that start a new segment with its own limits; a period outside a series is ignored for it.",
            valueName: "periods"))
    var rebase: String?

    @Option(help: ArgumentHelp("Fix each segment's mean and limits on its first N observed points (at least 12).", valueName: "n"))
    var fixAfter: Int?

    @Flag(help: "Apply the rules after taking out each series' seasonal and calendar pattern (calendar GLM).")
    var seasonal = false

    @Flag(help: "Keep moving ranges of 3.267 × their average or more in the limits (NHSRplotthedots' screen_outliers = FALSE).")
    var noScreening = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if let fixAfter, fixAfter < XmR.recommendedMinimumPoints {
            throw ValidationError("--fix-after must be at least \(XmR.recommendedMinimumPoints) (Making Data Count's minimum baseline).")
        }
        _ = try rebasePeriods()
    }

    /// The periods of `--rebase`.
    func rebasePeriods() throws -> [Period] {
        guard let rebase else { return [] }
        return try rebase.split(separator: ",").map {
            guard let period = Period(parsing: $0.filter { $0 != " " }) else {
                throw ValidationError("--rebase expects periods such as 2020-04,2021-01; found '\($0)'.")
            }
            return period
        }
    }

    func execute() throws {
        let observed = try input.readAll()
        let targets = try target.map(SPCTargets.init(path:)) ?? SPCTargets()
        try targets.checkNames(in: Set(observed.map(\.name)))
        let rebases = try rebasePeriods()
        var writer = CSVWriter()
        writer.writeRecord(SPCTable.header)
        var failures = BatchFailures(command: "spc", outcome: "analysed")
        for item in observed {
            let series = item.series
            let entry = targets.entries[series.name]
            let spec = XmR(
                improvement: entry?.improvement ?? improvement, screensMovingRanges: !noScreening, fixAfter: fixAfter,
                rebaseAt: rebases.filter { $0.frequency == series.frequency && $0 > series.start && $0 <= series.end },
                target: entry?.target)
            do {
                if seasonal {
                    SPCTable.writeRows(try Self.seasonalAnalysis(series, spec: spec), to: &writer)
                } else {
                    SPCTable.writeRows(try spec.analyse(series), to: &writer)
                }
            } catch {
                failures.record(item, file: input.input, reason: "\(error)")
                for (index, period) in series.periods.enumerated() {
                    writer.writeField(series.name)
                    writer.writeField(period.description)
                    writer.writeField(series.values[index])
                    for _ in 0..<5 { writer.writeField("") }
                    writer.writeField(Self.notAnalysed)
                    writer.writeField("")
                    writer.endRecord()
                }
            }
        }
        try failures.reportFailures(strict: batch.strict)
        try output.write(writer)
        try failures.finish(total: observed.count, notes: batch.notes)
    }

    /// The `variation` of every row of a series that could not be analysed.
    static let notAnalysed = "not_analysed"
}

extension SPCCommand {
    /// Observed points needed to estimate a seasonal pattern: two full years.
    static let seasonalMinimumPoints = 24

    /// Seasonal XmR of `series` with its calendar GLM pattern taken out; a series too short
    /// to learn its season gets no limits (variation `too_few_points`).
    static func seasonalAnalysis(_ series: TimeSeries, spec: XmR) throws -> SeasonalXmRAnalysis {
        guard series.observedCount >= seasonalMinimumPoints, series.frequency != .annual else {
            var tooShort = spec
            tooShort.minimumPoints = max(spec.minimumPoints, Int.max / 2)
            return try SeasonalXmR(tooShort).analyse(series, pattern: .additive(Array(repeating: 0, count: series.count)))
        }
        let model = try CalendarGLM().fit(series)
        return try SeasonalXmR(spec).analyse(series, pattern: SeasonalPattern(calendarModel: model))
    }
}

extension ImprovementDirection: ExpressibleByArgument {}
