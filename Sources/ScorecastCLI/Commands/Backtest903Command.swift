import ArgumentParser
import ScorecastData
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `scorecast backtest-903 --councils 20`: project-903 on synthetic councils whose future is
/// known: five years of returns in, the next 24 months out, compared with what happened.
struct Backtest903Command: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest-903",
        abstract: "Backtest project-903 on synthetic councils (example-903) whose future is known.",
        discussion: """
            For each council (seeds SEED, SEED+1, ...): writes 5 + horizon/12 years of synthetic \
            returns, imports the first five, projects the horizon and compares with the import of \
            all of them. Writes per council and month: total stock projected (mean, intervals) and \
            actual; then on standard error the mean error of the total at the horizon and how \
            often the intervals held the outcome (the total at every month, and every band × \
            placement cell with a projected mean of at least one child at the horizon).
            Exit status: \(ExitStatus.summary)
            """
    )

    @Option(help: "Synthetic councils.")
    var councils = 20

    @Option(help: "Seed of the first council (and of the projection's random numbers).")
    var seed: UInt64 = 1

    @Option(help: "Months projected (a multiple of 12).")
    var horizon = 24

    @Option(help: "Simulated paths per council.")
    var paths = 1000

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard councils >= 1, paths >= 10, horizon >= 12, horizon % 12 == 0 else {
            throw ValidationError("need councils ≥ 1, paths ≥ 10, horizon a multiple of 12")
        }
    }

    func execute() throws {
        // Each council's returns are written to a scratch folder and imported back, as a
        // council's own would be; the folder goes at the end, or on an interrupt.
        let scratch = try TemporaryFolder(prefix: "scorecast-backtest-903")
        defer { scratch.remove() }
        let futureYears = horizon / 12
        var csv = CSVWriter()
        csv.writeRecord(["council", "period", "mean", "lo_80", "hi_80", "lo_95", "hi_95", "actual"])
        var errors: [Double] = [], absolutePercent: [Double] = []
        var totalHits = [0, 0], totalCount = 0, cellHits = [0, 0], cellCount = 0
        for council in 0..<councils {
            let councilSeed = seed &+ UInt64(council)
            let folder = scratch.path("\(council)")
            let files = SyntheticSSDA903(seed: councilSeed, years: 5 + futureYears).files()
            var historyFolders: [String] = []
            for file in files {
                let year = String(file.path.split(separator: "/")[0])
                try scratch.write(Array(file.text.utf8), to: "\(council)/\(file.path)")
                if !historyFolders.contains(folder + "/" + year) { historyFolders.append(folder + "/" + year) }
            }
            historyFolders.sort()
            let history = try SSDA903Import(paths: Array(historyFolders.prefix(5)))
            let truth = try SSDA903Import(paths: [folder])
            let lastDay = history.returns.spanEnd
            let end = lastDay.monthPeriod
            let projection = LookedAfterProjection(
                episodes: history.episodes, placements: .standard, lastDay: lastDay,
                window: end.advanced(by: -23)...end, horizon: horizon)
            var generator = Xoshiro256StarStar(seed: councilSeed &* 7919)
            let counts = projection.simulate(paths: paths, using: &generator)
            let table = LookedAfterProjectionTable(projection: projection, counts: counts, paths: paths, levels: [80, 95])
            for row in table.rows {
                guard let month = truth.summary.months.firstIndex(of: row.period) else { continue }
                let stock = truth.summary.stock[month]
                let actual: Int
                switch (row.ageBand, row.placement) {
                case ("all", "all"): actual = stock.joined().reduce(0, +)
                case ("all", _), (_, "all"): continue
                default:
                    actual = stock[LookedAfterAgeBand(label: row.ageBand)!.rawValue][truth.summary.placements.firstIndex(of: row.placement)!]
                }
                let value = Double(actual)
                let hits = row.intervals.map { value >= $0.lower && value <= $0.upper }
                if row.ageBand == "all" {
                    totalCount += 1
                    for (i, hit) in hits.enumerated() where hit { totalHits[i] += 1 }
                    csv.writeRecord(
                        [String(council + 1), row.period.description, CSVNumber.format(row.mean)]
                            + row.intervals.flatMap { [CSVNumber.format($0.lower), CSVNumber.format($0.upper)] } + [String(actual)])
                    if row.period == projection.months.last! {
                        errors.append(row.mean - value)
                        absolutePercent.append(abs(row.mean - value) / value * 100)
                    }
                } else if row.period == projection.months.last!, row.mean >= 1 {
                    cellCount += 1
                    for (i, hit) in hits.enumerated() where hit { cellHits[i] += 1 }
                }
            }
        }
        try output.write(csv)
        func percent(_ hits: Int, _ count: Int) -> String { CSVNumber.format((Double(hits) / Double(count) * 1000).rounded() / 10) }
        let meanError = errors.reduce(0, +) / Double(errors.count)
        let meanAbsolute = errors.map(abs).reduce(0, +) / Double(errors.count)
        let mape = absolutePercent.reduce(0, +) / Double(absolutePercent.count)
        printError(
            """
            \(councils) councils, \(paths) paths, horizon \(horizon): total at month \(horizon): mean error \(CSVNumber.format((meanError * 10).rounded() / 10)), \
            mean absolute error \(CSVNumber.format((meanAbsolute * 10).rounded() / 10)) (\(CSVNumber.format((mape * 10).rounded() / 10))%); \
            total inside 80%: \(percent(totalHits[0], totalCount))%, 95%: \(percent(totalHits[1], totalCount))% of \(totalCount) council-months; \
            band × placement cells (projected mean ≥ 1) at month \(horizon) inside 80%: \(percent(cellHits[0], cellCount))%, 95%: \(percent(cellHits[1], cellCount))% of \(cellCount)
            """)
    }
}
