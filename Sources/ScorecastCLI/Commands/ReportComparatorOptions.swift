import ArgumentParser
import ScorecastComparators
import ScorecastReport

/// `report --comparators DIR --la CODE_OR_NAME [--year YEAR] [--sn-model YEAR]`: the optional
/// DfE comparator section of the monthly report. Without `--comparators` there is no section
/// and the report is unchanged.
struct ReportComparatorOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder with the DfE files `compare` reads (as its --data); adds the comparator section and comparators.csv.", valueName: "dir"))
    var comparators: String?

    @Option(help: ArgumentHelp("With --comparators: the local authority, ONS code (E06000045) or name.", valueName: "code-or-name"))
    var la: String?

    @Option(help: ArgumentHelp("With --comparators: the DfE year ending 31 March (default: the latest in the data).", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("With --comparators: DfE statistical neighbour model, 2021 or 2025.", valueName: "year"))
    var snModel = 2021

    func validate() throws {
        guard comparators != nil else {
            if la != nil || year != nil { throw ValidationError("--la and --year need --comparators DIR") }
            return
        }
        guard la != nil else { throw ValidationError("--comparators needs --la CODE_OR_NAME") }
        try ComparatorDataOptions.validateNeighbourModel(snModel)
    }

    /// Loads the data and computes the section, or nil without `--comparators`. An unknown
    /// authority or a year outside the data is a usage error, raised before anything is written.
    func load() throws -> ComparatorReport? {
        guard let folder = comparators, let la else { return nil }
        let data = try ComparatorDataOptions.load(folder: folder)
        let authority = try ComparatorDataOptions.authority(matching: la, in: data, option: "--la: ")
        let chosen = year ?? data.years.last ?? 0
        try ComparatorDataOptions.requireYear(chosen, in: data)
        return ComparatorReport(data: data, authority: authority, year: chosen, neighbourModel: snModel)
    }
}
