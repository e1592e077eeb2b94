import ArgumentParser
import Foundation
import ScorecastCore
import ScorecastData
import ScorecastReport
import ScorecastTimeSeries

/// `scorecast forecast FILE_OR_DIR --horizon H --model NAME --level 80 --level 95 [--jobs N]`.
///
/// Reads tidy observations (a CSV file, or an imported scorecard folder: its
/// `observations.csv`, with units and so bounds from its `indicators.csv`), forecasts every
/// series through the one ``ForecastPipeline`` (`--jobs` at a time) and writes
/// `series,period,model,mean,lo_L,hi_L...`: one row per series and forecast period, periods
/// continuing each series' calendar, interval columns in the order of `--level`. The `model`
/// column says what was actually fitted, including any fallback. Rows come out in input order
/// whatever `--jobs` is; with input grouped by series, the first series' rows are written
/// before the last series is read.
///
/// A series that cannot be forecast at all (no observed value) is not written; it is named on
/// standard error with the reason and in `--notes`, and the others go on (exit 0; exit 65 and
/// nothing written with `--strict`).
struct ForecastCommand: AsyncScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast every series of a tidy CSV (or an imported scorecard folder) with prediction intervals.",
        discussion: """
            Models: \(ModelCatalogue.entries.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).
            Calendar: --model glm uses the England calendar (bank holidays, default school terms or \
            --term-dates, working days) unless --calendar none, and --events; the other models \
            never do. Series with numerator and denominator columns are fitted by glm as \
            quasi-binomial percentages (in [0, 100]); glm's counts are never negative.
            Intervals: --intervals default calibrates auto, theta, arima and ensemble conformally on \
            each series' rolling-origin errors (10 origins, refitting the model at each); other \
            models keep their own. Forecasts of series with no negative values are never negative.
            Input: a CSV file, or a folder written by import-scorecard (observations.csv and \
            indicators.csv: percentages then stay within 0 to 100).
            Output: series,period,model,mean,lo_80,hi_80,lo_95,hi_95 (interval columns follow --level).
            A series with nothing to forecast is named on standard error and left out (exit 0; \
            exit 65 with --strict).
            """
    )

    @OptionGroup var input: ObservationInputOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Write each series' notes (fallbacks, model choices, series not forecast) as CSV series,note to this file.", valueName: "path"))
    var notes: String?

    @Flag(help: "Exit 65, writing nothing, when any series cannot be forecast.")
    var strict = false

    @OptionGroup var units: IndicatorUnitOptions

    func validate() throws {
        try model.validate()
        guard model.model.count == 1 else { throw ValidationError("forecast takes one --model; use backtest to compare models") }
    }

    func execute() async throws {
        let pipeline = try model.pipelines()[0]
        let source = try ForecastSource(input: input, units: units)
        let reader = try source.reader()
        let fileName = reader.csv.fileName
        let output = try self.output.open(streaming: !strict)
        var header = CSVWriter()
        header.writeRecord(ForecastTable.header(levels: pipeline.levels))
        try output.write(header.bytes)
        var notesTable = CSVWriter()
        notesTable.writeRecord(["series", "note"])
        var fallbacks = 0
        var unforecast: [DataError] = []
        var progress = ProgressReporter(label: "forecast")
        try await forEachConcurrently(
            jobs: model.jobs,
            next: { try reader.nextSeries().map { try source.checkedAgainstCatalogue($0, file: fileName) } },
            transform: { observed -> SeriesForecastRows in
                do {
                    let result = try pipeline.forecast(observed.series, bounds: source.bounds(of: observed.name), binomial: observed.binomialCounts)
                    var rows = CSVWriter()
                    ForecastTable.write(result.forecast, series: observed.name, to: &rows)
                    return SeriesForecastRows(
                        name: observed.name, outcome: .forecast(rows.bytes, fellBack: result.fallback != nil), notes: result.notes)
                } catch {
                    let failure = DataError(
                        file: fileName, series: observed,
                        expected: "series \(DataError.quote(observed.name)) not forecast: \(pipeline.modelName) cannot fit it: \(error)")
                    return SeriesForecastRows(name: observed.name, outcome: .notForecast(failure), notes: ["not forecast: \(error)"])
                }
            },
            consume: { rows in
                switch rows.outcome {
                case .forecast(let bytes, let fellBack):
                    try output.write(bytes)
                    if fellBack { fallbacks += 1 }
                case .notForecast(let failure):
                    unforecast.append(failure)
                }
                for note in rows.notes { notesTable.writeRecord([rows.name, note]) }
                progress.advance()
            }
        )
        progress.finish()
        for failure in unforecast { printError(failure.description) }
        if strict, let first = unforecast.first { throw first }
        try output.commit()
        if let notes { try OutputFile.write(notesTable.bytes, to: notes) }
        if !unforecast.isEmpty {
            printError(
                "scorecast forecast: \(unforecast.count) of \(progress.count) series not forecast (named above); the other \(progress.count - unforecast.count) were"
            )
        }
        if fallbacks > 0 {
            printError(
                "scorecast forecast: \(fallbacks) of \(progress.count) series fell back to a simpler model (the model column says which\(notes == nil ? "; --notes FILE lists why" : ""))"
            )
        }
    }
}

/// One series' outcome, formatted: forecast rows, or why there are none.
struct SeriesForecastRows: Sendable {
    enum Outcome: Sendable {
        case forecast([UInt8], fellBack: Bool)
        case notForecast(DataError)
    }

    var name: String
    var outcome: Outcome
    var notes: [String]
}

/// Where `forecast` reads its series from: a CSV file, or an imported scorecard folder whose
/// `indicators.csv` gives each series' unit and so its bounds.
struct ForecastSource: Sendable {
    /// The observations file.
    var observationsPath: String
    var columns: ObservationColumns
    /// Bounds by series, from the catalogue (the folder's, or `--indicators`).
    var boundsByCode: [String: ValueBounds]

    init(input: ObservationInputOptions, units: IndicatorUnitOptions) throws {
        var isDirectory: ObjCBool = false
        let path = input.input
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            observationsPath = path + "/observations.csv"
            let catalogue = try Indicator.read(path: path + "/indicators.csv")
            boundsByCode = catalogue.valueBoundsByCode
        } else {
            observationsPath = path
            boundsByCode = [:]
        }
        columns = input.columns
        for (code, bounds) in try units.valueBounds() { boundsByCode[code] = bounds }
    }

    func reader() throws -> ObservationReader {
        try ObservationReader(path: observationsPath, columns: columns)
    }

    /// The bounds of the series `name`: its catalogue unit's, or counts' (floored at zero when
    /// never negative) for a series the catalogue does not list.
    func bounds(of name: String) -> ValueBounds {
        boundsByCode[name] ?? .nonNegativeIfObservedSo
    }
}
