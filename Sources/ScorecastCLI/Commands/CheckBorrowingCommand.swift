import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastReport
import ScorecastTimeSeries

/// `scorecast check-borrowing FILE --reference REF_FILE`: does a borrowed seasonal profile
/// beat a level on short windows of these long series?
struct CheckBorrowingCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-borrowing",
        abstract: "Measure borrowed seasonality against level only on short windows of long series.",
        discussion: """
            Cuts every series of FILE into windows of --window consecutive observed months (the \
            scorecard carries 7) at every origin, estimates the seasonal and calendar profile on \
            the reference series' months before each window (never after), and scores two methods \
            (borrowed: the window's level against the profile; level_only: what the window's own \
            months allow): the verdict on the window's last month from the months before it, and \
            the report's forecast from the whole window, --horizon months ahead. Writes CSV \
            series,reference,method,task,origins,outcomes,mape,coverage_80,coverage_95 (mape and \
            coverage in percent). The reference file holds one series (or name it with \
            --reference-series); it may be FILE itself.
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions

    @Option(help: ArgumentHelp("Observations CSV holding the reference series.", valueName: "file"))
    var reference: String

    @Option(help: ArgumentHelp("The reference series' name, when its file holds more than one.", valueName: "name"))
    var referenceSeries: String?

    @Option(help: ArgumentHelp("Months in each window.", valueName: "n"))
    var window = 7

    @Option(help: ArgumentHelp("Months forecast after each window.", valueName: "n"))
    var horizon = 12

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard window >= MonthExplanation.minimumHistory + 1 else {
            throw ValidationError(
                "--window must be at least \(MonthExplanation.minimumHistory + 1) (a verdict needs \(MonthExplanation.minimumHistory) earlier months)."
            )
        }
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must lie between 1 and 120.") }
    }

    func execute() throws {
        let observed = try input.readAll()
        let references = try ObservationReader(path: reference, columns: .standard).readAll()
        let chosen: ObservedSeries
        if let name = referenceSeries {
            guard let match = references.first(where: { $0.series.name == name }) else {
                throw DataError(file: reference, line: 1, column: 1, expected: "expected a series named '\(name)'")
            }
            chosen = match
        } else {
            guard references.count == 1 else {
                throw DataError(
                    file: reference, line: 1, column: 1, expected: "expected one series, found \(references.count) (name one with --reference-series)"
                )
            }
            chosen = references[0]
        }
        let pipeline = try ForecastPipeline(.automaticLocal, horizon: horizon, levels: [80, 95])
        let study = BorrowingStudy(window: window, horizon: horizon)
        var writer = CSVWriter()
        writer.writeRecord(["series", "reference", "method", "task", "origins", "outcomes", "mape", "coverage_80", "coverage_95"])
        for item in observed {
            for score in study.run(series: item.series, reference: chosen.series, pipeline: pipeline) {
                writer.writeRecord([
                    item.series.name, chosen.series.name, score.method, score.task, String(score.origins), String(score.outcomes),
                    CSVNumber.rounded(score.meanAbsolutePercentageError, places: 2), CSVNumber.rounded(score.coverage80, places: 1),
                    CSVNumber.rounded(score.coverage95, places: 1),
                ])
            }
        }
        try output.write(writer.bytes)
    }
}
