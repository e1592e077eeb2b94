import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast backtest FILE --horizon H --origins K --model NAME ...`: rolling-origin evaluation.
///
/// For each series and model, refits at `--origins` origins `--step` periods apart (expanding
/// window, the last forecast ending with the series) and scores each forecast. Output: one row
/// per series and model with the measures averaged over its origins, then one `ALL` row per
/// model averaging every series and origin. A series that cannot be backtested (too short, no
/// values) gets one row per model with no origins, empty measures and a `note` saying why; it is
/// named on standard error and in `--notes`, and the others go on (exit 0; exit 65 and nothing
/// written with `--strict`).
struct BacktestCommand: AsyncScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling-origin backtest of one or more models on every series.",
        discussion: """
            Output: series,model,origins,mae,rmse,mape,smape,mase,coverage_L,winkler_L,msis_L...,note then ALL rows per model.
            A series that cannot be backtested has 0 origins, empty measures and a note saying why; \
            it is named on standard error (exit 0; exit 65 with --strict).
            Calendar: glm uses the England calendar unless --calendar none; with --calendar england, \
            auto chooses per series between its ensemble and the calendar GLM at every origin. \
            Every model is fitted to the value column (glm's quasi-binomial path for numerator and \
            denominator series is forecast's only).
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions
    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("Number of forecast origins.", valueName: "k"))
    var origins: Int = 3

    @Option(help: ArgumentHelp("Periods between origins.", valueName: "n"))
    var step: Int = 1

    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions
    @OptionGroup(visibility: .hidden) var global: GlobalTrainingSettings

    func validate() throws {
        try model.validate()
        _ = try global.trainingOptions()
        guard origins >= 1 else { throw ValidationError("--origins must be at least 1, found \(origins)") }
        guard step >= 1 else { throw ValidationError("--step must be at least 1, found \(step)") }
    }

    func execute() async throws {
        let pipelines = try model.pipelines()
        let backtest = RollingOriginBacktest(horizon: model.horizon, origins: origins, step: step, levels: model.levels)
        let reader = try input.reader()
        let fileName = reader.csv.fileName
        // Models that learn across series (global) are trained at each origin on every series
        // cut at that origin, so the whole batch is read first.
        var wholeBatch: IndexingIterator<[ObservedSeries]>?
        var originPipelines: [[ForecastPipeline]?] = pipelines.map { _ in nil }
        if pipelines.contains(where: \.needsBatchTraining) {
            var all: [ObservedSeries] = []
            while let observed = try reader.nextSeries() { all.append(observed) }
            let series = all.map(\.series)
            let trainingOptions = try global.trainingOptions()
            originPipelines = pipelines.map {
                $0.needsBatchTraining ? backtest.originPipelines($0, batch: series, jobs: model.jobs, options: trainingOptions) : nil
            }
            wholeBatch = all.makeIterator()
        }
        let output = try self.output.open(streaming: !batch.strict)
        var header = CSVWriter()
        header.writeRecord(["series", "model", "origins"] + AccuracyTable.measureColumns(levels: model.levels) + ["note"])
        try output.write(header.bytes)
        var allOrigins = [[AccuracyMetrics]](repeating: [], count: pipelines.count)
        var progress = model.progressReporter("backtest", total: reader.seriesCount)
        var failures = BatchFailures(command: "backtest", outcome: "backtested")
        let levels = model.levels
        try await forEachConcurrently(
            jobs: model.jobs,
            next: {
                if wholeBatch != nil { return wholeBatch!.next() }
                return try reader.nextSeries()
            },
            transform: { [originPipelines] observed -> (ObservedSeries, Result<[BacktestResult], SeriesFailure>) in
                let results = Result {
                    try pipelines.indices.map { index in
                        if let perOrigin = originPipelines[index] { return try backtest.evaluate(originPipelines: perOrigin, on: observed.series) }
                        return try backtest.evaluate(pipelines[index], on: observed.series)
                    }
                }
                return (observed, results.mapError(SeriesFailure.init))
            },
            consume: { observed, result in
                var rows = CSVWriter()
                switch result {
                case .success(let results):
                    for (index, backtestResult) in results.enumerated() {
                        Self.writeRow(
                            series: backtestResult.series, model: backtestResult.model, origins: backtestResult.origins.count,
                            summary: backtestResult.summary, to: &rows)
                        allOrigins[index].append(contentsOf: backtestResult.origins.map(\.metrics))
                    }
                case .failure(let failure):
                    let note = failures.record(observed, file: fileName, reason: failure.reason)
                    for pipeline in pipelines {
                        rows.writeField(observed.name)
                        rows.writeField(pipeline.modelName)
                        rows.writeField("0")
                        AccuracyTable.writeEmptyMeasures(levels: levels, to: &rows)
                        rows.writeField(note)
                        rows.endRecord()
                    }
                }
                try output.write(rows.bytes)
                progress.advance()
            }
        )
        progress.finish()
        try failures.reportFailures(strict: batch.strict)
        var summaryRows = CSVWriter()
        for (index, pipeline) in pipelines.enumerated() {
            Self.writeRow(
                series: "ALL", model: pipeline.modelName, origins: allOrigins[index].count, summary: AccuracySummary(allOrigins[index]),
                to: &summaryRows)
        }
        try output.write(summaryRows.bytes)
        try output.commit()
        try failures.finish(total: progress.count, notes: batch.notes)
    }

    private static func writeRow(series: String, model: String, origins: Int, summary: AccuracySummary, to writer: inout CSVWriter) {
        writer.writeField(series)
        writer.writeField(model)
        writer.writeField(String(origins))
        AccuracyTable.writeMeasures(summary, to: &writer)
        writer.writeField("")
        writer.endRecord()
    }
}
