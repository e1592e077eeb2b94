import ArgumentParser
import ScorecastComparators
import ScorecastData

/// `scorecast funnel`: every local authority's value and denominator with funnel limits
/// around England's value.
struct FunnelCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel",
        abstract: "Funnel-plot limits around England's rate for every local authority.",
        discussion: """
            Exact limits (Poisson for rates, binomial for percentages, Spiegelhalter's interpolated \
            quantiles) at each --confidence level, with an optional overdispersion adjustment \
            (winsorised z-scores, 10% each tail; multiplicative or additive). Each LA is flagged \
            inside, above or below.
            Exit status: \(ExitStatus.summary)
            """)

    @Option(help: ArgumentHelp("A rate or percentage measure, e.g. cla_31mar_rate_per_10k.", valueName: "name"))
    var measure: String

    @Option(help: ArgumentHelp("Year ending 31 March.", valueName: "year"))
    var year: Int

    @Option(help: ArgumentHelp("none, multiplicative or additive.", valueName: "kind"))
    var overdispersion = "none"

    @OptionGroup var source: ComparatorDataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard FunnelLimits.Overdispersion(rawValue: overdispersion) != nil else {
            throw ValidationError("--overdispersion must be none, multiplicative or additive")
        }
    }

    func execute() throws {
        let data = try source.load()
        try ComparatorDataOptions.requireYear(year, in: data)
        let chosen = try ComparatorDataOptions.measures([measure], in: data.catalogue)[0]
        guard chosen.kind != .count else {
            throw ValidationError("funnel plots need a rate or percentage measure; \(measure) is a count")
        }
        let funnel: FunnelTable
        do {
            funnel = try FunnelTable(
                data: data, measure: chosen, year: year, levels: source.levels,
                overdispersion: FunnelLimits.Overdispersion(rawValue: overdispersion) ?? .none)
        } catch let error as FunnelTable.FunnelError {
            throw ValidationError(error.description)
        }
        var writer = CSVWriter()
        funnel.writeCSV(to: &writer)
        try output.write(writer)
    }
}
