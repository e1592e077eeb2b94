import ArgumentParser
import ScorecastComparators
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast scorecard-comparators DIR --month YYYY-MM`: the monthly scorecard against the
/// comparators it prints, with the DfE published figures they should match.
struct ScorecardComparatorsCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard-comparators",
        abstract: "The scorecard's latest values against its statistical neighbours, England and South East columns.",
        discussion: """
            One row per indicator and comparator group: the comparator printed, the difference and \
            ratio of the latest month's value to it, the position by polarity (better, worse, higher, \
            lower, same), and for indicators linked to a DfE measure (--measure-map) the DfE \
            published figure for --comparator-year on the scorecard's basis and the printed value \
            minus it.
            Exit status: \(ExitStatus.summary)
            """)

    @Argument(help: ArgumentHelp("Directory of tidy scorecard files (as import-scorecard writes them).", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The scorecard's month.", valueName: "YYYY-MM"))
    var month: String

    @Option(help: ArgumentHelp("The scorecard's local authority (code or name), for its region and neighbours.", valueName: "code-or-name"))
    var la = "E06000045"

    @Option(help: ArgumentHelp("DfE year (ending 31 March) the printed comparators describe; default: the year before --month's.", valueName: "year"))
    var comparatorYear: Int?

    @Option(help: ArgumentHelp("CSV code,measure,scale linking scorecard codes to DfE measures.", valueName: "file"))
    var measureMap = BundledData.path("dfe/scorecard-measure-map.csv")

    @Option(help: ArgumentHelp("DfE statistical neighbour model for the neighbours' mean: 2021 or 2025.", valueName: "year"))
    var snModel = 2021

    @OptionGroup var source: ComparatorDataOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var tableFormat: TableFormatOptions

    func validate() throws {
        guard Period(parsing: month) != nil else { throw ValidationError("--month must be a period, YYYY-MM (got '\(month)')") }
        try ComparatorDataOptions.validateNeighbourModel(snModel)
    }

    func execute() throws {
        let period = Period(parsing: month)!
        let files = try ScorecardFiles(directory: directory, month: period)
        let lines = ScorecardReport.lines(files, month: period)
        let data = try source.load(neighbourModel: snModel)
        let authority = try ComparatorDataOptions.authority(matching: la, in: data)
        let links = try ScorecardComparison.readLinks(path: measureMap, catalogue: data.catalogue)
        let year = comparatorYear ?? Int(String(month.prefix(4)))! - 1
        let comparison = ScorecardComparison(
            lines: lines, links: links, data: data, authority: authority,
            comparatorYear: year, neighbourModel: snModel)
        var writer = CSVWriter()
        comparison.writeCSV(to: &writer)
        try tableFormat.write(writer, to: output, sheetName: "scorecard-comparators")
    }
}
