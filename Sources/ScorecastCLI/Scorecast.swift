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
            is given. Outputs are written whole or not at all; an existing read-only output file is \
            never replaced.
            Exit status: \(ExitStatus.summary)
            """,
        version: ScorecastNumerics.version,
        subcommands: [
            Doctor.self, ImportScorecard.self, ScorecardCommand.self, SPCCommand.self, EffectsCommand.self, ExplainCommand.self, CompareCommand.self,
            FunnelCommand.self, Project.self, ProjectPopulation.self, ExampleCaseload.self, ReportCommand.self, ScorecardComparatorsCommand.self,
            ImportEESCommand.self, ImportSSDA903Command.self, ImportCINCommand.self, Example903Command.self, ExampleCINCommand.self,
            Project903Command.self, Backtest903Command.self,
            ForecastCommand.self, DecomposeCommand.self, BacktestCommand.self, AccuracyCommand.self, ModelsCommand.self, CheckBorrowingCommand.self,
        ]
    )

    /// Installs the interrupt cleanup (``InterruptCleanup``), then parses and runs the command
    /// as argument-parser's own `main` does.
    static func main() async {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            InterruptCleanup.holdIfInterrupted()
            exit(withError: error)
        }
        InterruptCleanup.holdIfInterrupted()
    }
}
