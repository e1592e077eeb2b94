import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast accuracy --forecasts F --actuals A --train T`: scores any forecast file.
///
/// The forecasts are CSV with a series column, a period column (`YYYY-MM`...) or a step column
/// (1 = the period after the training data ends), a point forecast column, optionally a model
/// column and `lo_L,hi_L` interval columns: Scorecast's own `forecast` output as it is, or
/// another tool's (the M3 `competitors.csv` is `--model-column method --step-column step
/// --forecast-column forecast`). Actuals and training data are tidy observations. Output: one
/// row per model and series, then one `ALL` row per model averaging the series, with MAE,
/// RMSE, MAPE, sMAPE, MASE, interval coverage, Winkler score and scaled interval score
/// (MSIS at 95%) per level, and OWA against Naive2 fitted to the same training data.
///
/// A series whose training data cannot be scored against (Naive2 cannot be fitted: no observed
/// value) gets a row per model with empty measures and a `note` saying why, and is left out of
/// the `ALL` rows; it is named on standard error and in `--notes`, and the others go on (exit 0;
/// exit 65 and nothing written with `--strict`).
struct AccuracyCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Score forecasts against actual values: MAE, RMSE, MAPE, sMAPE, MASE, coverage, Winkler, MSIS, OWA.",
        discussion: """
            Output: series,model,n,mae,rmse,mape,smape,mase,coverage_L,winkler_L,msis_L...,owa,note, \
            then ALL rows per model. A series that cannot be scored (training data with no observed \
            value) has empty measures and a note saying why, is left out of ALL and is named on \
            standard error (exit 0; exit 65 with --strict).
            Exit status: \(ExitStatus.summary)
            """
    )

    @Option(help: ArgumentHelp("Forecast CSV (e.g. the output of scorecast forecast).", valueName: "file"))
    var forecasts: String

    @Option(help: ArgumentHelp("Actual values, tidy series,period,value.", valueName: "file"))
    var actuals: String

    @Option(help: ArgumentHelp("The training data the forecasts were made from, tidy series,period,value (scales MASE and MSIS).", valueName: "file"))
    var train: String

    @Option(help: ArgumentHelp("Forecast file: name of the series column.", valueName: "name"))
    var seriesColumn = "series"

    @Option(help: ArgumentHelp("Forecast file: name of the model column (absent: every row is one model named after the file).", valueName: "name"))
    var modelColumn = "model"

    @Option(
        help: ArgumentHelp(
            "Score every forecast row as one model with this name, whatever its model column says (Scorecast's model column names each series' fitted model and fallback).",
            valueName: "name"))
    var label: String?

    @Option(help: ArgumentHelp("Forecast file: name of the period column.", valueName: "name"))
    var periodColumn = "period"

    @Option(
        help: ArgumentHelp(
            "Forecast file: name of a step column (1, 2, ... after the training data) used when there is no period column.", valueName: "name"))
    var stepColumn = "step"

    @Option(help: ArgumentHelp("Forecast file: name of the point forecast column.", valueName: "name"))
    var forecastColumn = "mean"

    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions

    func execute() throws {
        let training = try ObservationReader(path: train).readAll()
        let observedByName = Dictionary(training.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let trainingByName = Dictionary(training.map { ($0.name, $0.series) }, uniquingKeysWith: { first, _ in first })
        // Dates in the actuals are read at the frequency of the training data they follow.
        let actualsReader = try ObservationReader(path: actuals)
        actualsReader.dateFrequencyBySeries = trainingByName.mapValues(\.frequency)
        let actualSeries = try actualsReader.readAll()
        for observed in actualSeries {
            if let training = trainingByName[observed.name], training.frequency != observed.series.frequency {
                throw DataError(
                    file: actualsReader.csv.fileName, series: observed,
                    expected:
                        "expected \(training.frequency) periods for series \(DataError.quote(observed.name)) as in the training data, found \(observed.series.frequency) ones"
                )
            }
        }
        let actualByName = Dictionary(actualSeries.map { ($0.name, $0.series) }, uniquingKeysWith: { first, _ in first })
        let table = try ForecastFile.read(
            path: forecasts,
            columns: ForecastFile.Columns(
                series: seriesColumn, model: modelColumn, period: periodColumn, step: stepColumn, forecast: forecastColumn),
            label: label, training: trainingByName)
        let levels = table.levels
        var writer = CSVWriter()
        writer.writeRecord(["series", "model", "n"] + AccuracyTable.measureColumns(levels: levels) + ["owa", "note"])
        var naive2Cache: [String: AccuracyMetrics] = [:]
        var failures = BatchFailures(command: "accuracy", outcome: "scored")
        var unscored: [String: String] = [:]
        for model in table.models {
            var perSeries: [AccuracyMetrics] = [], references: [AccuracyMetrics] = []
            for entry in table.entries(of: model) {
                let training = trainingByName[entry.series]!
                let actualSeries = actualByName[entry.series]
                let actual = (0..<entry.mean.count).map { actualSeries?[entry.start.advanced(by: $0)] ?? .nan }
                let intervals = levels.indices.map { PredictionInterval(level: levels[$0], lower: entry.lower[$0], upper: entry.upper[$0]) }
                let metrics = AccuracyMetrics(
                    actual: actual, forecast: entry.mean, intervals: intervals,
                    training: training.values, seasonalPeriod: training.seasonalPeriod)
                let cacheKey = "\(entry.series)\u{0}\(entry.mean.count)"
                if unscored[entry.series] == nil, naive2Cache[cacheKey] == nil {
                    do {
                        naive2Cache[cacheKey] = try AccuracyMetrics.naive2Reference(actual: actual, training: training)
                    } catch {
                        unscored[entry.series] = failures.record(
                            observedByName[entry.series]!, file: train, reason: "Naive2 cannot be fitted to its training data: \(error)")
                    }
                }
                if let note = unscored[entry.series] {
                    writer.writeField(entry.series)
                    writer.writeField(model)
                    writer.writeField("0")
                    AccuracyTable.writeEmptyMeasures(levels: levels, to: &writer)
                    writer.writeField("")
                    writer.writeField(note)
                    writer.endRecord()
                    continue
                }
                let reference = naive2Cache[cacheKey]!
                perSeries.append(metrics)
                references.append(reference)
                Self.writeRow(series: entry.series, model: model, metrics: metrics, reference: reference, to: &writer)
            }
            let summary = AccuracySummary(perSeries)
            writer.writeField("ALL")
            writer.writeField(model)
            writer.writeField(String(summary.seriesCount))
            AccuracyTable.writeMeasures(summary, to: &writer)
            writer.writeField(summary.overallWeightedAverage(relativeTo: AccuracySummary(references)))
            writer.writeField("")
            writer.endRecord()
        }
        try failures.reportFailures(strict: batch.strict)
        try output.write(writer)
        try failures.finish(total: Set(table.models.flatMap { table.entries(of: $0).map(\.series) }).count, notes: batch.notes)
    }

    private static func writeRow(series: String, model: String, metrics: AccuracyMetrics, reference: AccuracyMetrics, to writer: inout CSVWriter) {
        writer.writeField(series)
        writer.writeField(model)
        writer.writeField(String(metrics.count))
        AccuracyTable.writeMeasures(metrics, to: &writer)
        writer.writeField(metrics.overallWeightedAverage(relativeTo: reference))
        writer.writeField("")
        writer.endRecord()
    }
}
