import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast decompose FILE --method stl|classical`: trend, seasonal and remainder per period,
/// or with `--effects` the seasonal effect of each calendar month ("August: −14%").
///
/// A series that cannot be decomposed (shorter than two seasonal cycles, say) keeps its rows
/// with the components empty (with `--effects`, one row with no effects) and a `note` saying
/// why; it is named on standard error and in `--notes`, and the others go on (exit 0; exit 65
/// and nothing written with `--strict`).
struct DecomposeCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "Split every series into trend, seasonal and remainder (STL or classical).",
        discussion: """
            Output: series,period,value,trend,seasonal,remainder,note; with --effects: \
            series,position,effect,relative_effect,label,note (one row per month or quarter).
            A series that cannot be decomposed has empty components and a note saying why; it is \
            named on standard error (exit 0; exit 65 with --strict).
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
    @OptionGroup var batch: BatchOptions

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
                ? ["series", "position", "effect", "relative_effect", "label", "note"]
                : ["series", "period", "value", "trend", "seasonal", "remainder", "note"])
        var failures = BatchFailures(command: "decompose", outcome: "decomposed")
        var total = 0
        while let observed = try reader.nextSeries() {
            total += 1
            let decomposition: Decomposition
            do {
                decomposition =
                    method == .stl
                    ? try stl.decompose(observed.series)
                    : try ClassicalDecomposition.decompose(observed.series, type: DecompositionType(rawValue: type)!)
            } catch {
                let note = failures.record(observed, file: reader.csv.fileName, reason: "\(method.rawValue) cannot decompose it: \(error)")
                Self.writeUndecomposed(observed, note: note, effects: effects, to: &writer)
                continue
            }
            if effects {
                for effect in decomposition.seasonalEffects {
                    writer.writeRecord([
                        observed.name, String(effect.position), CSVNumber.format(effect.effect),
                        CSVNumber.format(effect.relativeEffect), effect.description, "",
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
                    writer.writeField("")
                    writer.endRecord()
                }
            }
        }
        try failures.reportFailures(strict: batch.strict)
        try output.write(writer)
        try failures.finish(total: total, notes: batch.notes)
    }

    /// The rows of a series that could not be decomposed: its values with empty components
    /// (with `effects`, one row with no effect), each with `note`.
    private static func writeUndecomposed(_ observed: ObservedSeries, note: String, effects: Bool, to writer: inout CSVWriter) {
        if effects || observed.series.count == 0 {
            writer.writeRecord(effects ? [observed.name, "", "", "", "", note] : [observed.name, "", "", "", "", "", note])
            return
        }
        for (index, period) in observed.series.periods.enumerated() {
            writer.writeField(observed.name)
            writer.writeField(period.description)
            writer.writeField(observed.series.values[index])
            for _ in 0..<3 { writer.writeField("") }
            writer.writeField(note)
            writer.endRecord()
        }
    }
}
