import ArgumentParser
import ScorecastCore
import ScorecastData

/// `--output PATH`: where a subcommand's CSV goes (standard output when absent).
///
/// Include with `@OptionGroup var output: OutputOptions`; write with ``write(_:)`` once the
/// whole result is ready, or open a streaming ``OutputFile`` with ``open(streaming:)``.
/// Either way a file is written whole or not at all.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.short, .long], help: ArgumentHelp("Write the CSV to this file (whole or not at all) instead of standard output.", valueName: "path"))
    var output: String?

    /// Writes `bytes` to the output, atomically.
    func write(_ bytes: [UInt8]) throws {
        try OutputFile.write(bytes, to: output)
    }

    /// Writes the CSV `writer` holds to the output, atomically.
    func write(_ writer: CSVWriter) throws {
        try write(writer.bytes)
    }

    /// Opens the output for writing in pieces; call `commit()` when done. With `streaming`,
    /// standard output is written as pieces arrive (a file is still renamed into place at the end).
    func open(streaming: Bool = false) throws -> OutputFile {
        try OutputFile(path: output, streaming: streaming)
    }
}

/// The observations input and its column names: `FILE` plus `--series-column`,
/// `--period-column`, `--value-column` (e.g. statsforecast's `unique_id`, `ds`, `y`).
struct ObservationInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Observations CSV (series,period,value[,numerator,denominator,status]); - reads standard input.", valueName: "file"))
    var input: String

    @Option(help: ArgumentHelp("Name of the series column.", valueName: "name"))
    var seriesColumn = ObservationColumns.standard.series

    @Option(
        help: ArgumentHelp(
            "Name of the period column (YYYY-MM, YYYY-Qn or YYYY, or dates YYYY-MM-DD or DD/MM/YYYY mapped to their period).",
            valueName: "name"))
    var periodColumn = ObservationColumns.standard.period

    @Option(help: ArgumentHelp("Name of the value column.", valueName: "name"))
    var valueColumn = ObservationColumns.standard.value

    @Option(
        help: ArgumentHelp(
            "The period dates in the period column are mapped to: monthly, quarterly or annual (default: inferred per series from the gaps between its dates).",
            valueName: "frequency"))
    var frequency: Frequency?

    @Flag(help: "Keep percentages outside 0 to 100 in percent series (warned about on standard error) instead of refusing them (exit 65).")
    var allowOutOfRange = false

    /// The column names given.
    var columns: ObservationColumns {
        ObservationColumns(series: seriesColumn, period: periodColumn, value: valueColumn)
    }

    /// A reader over the input, header read and checked (rows in any order; dates mapped at
    /// `--frequency`).
    func reader() throws -> ObservationReader {
        try reader(path: input)
    }

    /// A reader over `path` with these columns and `--frequency`; values of `percentSeries`
    /// are checked to lie in [0, 100] (refused, or warned about with `--allow-out-of-range`).
    func reader(path: String, percentSeries: Set<String> = []) throws -> ObservationReader {
        let reader = try ObservationReader(path: path, columns: columns)
        reader.dateFrequency = frequency
        reader.percentSeries = percentSeries
        reader.allowsOutOfRange = allowOutOfRange
        return reader
    }

    /// Every series of the input (rows in any order).
    func readAll() throws -> [ObservedSeries] {
        try reader().readAll()
    }
}

extension Frequency: ExpressibleByArgument {
    public init?(argument: String) {
        guard let frequency = Frequency.allCases.first(where: { $0.description == argument }) else { return nil }
        self = frequency
    }

    public static var allValueStrings: [String] { allCases.map(\.description) }
}
