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
/// `series,period,model,model_detail,mean,lo_L,hi_L...` (or another tool's columns, `--output-format`): one row per series and forecast period, periods
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
            each series' rolling-origin errors (auto: 20 origins, its fitted ensemble rerun on the \
            history up to each; the others: 10 origins, refitting the model at each); other \
            models keep their own. Forecasts of series with no negative values are never negative.
            Input: a CSV file, or a folder written by import-scorecard (observations.csv and \
            indicators.csv: percentages then stay within 0 to 100).
            Output: series,period,model,model_detail,mean,lo_80,hi_80,lo_95,hi_95 (interval columns \
            follow --level; model is a short label such as auto, ETS(M,N,M) or DOTM to group by, \
            model_detail the fitted parameters); --output-format statsforecast or fable for those \
            tools' columns, --period-format iso for dates.
            Input rows may come in any order (interleaved series are grouped in memory); periods \
            may be dates (2021-01-31, 31/01/2021). Horizon: 1 to \(ModelOptions.maximumHorizon) periods. \
            Percent series (from indicators.csv or --indicators) must lie in 0 to 100 (exit 65 \
            naming the row; --allow-out-of-range keeps them with a warning).
            A series with nothing to forecast is named on standard error and left out (exit 0; \
            exit 65 with --strict).
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var format: ForecastFormatOptions

    @Option(
        help: ArgumentHelp(
            "Write each series' notes (fallbacks, model choices, series not forecast) as CSV series,note to this file.", valueName: "path"))
    var notes: String?

    @Flag(help: "Exit 65, writing nothing, when any series cannot be forecast.")
    var strict = false

    @OptionGroup var units: IndicatorUnitOptions
    @OptionGroup var seasonality: SeasonalityOptions
    @OptionGroup var global: GlobalModelOptions

    func validate() throws {
        try model.validate()
        guard model.model.count == 1 else { throw ValidationError("forecast takes one --model; use backtest to compare models") }
        try global.validate(specification: try model.specifications()[0])
    }

    func execute() async throws {
        var pipeline = try model.pipelines()[0]
        let source = try ForecastSource(input: input, units: units)
        let profiles = try seasonality.load(useBundledDefault: source.isScorecardFolder).profiles
        let reader = try source.reader()
        let fileName = reader.csv.fileName
        // A model that learns across series (global, auto, auto:global) is trained on the
        // whole batch first; the series are then forecast one by one as for any other model.
        var batch: IndexingIterator<[ObservedSeries]>?
        if pipeline.needsBatchTraining {
            var all: [ObservedSeries] = []
            while let observed = try reader.nextSeries() { all.append(try source.checkedAgainstCatalogue(observed, file: fileName)) }
            pipeline = try global.prepare(pipeline, batch: all, jobs: model.jobs, inputFile: fileName)
            batch = all.makeIterator()
        }
        let output = try self.output.open(streaming: !strict)
        let layout = format.layout(levels: pipeline.levels, requested: pipeline.modelName, input: input)
        let horizon = model.horizon
        var header = CSVWriter()
        header.writeRecord(layout.header)
        try output.write(header.bytes)
        var failures = BatchFailures(command: "forecast", outcome: "forecast")
        var fallbacks = 0
        var progress = model.progressReporter("forecast", total: reader.seriesCount)
        try await forEachConcurrently(
            jobs: model.jobs,
            next: {
                if batch != nil { return batch!.next() }
                return try reader.nextSeries().map { try source.checkedAgainstCatalogue($0, file: fileName) }
            },
            transform: { [pipeline] observed -> SeriesForecastRows in
                do {
                    let last = observed.series.start.advanced(by: observed.series.count - 1 + horizon)
                    guard last.year <= Period.latestYear else {
                        throw PeriodRangeError(series: observed.name, last: last)
                    }
                    let result = try pipeline.forecast(
                        observed.series, bounds: source.bounds(of: observed.name), binomial: observed.binomialCounts,
                        profile: profiles[observed.name])
                    var rows = CSVWriter()
                    layout.write(result.forecast, series: observed.name, to: &rows, number: source.numberFormat(of: observed.name))
                    return SeriesForecastRows(
                        series: observed, outcome: .forecast(rows.bytes, fellBack: result.fallback != nil), notes: result.notes)
                } catch {
                    return SeriesForecastRows(
                        series: observed, outcome: .notForecast(SeriesFailure(reason: "\(pipeline.modelName) cannot fit it: \(error)")), notes: [])
                }
            },
            consume: { rows in
                switch rows.outcome {
                case .forecast(let bytes, let fellBack):
                    try output.write(bytes)
                    if fellBack { fallbacks += 1 }
                case .notForecast(let failure):
                    failures.record(rows.series, file: fileName, reason: failure.reason)
                }
                // Notes are kept only for the --notes file, so memory does not grow with the batch.
                if notes != nil { for note in rows.notes { failures.addNote(series: rows.series.name, note: note) } }
                progress.advance()
            }
        )
        progress.finish()
        for warning in reader.warnings { printError("warning: " + warning.description) }
        try failures.reportFailures(strict: strict)
        try output.commit()
        try failures.finish(total: progress.count, notes: notes)
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
        case notForecast(SeriesFailure)
    }

    var series: ObservedSeries
    var outcome: Outcome
    var notes: [String]
}

