import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast decompose FILE --method stl|classical`: trend, seasonal and remainder per period,
/// or with `--effects` the seasonal effect of each calendar month ("August: −14%").
struct DecomposeCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "Split every series into trend, seasonal and remainder (STL or classical).",
        discussion: """
            Output: series,period,value,trend,seasonal,remainder; with --effects: \
            series,position,effect,relative_effect,label (one row per month or quarter).
            STL follows R's stl() (Cleveland et al. 1990); classical follows R's decompose().
            Exit status: \(ExitStatus.summary)
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case stl, classical }

    @OptionGroup var input: ObservationInputOptions

    @Option(help: "Decomposition method: stl or classical.")
    var method: Method = .stl

    @Option(help: ArgumentHelp("Classical only: additive or multiplicative.", valueName: "type"))
    var type: String = "additive"

    @Option(help: ArgumentHelp("STL seasonal window: periodic, or an odd span in years (R's s.window).", valueName: "periodic|n"))
    var seasonalWindow = "periodic"

    @Option(help: ArgumentHelp("STL trend window in periods (R's t.window; default from s.window).", valueName: "n"))
    var trendWindow: Int?

    @Option(help: ArgumentHelp("STL low-pass window in periods (R's l.window; default the next odd number ≥ the period).", valueName: "n"))
    var lowPassWindow: Int?

    @Flag(help: "STL: robust fitting (down-weights outliers; 1 inner and 15 outer iterations unless given).")
    var robust = false

    @Option(help: ArgumentHelp("STL inner iterations (R's inner).", valueName: "n"))
    var inner: Int?

    @Option(help: ArgumentHelp("STL outer (robustness) iterations (R's outer).", valueName: "n"))
    var outer: Int?

    @Flag(help: "Write the seasonal effect of each calendar month or quarter instead of the components.")
    var effects = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard DecompositionType(rawValue: type) != nil else {
            throw ValidationError("--type must be additive or multiplicative, found '\(type)'")
        }
        if method == .stl && type != "additive" {
            throw ValidationError("STL is additive; use --method classical for a multiplicative decomposition")
        }
        if seasonalWindow != "periodic" && (Int(seasonalWindow) ?? 0) < 3 {
            throw ValidationError("--seasonal-window must be 'periodic' or a span of at least 3, found '\(seasonalWindow)'")
        }
        for (name, value) in [("--trend-window", trendWindow), ("--low-pass-window", lowPassWindow), ("--inner", inner)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, found \(value)") }
        }
        if let outer, outer < 0 { throw ValidationError("--outer must be at least 0, found \(outer)") }
    }

    func execute() throws {
        let stl = STL(
            seasonalWindow: seasonalWindow == "periodic" ? .periodic : .span(Int(seasonalWindow)!),
            trendWindow: trendWindow, lowPassWindow: lowPassWindow, robust: robust,
            innerIterations: inner, outerIterations: outer)
        let reader = try input.reader()
        var writer = CSVWriter()
        writer.writeRecord(
            effects
                ? ["series", "position", "effect", "relative_effect", "label"]
                : ["series", "period", "value", "trend", "seasonal", "remainder"])
        while let observed = try reader.nextSeries() {
            let decomposition: Decomposition
            do {
                decomposition =
                    method == .stl
                    ? try stl.decompose(observed.series)
                    : try ClassicalDecomposition.decompose(observed.series, type: DecompositionType(rawValue: type)!)
            } catch {
                throw DataError(
                    file: reader.csv.fileName, series: observed, expected: "expected a series that \(method.rawValue) can decompose: \(error)")
            }
            if effects {
                for effect in decomposition.seasonalEffects {
                    writer.writeRecord([
                        observed.name, String(effect.position), CSVNumber.format(effect.effect),
                        CSVNumber.format(effect.relativeEffect), effect.description,
                    ])
                }
            } else {
                for (index, period) in observed.series.periods.enumerated() {
                    writer.writeField(observed.name)
                    writer.writeField(period.description)
                    writer.writeField(observed.series.values[index])
                    writer.writeField(decomposition.trend[index])
                    writer.writeField(decomposition.seasonal[index])
                    writer.writeField(decomposition.remainder[index])
                    writer.endRecord()
                }
            }
        }
        try output.write(writer)
    }
}
