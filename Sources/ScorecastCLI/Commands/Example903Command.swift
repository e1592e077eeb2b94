import ArgumentParser
import ScorecastData
import ScorecastProjection

/// `scorecast example-903 --seed N --years 5 --out DIR`: a synthetic council's 903 returns.
struct Example903Command: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "example-903",
        abstract: "Write a synthetic council's SSDA903 returns (header, episodes, UASC per year).",
        discussion: """
            SYNTHETIC DATA, for examples, tests and backtests: a stationary council of about 430 \
            children looked after, with a council's messiness (byte order marks, CRLF, shuffled \
            rows, lower-case and padded codes, ISO dates in one year, a few bad rows). The same seed \
            always gives the same files; notebooks-data/ssda903-synthetic/ holds the default ones.
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var collection: SyntheticReturnsOptions

    @Option(help: "Children entering care a year (about 2.6 × this are in care at any time).")
    var entriesPerYear = 165.0

    @Option(help: ArgumentHelp("Directory for the returns (created if missing).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard entriesPerYear > 0 && entriesPerYear <= 100_000 else { throw ValidationError("--entries-per-year must be above 0 and at most 100000") }
    }

    func execute() throws {
        let files = SyntheticSSDA903(
            seed: collection.seed, years: collection.years, lastCollectionYear: collection.lastYear, entriesPerYear: entriesPerYear
        ).files()
        try writeAll(files.map { ($0.path, Array($0.text.utf8)) }, into: out)
    }
}
