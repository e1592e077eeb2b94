import ArgumentParser
import ScorecastComparators
import ScorecastData

/// `scorecast compare`: a local authority's rates against its statistical neighbours, its
/// region and England, with PHE intervals, Fingertips significance and trend, LAIT ranks and
/// quartile bands, and the gap in children.
struct CompareCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Comparator table: an LA against its statistical neighbours, region and England.",
        discussion: """
            One row per measure and year: value, numerator, denominator, PHE intervals (Wilson for \
            percentages; Byar for counts of 10 or more, exact Poisson below), the neighbours' mean \
            (LAIT) and median (DfE dashboard), min and max, region and England, ranks (1 = best by \
            polarity, ties shared), quartile band A-D, significance by the Fingertips rule, the gap \
            in children, and the Fingertips five-point trend. See README.md for every column.
            Exit status: \(ExitStatus.summary)
            """)

    @Option(help: ArgumentHelp("Local authority: ONS code (E06000045) or name (Southampton).", valueName: "code-or-name"))
    var la: String?

    @Flag(help: "Every local authority (ignores --la).")
    var allLas = false

    @Option(help: ArgumentHelp("Year ending 31 March (e.g. 2021); every year when omitted.", valueName: "year"))
    var year: Int?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Measures (default: every measure in the data folder's measures.csv), e.g. cla_31mar_rate_per_10k.", valueName: "name"))
    var measure: [String] = []

    @Option(help: ArgumentHelp("DfE statistical neighbour model: 2021 or 2025.", valueName: "year"))
    var snModel = 2021

    @Option(help: ArgumentHelp("Interval level (percent) deciding vs_england and vs_region.", valueName: "percent"))
    var significanceLevel = 95.0

    @OptionGroup var source: ComparatorDataOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var tableFormat: TableFormatOptions

    func validate() throws {
        guard allLas || la != nil else { throw ValidationError("give --la CODE_OR_NAME or --all-las") }
        try ComparatorDataOptions.validateNeighbourModel(snModel)
        guard significanceLevel > 0 && significanceLevel < 100 else { throw ValidationError("--significance-level must be between 0 and 100") }
    }

    func execute() throws {
        let data = try source.load(neighbourModel: snModel)
        let measures = try ComparatorDataOptions.measures(measure, in: data.catalogue)
        let authorities: [Int]
        if allLas {
            authorities = data.localAuthorityIndices
        } else {
            authorities = [try ComparatorDataOptions.authority(matching: la ?? "", in: data)]
        }
        let years: [Int]
        if let year {
            try ComparatorDataOptions.requireYear(year, in: data)
            years = [year]
        } else {
            years = data.years
        }
        let table = ComparisonTable(
            data: data,
            options: ComparisonOptions(
                confidenceLevels: source.levels, significanceLevel: significanceLevel / 100, neighbourModel: snModel))
        let rows = table.rows(authorities: authorities, measures: measures, years: years)
        var writer = CSVWriter()
        table.writeCSV(rows, to: &writer)
        try tableFormat.write(writer, to: output, sheetName: "compare")
    }
}
