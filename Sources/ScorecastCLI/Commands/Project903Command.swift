import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

/// `scorecast project-903 DIR --horizon 24`: children looked after by age band and placement,
/// projected from 903 returns with Monte Carlo intervals that include rate uncertainty.
struct Project903Command: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "project-903",
        abstract: "Project children looked after by age band and placement from SSDA903 returns.",
        discussion: """
            Imports the returns as import-903 does, estimates exit, placement-move and entry rates \
            by age band and placement on the reference window (default: the last 24 months), and \
            simulates children month by month (ageing by birthdays, leaving at 18), each path with \
            its own rates drawn from their posteriors. Writes \
            period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95 with 'all' rows for totals. \
            With --scenario (the file of 'scorecast project'; changes starts_pct, exit_rate_pct and \
            placement_shift_pct with from_placement,to_placement) a leading 'scenario' column holds \
            baseline and each scenario, all simulated with the same random numbers.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Argument(help: ArgumentHelp("903 files or folders.", valueName: "dir"))
    var inputs: [String]

    @Option(help: "Months to project.")
    var horizon = 24

    @Option(help: ArgumentHelp("First month of the reference window.", valueName: "YYYY-MM"))
    var referenceStart: String?

    @Option(help: ArgumentHelp("Last month of the reference window.", valueName: "YYYY-MM"))
    var referenceEnd: String?

    @Option(name: .customLong("level"), help: ArgumentHelp("Interval level in percent (repeatable).", valueName: "percent"))
    var levels: [Double] = []

    @Option(help: "Simulated paths.")
    var paths = 2000

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Weekly unit costs by placement (placement,weekly_cost).", valueName: "file"))
    var costs: String?

    @Option(help: ArgumentHelp("Where the cost projection goes (with --costs).", valueName: "file"))
    var costOutput: String?

    @Option(
        help: ArgumentHelp(
            "Scenarios CSV: scenario,change,value[,from,from_placement,to_placement] (starts_pct, exit_rate_pct, placement_shift_pct).",
            valueName: "file"))
    var scenario: String?

    @Option(help: ArgumentHelp("Placement categories (code,placement) replacing the default map.", valueName: "file"))
    var placements: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be 1 to 120") }
        guard paths >= 10 else { throw ValidationError("--paths must be at least 10") }
        guard levels.allSatisfy({ $0 > 0 && $0 < 100 }) else { throw ValidationError("--level must be between 0 and 100") }
        for month in [referenceStart, referenceEnd].compactMap({ $0 }) where Period(parsing: month)?.frequency != .monthly {
            throw ValidationError("expected a month YYYY-MM, found '\(month)'")
        }
        if costOutput != nil && costs == nil { throw ValidationError("--cost-output needs --costs") }
    }

    func execute() throws {
        let map = try placements.map { try PlacementCategoryMap.read(path: $0) } ?? .standard
        let weekly = try costs.map { try LookedAfterProjectionTable.readWeeklyCosts(path: $0) }
        let data = try SSDA903Import(paths: inputs, placements: map)
        let lastDay = data.returns.spanEnd
        let end = referenceEnd.flatMap { Period(parsing: $0) } ?? lastDay.monthPeriod
        let start = referenceStart.flatMap { Period(parsing: $0) } ?? end.advanced(by: -23)
        guard start <= end, end.lastDay <= lastDay, start.firstDay >= data.returns.spanStart else {
            throw ValidationError(
                "the reference window \(start)..\(end) must lie inside the data, \(data.returns.spanStart.monthPeriod)..\(lastDay.monthPeriod)")
        }
        let projection = LookedAfterProjection(episodes: data.episodes, placements: map, lastDay: lastDay, window: start...end, horizon: horizon)
        var scenarios = [Scenario.baseline]
        if let scenario {
            scenarios += try ScenarioFile.read(
                path: scenario, firstProjected: projection.months[0], changes: ScenarioFile.lookedAfterChanges, placements: map.categories)
        }
        let chosenLevels = levels.isEmpty ? [80.0, 95.0] : levels
        var stock: [(name: String, table: LookedAfterProjectionTable)] = []
        var cost: [(name: String, table: LookedAfterProjectionTable)] = []
        for scenario in scenarios {
            // The same seed for every scenario: common random numbers.
            var generator = Xoshiro256StarStar(seed: seed)
            let counts = projection.simulate(paths: paths, scenario: scenario, using: &generator)
            stock.append((scenario.name, LookedAfterProjectionTable(projection: projection, counts: counts, paths: paths, levels: chosenLevels)))
            if let weekly {
                cost.append(
                    (
                        scenario.name,
                        LookedAfterProjectionTable(costsOf: projection, counts: counts, paths: paths, levels: chosenLevels, weeklyCost: weekly)
                    ))
            }
        }
        if self.scenario == nil {
            try output.write(stock[0].table.csv())
            if weekly != nil { try OutputFile.write(cost[0].table.csv().bytes, to: costOutput) }
        } else {
            try output.write(LookedAfterProjectionTable.csv(scenarios: stock))
            if weekly != nil { try OutputFile.write(LookedAfterProjectionTable.csv(scenarios: cost).bytes, to: costOutput) }
        }
    }
}
