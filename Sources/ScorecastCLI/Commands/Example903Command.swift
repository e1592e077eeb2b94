import ArgumentParser
import ScorecastData
import ScorecastProjection

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 903

    @Option(help: "Collection years to write.")
    var years = 5

    @Option(help: ArgumentHelp("The year the last collection year ends (2025 for 2024-25).", valueName: "YYYY"))
    var lastYear = 2025

    @Option(help: "Children entering care a year (about 2.6 × this are in care at any time).")
    var entriesPerYear = 165.0

    @Option(help: ArgumentHelp("Directory for the returns (created if missing).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard (1...30).contains(years) else { throw ValidationError("--years must be 1 to 30") }
        guard entriesPerYear > 0 && entriesPerYear <= 100_000 else { throw ValidationError("--entries-per-year must be above 0 and at most 100000") }
    }

    func execute() throws {
        let files = SyntheticSSDA903(seed: seed, years: years, lastCollectionYear: lastYear, entriesPerYear: entriesPerYear).files()
        if mkdir(out, 0o777) != 0 && errno != EEXIST { throw FileError.current(out, .write) }
        for folder in Set(files.map { String($0.path.split(separator: "/")[0]) }) {
            let path = out + "/" + folder
            if mkdir(path, 0o777) != 0 && errno != EEXIST { throw FileError.current(path, .write) }
        }
        let outputs = try files.map { file in
            let output = try OutputFile(path: out + "/" + file.path)
            try output.write(file.text)
            return output
        }
        for output in outputs { try output.commit() }
    }
}
