import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

/// `scorecast project`: stock-flow projection of a caseload, with scenarios and consequences.
struct Project: ScorecastCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project a caseload (stock, starts, ends) with Monte Carlo intervals and scenarios.",
        discussion: """
            Fits the flows of a monthly caseload (starts: negative binomial GLM; ends: binomial \
            exit rate on the opening stock; both with month effects, the England school calendar \
            and, where it helps, a trend), then simulates paths in which stock(t+1) = stock(t) + \
            starts(t) - ends(t) holds exactly. Writes series,period,scenario,quantity,mean,lo_80, \
            hi_80,lo_95,hi_95 for the baseline and each scenario, and (with --summary) one row per \
            scenario at the horizon.
            Exit status: \(ExitStatus.summary)
            """
    )

    @OptionGroup var input: ObservationInputOptions

    @Option(help: ArgumentHelp("Name of the stock series (children at the end of each month).", valueName: "series"))
    var stock: String

    @Option(help: ArgumentHelp("Name of the starts series (children starting each month).", valueName: "series"))
    var starts: String

    @Option(help: ArgumentHelp("Name of the ends series (children ending each month).", valueName: "series"))
    var ends: String

    @Option(help: "Months to project (1 to 120).")
    var horizon: Int = 24

    @Option(name: .customLong("level"), help: "Interval coverage in percent; repeat for several (default 80 and 95).")
    var levels: [Double] = []

    @Option(help: "Monte Carlo paths per scenario.")
    var paths: Int = 10_000

    @Option(help: "Seed of the random numbers (the same seed gives the same projection).")
    var seed: UInt64 = Forecast.defaultSeed

    @Option(help: ArgumentHelp("Scenarios CSV: scenario,change,value[,from,years,population].", valueName: "file"))
    var scenario: String?

    @Option(help: ArgumentHelp("Cost per child-month, for every child.", valueName: "amount"))
    var cost: Double?

    @Option(help: ArgumentHelp("Costs by placement type CSV: placement,share,cost_per_child_month (shares add up to 1).", valueName: "file"))
    var costByPlacement: String?

    @Option(help: ArgumentHelp("Children per full-time-equivalent worker, to project workers.", valueName: "n"))
    var caseloadPerWorker: Double?

    @Option(help: ArgumentHelp("england (school-holiday and working-day terms) or none.", valueName: "name"))
    var calendar: String = "england"

    @Option(help: ArgumentHelp("Also write one row per scenario at the horizon to this CSV.", valueName: "path"))
    var summary: String?

    @Option(
        help: ArgumentHelp(
            "Trend in the flows: auto (kept where it lowers the AIC) or none (flows at their recent level, by month).", valueName: "auto|none"))
    var flowTrend: String = "none"

    @Flag(help: "Leave out the comparison projection that extrapolates the stock series alone (automatic ETS).")
    var noStockOnly = false

    @Option(
        help: ArgumentHelp(
            "Instead of projecting, backtest from this many rolling origins (one month apart) and write the scores.", valueName: "origins"))
    var backtestOrigins: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be between 1 and 120, got \(horizon)") }
        guard paths >= 100 else { throw ValidationError("--paths must be at least 100, got \(paths)") }
        for level in levels where !(level > 0 && level < 100) {
            throw ValidationError("--level must lie strictly between 0 and 100, got \(level)")
        }
        guard ["auto", "none"].contains(flowTrend) else { throw ValidationError("--flow-trend must be auto or none, got \(flowTrend)") }
        guard ["england", "none"].contains(calendar) else { throw ValidationError("--calendar must be england or none, got \(calendar)") }
        if let cost, !(cost >= 0) { throw ValidationError("--cost must be ≥ 0") }
        if let caseloadPerWorker, !(caseloadPerWorker > 0) { throw ValidationError("--caseload-per-worker must be > 0") }
        if cost != nil && costByPlacement != nil { throw ValidationError("give --cost or --cost-by-placement, not both") }
        if let backtestOrigins, backtestOrigins < 1 { throw ValidationError("--backtest-origins must be at least 1") }
    }

    func execute() throws {
        let levels = self.levels.isEmpty ? [80, 95] : self.levels
        let all = try input.readAll()
        func find(_ name: String, _ option: String) throws -> TimeSeries {
            guard let found = all.first(where: { $0.series.name == name }) else {
                let names = all.map(\.series.name).joined(separator: ", ")
                throw DataError(
                    file: input.input, line: 1, column: 1, expected: "expected a series named '\(name)' (\(option)); the file has \(names)")
            }
            return found.series
        }
        let history: StockFlowHistory
        do {
            history = try StockFlowHistory(name: stock, stock: find(stock, "--stock"), starts: find(starts, "--starts"), ends: find(ends, "--ends"))
        } catch let error as ProjectionError {
            throw DataError(file: input.input, line: 1, column: 1, expected: error.description)
        }
        let firstProjected = history.end.advanced(by: 1)
        var scenarios = [Scenario.baseline]
        if let scenario { scenarios += try ScenarioFile.read(path: scenario, firstProjected: firstProjected) }
        var consequences = Consequences(costPerChildMonth: cost, caseloadPerWorker: caseloadPerWorker)
        if let costByPlacement { consequences.placements = try PlacementCostFile.read(path: costByPlacement) }

        let options = StockFlowModel.FitOptions(
            horizon: horizon, calendar: calendar == "england" ? EnglandCalendar() : nil,
            considerTrend: flowTrend == "auto")
        var generator = Xoshiro256StarStar(seed: seed)
        if let backtestOrigins {
            try output.write(backtest(history, origins: backtestOrigins, levels: levels, options: options, using: &generator))
            return
        }
        let model: StockFlowModel
        do {
            model = try StockFlowModel.fit(history, options: options)
        } catch let error as ProjectionError {
            throw DataError(file: input.input, line: 1, column: 1, expected: error.description)
        }
        let results = model.simulate(scenarios: scenarios, pathCount: paths, using: &generator)

        var writer = CSVWriter()
        writer.writeRecord(["series", "period", "scenario", "quantity", "mean"] + levels.flatMap { ["lo_\(label($0))", "hi_\(label($0))"] })
        var horizonRows: [(scenario: String, rows: [ProjectionRow])] = []
        for result in results {
            let rows = result.summary(levels: levels, consequences: consequences)
            for row in rows {
                writer.writeField(stock)
                writer.writeField(row.period.description)
                writer.writeField(row.scenario)
                writer.writeField(row.quantity)
                writer.writeField(row.mean)
                for interval in row.intervals {
                    writer.writeField(interval.lower)
                    writer.writeField(interval.upper)
                }
                writer.endRecord()
            }
            horizonRows.append((result.scenario, rows))
        }
        if !noStockOnly {
            // The comparison: the stock series alone, extrapolated by automatic ETS.
            let stockSeries = TimeSeries(name: stock, start: history.start, values: history.stock)
            let stockOnly = try ForecastPipeline(.automaticETS, horizon: horizon, levels: levels).forecast(stockSeries)
            let forecast = stockOnly.forecast
            for (step, period) in forecast.periods.enumerated() {
                writer.writeRecord(
                    [stock, period.description, "stock_only", "stock", CSVNumber.format(forecast.mean[step])]
                        + forecast.intervals.flatMap { [CSVNumber.format($0.lower[step]), CSVNumber.format($0.upper[step])] })
            }
            printError("note: stock_only rows extrapolate the stock series alone with \(stockOnly.fitted.description), for comparison")
        }
        if let summary {
            try OutputFile.write(summaryCSV(horizonRows, levels: levels, consequences: consequences).bytes, to: summary)
        }
        try output.write(writer)
        for note in model.notes { printError("note: " + note) }
    }

    /// One row per scenario: the stock at the horizon, and starts, ends and costs summed over
    /// the projection (means only for the sums, whose intervals would need the paths).
    func summaryCSV(_ scenarios: [(scenario: String, rows: [ProjectionRow])], levels: [Double], consequences: Consequences) -> CSVWriter {
        var writer = CSVWriter()
        let quantities = Array(Set(scenarios.first?.rows.map(\.quantity) ?? [])).sorted { a, b in
            let order = ["stock", "starts", "ends", "workers_fte"]
            return (order.firstIndex(of: a) ?? 99, a) < (order.firstIndex(of: b) ?? 99, b)
        }
        var header = ["scenario", "period"]
        for quantity in quantities {
            header.append("\(quantity)_mean")
            for level in levels { header += ["\(quantity)_lo_\(label(level))", "\(quantity)_hi_\(label(level))"] }
        }
        writer.writeRecord(header)
        for (name, rows) in scenarios {
            guard let last = rows.last?.period else { continue }
            writer.writeField(name)
            writer.writeField(last.description)
            for quantity in quantities {
                guard let row = rows.last(where: { $0.quantity == quantity && $0.period == last }) else { continue }
                writer.writeField(row.mean)
                for interval in row.intervals {
                    writer.writeField(interval.lower)
                    writer.writeField(interval.upper)
                }
            }
            writer.endRecord()
        }
        return writer
    }

    /// Rolling-origin scores of the stock-flow projection and of the stock-only ETS projection:
    /// `method,origins,horizon,points,mae,rmse,coverage_80,coverage_95`.
    func backtest(
        _ history: StockFlowHistory, origins: Int, levels: [Double], options: StockFlowModel.FitOptions,
        using generator: inout some RandomNumberGenerator
    ) throws -> CSVWriter {
        let scores: [StockFlowBacktest.Score]
        do {
            scores = try StockFlowBacktest.run(
                history: history, origins: origins, horizon: horizon, levels: levels,
                pathCount: paths, options: options, stockOnly: noStockOnly ? nil : ForecastPipeline(.automaticETS, horizon: horizon, levels: levels),
                using: &generator)
        } catch let error as ProjectionError {
            throw DataError(file: input.input, line: 1, column: 1, expected: error.description)
        }
        var writer = CSVWriter()
        writer.writeRecord(["method", "origins", "horizon", "points", "mae", "rmse"] + levels.map { "coverage_\(label($0))" })
        for score in scores {
            writer.writeRecord(
                [
                    score.method, String(origins), String(horizon), String(score.points),
                    CSVNumber.format(score.meanAbsoluteError), CSVNumber.format(score.rootMeanSquaredError),
                ]
                    + score.coverage.map { CSVNumber.format($0.percent) })
        }
        return writer
    }

    /// `80` for 80.0, `99.8` for 99.8.
    func label(_ level: Double) -> String { CSVNumber.format(level) }
}
