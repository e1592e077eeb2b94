import ArgumentParser
import ScorecastData
import ScorecastProjection

/// `scorecast example-cin --seed N --years 5 --out DIR [--truth FILE]`: a synthetic council's
/// children in need census returns, and the truth of every monthly measure.
struct ExampleCINCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "example-cin",
        abstract: "Write a synthetic council's children in need census returns (one XML file a year).",
        discussion: """
            SYNTHETIC DATA, for examples, tests and benchmarks: the synthetic council of example-903, \
            its referrals dipping in August and December and few at weekends, with a council's \
            messiness (byte-order marks, CRLF, padded values, a child repeated, invalid episodes). \
            --truth writes what import-cin should give for every measure and month \
            (series,period,value). The same seed always gives the same files; \
            notebooks-data/cin-synthetic/ holds the default ones.
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var collection: SyntheticReturnsOptions

    @Option(help: "Referrals a year on average.")
    var referralsPerYear = 600.0

    @Flag(help: "Write clean files: no byte-order marks, CRLF, padding, repeated child or invalid episodes.")
    var clean = false

    @Option(help: ArgumentHelp("Also write the truth of every measure (series,period,value).", valueName: "file"))
    var truth: String?

    @Option(help: ArgumentHelp("Directory for the returns (created if missing).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard referralsPerYear > 0 && referralsPerYear <= 200_000 else {
            throw ValidationError("--referrals-per-year must be above 0 and at most 200000")
        }
    }

    func execute() throws {
        let council = SyntheticCINCensus(
            seed: collection.seed, years: collection.years, lastCollectionYear: collection.lastYear, referralsPerYear: referralsPerYear, messy: !clean
        )
        let (files, known) = council.generate()
        var outputs = try stageAll(files.map { ($0.path, Array($0.text.utf8)) }, into: out)
        if let truth {
            var csv = CSVWriter()
            csv.writeRecord(["series", "period", "value"])
            for measure in CINMeasure.counts {
                for (index, month) in known.months.enumerated() {
                    csv.writeRecord([measure.name, month.description, String(known.counts[measure.name]![index])])
                }
            }
            let output = try OutputFile(path: truth)
            try output.write(csv.text)
            outputs.append(output)
        }
        for output in outputs { try output.commit() }
    }
}
