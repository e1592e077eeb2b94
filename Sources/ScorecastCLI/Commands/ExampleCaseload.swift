import ArgumentParser
import ScorecastData
import ScorecastProjection

/// `scorecast example-caseload`: writes the synthetic looked-after-children history that the
/// README's examples and the projection backtests use.
struct ExampleCaseload: ScorecastCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic monthly looked-after-children history (stock, starts, ends).",
        discussion: """
            SYNTHETIC DATA, for examples and tests: drawn from a stock-flow process resembling a \
            council of Southampton's size (about 500 children in care, 15-18 starting and 5-21 \
            ceasing a month). Series lac_stock, lac_starts, lac_ends, Sep 2015 to Aug 2021. The \
            same seed always gives the same file; notebooks-data/caseload/ holds the one made with \
            the default seed.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 2021

    @OptionGroup var output: OutputOptions

    func execute() throws {
        let history = SyntheticCaseload().generate(seed: seed)
        try output.write(ObservationWriter.csv([history.stock, history.starts, history.ends]))
    }
}
