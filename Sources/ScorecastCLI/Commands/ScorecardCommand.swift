import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast scorecard DIR --month YYYY-MM [--format long|wide]`: the month's scorecard,
/// recomputed from the tidy files.
struct ScorecardCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Write a month's scorecard from the tidy files: values, changes, 12-month figures, comparators, direction of travel.",
        discussion: """
            DIR holds indicators.csv and observations.csv, and optionally comparators.csv, \
            printed.csv and commentary.csv (as import-scorecard writes them). The long format has \
            one row per indicator with each figure recomputed beside the printed one and a \
            'disagreement' column naming any that differ; --format wide lays the scorecard out as \
            published, for spreadsheets.
            Exit status: \(ExitStatus.summary)
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case long, wide
    }

    @Argument(help: ArgumentHelp("Directory of tidy scorecard files.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The scorecard's month (YYYY-MM).", valueName: "YYYY-MM"))
    var month: String

    @Option(help: "long (one row per indicator, recomputed and printed figures side by side) or wide (as published).")
    var format: Format = .long

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard Period(parsing: month) != nil else {
            throw ValidationError("--month must be a period, YYYY-MM (got '\(month)')")
        }
    }

    func execute() throws {
        let month = Period(parsing: month)!
        let files = try ScorecardFiles(directory: directory, month: month)
        let lines = ScorecardReport.lines(files, month: month)
        switch format {
        case .long: try output.write(ScorecardReport.csv(lines))
        case .wide: try output.write(ScorecardReport.wideCSV(lines, files: files, month: month))
        }
    }
}
