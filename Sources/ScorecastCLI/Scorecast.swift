import ArgumentParser
import ScorecastNumerics

/// The `scorecast` command: reads tidy CSV, writes CSV.
@main
struct Scorecast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecast",
        abstract: "Seasonal forecasts, demand projections and comparator tables for children's services scorecards.",
        discussion: """
            Reads tidy CSV (series,period,value) and writes CSV to standard output unless --output \
            is given. Outputs are written whole or not at all.
            """,
        version: ScorecastNumerics.version,
        subcommands: [
            Doctor.self, ImportScorecard.self, ScorecardCommand.self, SPCCommand.self, EffectsCommand.self, ExplainCommand.self, CompareCommand.self,
            FunnelCommand.self, Project.self, ProjectPopulation.self, ExampleCaseload.self, ReportCommand.self, ScorecardComparatorsCommand.self,
            ImportEESCommand.self, ImportSSDA903Command.self, Example903Command.self, Project903Command.self, Backtest903Command.self,
            ForecastCommand.self, DecomposeCommand.self, BacktestCommand.self, AccuracyCommand.self, ModelsCommand.self, CheckBorrowingCommand.self,
        ]
    )
}