/// Where `forecast` reads its series from: a CSV file, or an imported scorecard folder whose
/// `indicators.csv` gives each series' unit and so its bounds.
struct ForecastSource: Sendable {
    /// The observations file.
    var observationsPath: String
    /// The input options (columns, `--frequency`).
    var input: ObservationInputOptions
    /// Bounds by series, from the catalogue (the folder's, or `--indicators`).
    var boundsByCode: [String: ValueBounds]
    /// Units by series, from the folder's catalogue: numbers are written to the unit's
    /// precision (``IndicatorUnit/csvDecimalPlaces``), as the report writes them.
    var unitsByCode: [String: IndicatorUnit] = [:]
    /// Whether the input is an imported scorecard folder.
    var isScorecardFolder = false

    init(input: ObservationInputOptions, units: IndicatorUnitOptions) throws {
        var isDirectory: ObjCBool = false
        let path = input.input
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            observationsPath = path + "/observations.csv"
            let catalogue = try Indicator.read(path: path + "/indicators.csv")
            boundsByCode = catalogue.valueBoundsByCode
            for indicator in catalogue { unitsByCode[indicator.code] = indicator.unit }
            isScorecardFolder = true
        } else {
            observationsPath = path
            boundsByCode = [:]
        }
        self.input = input
        for (code, bounds) in try units.valueBounds() { boundsByCode[code] = bounds }
    }

    func reader() throws -> ObservationReader {
        try input.reader(path: observationsPath, percentSeries: Set(boundsByCode.filter { $0.value == .percentage }.keys))
    }

    /// How the numbers of series `name` are written: to its unit's precision when the folder's
    /// catalogue lists it, in full otherwise.
    func numberFormat(of name: String) -> @Sendable (Double) -> String {
        guard let unit = unitsByCode[name] else { return CSVNumber.format }
        let places = unit.csvDecimalPlaces
        return { CSVNumber.rounded($0, places: places) }
    }

    /// The bounds of the series `name`: its catalogue unit's, or counts' (floored at zero when
    /// never negative) for a series the catalogue does not list.
    func bounds(of name: String) -> ValueBounds {
        boundsByCode[name] ?? .nonNegativeIfObservedSo
    }
}

/// A forecast that would run past the year 9999, the last a four-digit period can name.
struct PeriodRangeError: Error, CustomStringConvertible {
    var series: String
    var last: Period

    var description: String {
        "its forecast would end in \(last.year), after \(Period.latestYear), the last year a period can be written in; use a shorter --horizon"
    }
}

extension Period {
    /// The last year a four-digit period (`YYYY-MM`) can name.
    static let latestYear = 9999
}
