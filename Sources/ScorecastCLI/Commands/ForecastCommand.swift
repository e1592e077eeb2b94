import ArgumentParser
import ScorecastData
import ScorecastTimeSeries

/// `scorecast forecast FILE --horizon H --model NAME --level 80 --level 95 [--jobs N]`.
///
/// Reads tidy observations, fits the named model to every series (`--jobs` at a time) and
/// writes `series,period,model,mean,lo_L,hi_L...`: one row per series and forecast period,
/// periods continuing each series' calendar, interval columns in the order of `--level`.
/// The `model` column says what was actually fitted, including any fallback. Rows come out in
/// input order whatever `--jobs` is; with input grouped by series, the first series' rows are
/// written before the last series is read.
struct ForecastCommand: AsyncScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast every series of a tidy CSV with prediction intervals.",
        discussion: """
        Models: \(ModelCatalogue.standard.entries.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")); \
        auto (\(ModelCatalogue.automaticSummary)).
        Calendar: --model glm uses the England calendar (bank holidays, default school terms or \
        --term-dates, working days) unless --calendar none, and --events; the other models \
        never do. Series with numerator and denominator columns are fitted by glm as \
        quasi-binomial percentages (in [0, 100]); glm's counts are never negative.
        Intervals: --intervals default calibrates auto, theta and ensemble conformally on each \
        series' rolling-origin errors (10 origins, refitting the model at each); other models \
        keep their own. Forecasts of series with no negative values are never negative.
        Output: series,period,model,mean,lo_80,hi_80,lo_95,hi_95 (interval columns follow --level).
        """
    )

    @OptionGroup var input: ObservationInputOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Write each series' notes (fallbacks, model choices) as CSV series,note to this file.", valueName: "path"))
    var notes: String?

    @OptionGroup var units: IndicatorUnitOptions

    func validate() throws {
        try model.validate()
        guard model.model.count == 1 else { throw ValidationError("forecast takes one --model; use backtest to compare models") }
    }

    func execute() async throws {
        let catalogue = try model.catalogue()
        let spec = try model.specs(in: catalogue)[0]
        let binomialModel = try model.binomialModel(in: catalogue)
        let percentSeries = try units.percentSeries()
        let reader = try input.reader()
        let fileName = reader.csv.fileName
        let output = try self.output.open(streaming: true)
        let levels = model.levels
        let horizon = model.horizon
        var header = CSVWriter()
        header.writeRecord(["series", "period", "model", "mean"] + ForecastTable.intervalColumns(levels))
        try output.write(header.bytes)
        var notesTable = CSVWriter()
        notesTable.writeRecord(["series", "note"])
        var fallbacks = 0
        var progress = ProgressReporter(label: "forecast")
        try await forEachConcurrently(
            jobs: model.jobs,
            next: { try reader.nextSeries() },
            transform: { observed -> Result<FittedForecastRows, DataError> in
                do {
                    let fitted: AnyFittedForecastModel
                    let isPercentage = percentSeries.contains(observed.name)
                    if let binomialModel, let trials = observed.binomialTrials {
                        fitted = AnyFittedForecastModel(try binomialModel.fit(successes: observed.numeratorSeries, trials: trials))
                    } else if let binomialModel, isPercentage {
                        fitted = AnyFittedForecastModel(try binomialModel.fit(percentages: observed.series))
                    } else {
                        fitted = try spec.fit(observed.series)
                    }
                    var forecast = fitted.forecast(horizon: horizon, levels: levels).flooredAtZero(ifNonNegative: observed.series)
                    if isPercentage { forecast = forecast.clamped(to: 0...100) }
                    var rows = CSVWriter()
                    ForecastTable.write(forecast, series: observed.name, to: &rows)
                    return .success(FittedForecastRows(name: observed.name, description: fitted.description, notes: fitted.notes, bytes: rows.bytes))
                } catch {
                    return .failure(DataError(file: fileName, series: observed, expected: "expected a series that \(spec.name) can fit: \(error)"))
                }
            },
            consume: { result in
                let rows = try result.get()
                try output.write(rows.bytes)
                if rows.description.contains("fallback") { fallbacks += 1 }
                for note in rows.notes { notesTable.writeRecord([rows.name, note]) }
                progress.advance()
            }
        )
        try output.commit()
        progress.finish()
        if let notes { try OutputFile.write(notesTable.bytes, to: notes) }
        if fallbacks > 0 {
            printError("scorecast forecast: \(fallbacks) of \(progress.count) series fell back to a simpler model (the model column says which\(notes == nil ? "; --notes FILE lists why" : ""))")
        }
    }
}

/// One series' formatted forecast rows and what the fit reported.
struct FittedForecastRows: Sendable {
    var name: String
    var description: String
    var notes: [String]
    var bytes: [UInt8]
}
