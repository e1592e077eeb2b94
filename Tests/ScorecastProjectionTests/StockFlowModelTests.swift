import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries
import Testing

@testable import ScorecastProjection

#if canImport(Glibc)
    import Glibc
#endif

/// A hand-made model: starts with a log mean of `log(15) + 0.01·step`, an exit rate of
/// logit⁻¹(logit(0.03)), both with small coefficient uncertainty, on a 36-month horizon.
func handMadeModel(horizon: Int = 36, startsSize: Double? = 20, history: StockFlowHistory? = nil) throws -> StockFlowModel {
    let synthetic = SyntheticCaseload().generate(seed: 5)
    let history = try history ?? StockFlowHistory(name: "lac", stock: synthetic.stock, starts: synthetic.starts, ends: synthetic.ends)
    let startsDesign = Matrix(columnArrays: [Array(repeating: 1, count: horizon), (0..<horizon).map { Double($0) }])
    let starts = try LinearPredictorForecast(
        coefficients: [log(15), 0.01], covariance: Matrix(rowArrays: [[0.004, 0], [0, 1e-6]]),
        design: startsDesign, link: .log)
    let exitRate = try LinearPredictorForecast(
        coefficients: [log(0.03 / 0.97)], covariance: Matrix(rowArrays: [[0.003]]),
        design: Matrix(rows: horizon, columns: 1, repeating: 1), link: .logit)
    return StockFlowModel(history: history, starts: starts, startsSize: startsSize, exitRate: exitRate)
}

@Suite("Stock-flow projection")
struct StockFlowModelTests {
    @Test(arguments: [
        Scenario.baseline,
        Scenario(name: "cap", adjustments: [.stockCap(maximum: 520)]),
        Scenario(name: "exits-down", adjustments: [.exitRateChange(percent: -60, from: Period(year: 2021, month: 12))]),
        Scenario(name: "converge", adjustments: [.convergeToRate(ratePer10k: 67, years: 2, population: 51_000)]),
    ])
    func everyPathConservesAndStaysNonNegative(scenario: Scenario) throws {
        let model = try handMadeModel()
        var generator = Xoshiro256StarStar(seed: 1)
        let paths = model.simulate(scenarios: [scenario], pathCount: 2_000, using: &generator)[0]
        for path in 0..<paths.pathCount {
            var previous = paths.openingStock
            for step in 0..<paths.horizon {
                let index = path * paths.horizon + step
                #expect(paths.ends[index] <= previous)
                #expect(paths.stock[index] == previous + paths.starts[index] - paths.ends[index])
                #expect(paths.stock[index] >= 0 && paths.starts[index] >= 0 && paths.ends[index] >= 0)
                if case .stockCap(let maximum)? = scenario.adjustments.first {
                    // No one is admitted beyond the cap; a stock already above it only falls.
                    #expect(paths.stock[index] <= max(Int32(maximum), previous - paths.ends[index]))
                    if previous - paths.ends[index] >= Int32(maximum) { #expect(paths.starts[index] == 0) }
                }
                previous = paths.stock[index]
            }
        }
    }

    @Test func startsScenarioRaisesExpectedStartsByTenPercentFromItsMonthOnly() throws {
        let model = try handMadeModel()
        let from = model.firstProjectedPeriod.advanced(by: 6)
        let scenario = Scenario(name: "referrals+10", adjustments: [.startsChange(percent: 10, from: from)])
        let multipliers = scenario.flowMultipliers(first: model.firstProjectedPeriod, horizon: model.horizon)
        #expect(multipliers.starts[..<6].allSatisfy { $0 == 1 })
        #expect(multipliers.starts[6...].allSatisfy { abs($0 - 1.1) < 1e-15 })
        #expect(multipliers.exitRate.allSatisfy { $0 == 1 })

        // And in simulation: with common random numbers and Poisson starts, the ratio of mean
        // starts is 1 before the change and close to 1.1 after it.
        let poissonModel = try handMadeModel(startsSize: nil)
        var generator = Xoshiro256StarStar(seed: 2)
        let results = poissonModel.simulate(scenarios: [.baseline, scenario], pathCount: 20_000, using: &generator)
        func meanStarts(_ paths: ProjectionPaths, _ step: Int) -> Double {
            Double((0..<paths.pathCount).reduce(0) { $0 + Int(paths.starts[$1 * paths.horizon + step]) }) / Double(paths.pathCount)
        }
        for step in 0..<6 { #expect(meanStarts(results[0], step) == meanStarts(results[1], step)) }
        for step in 6..<12 {
            let ratio = meanStarts(results[1], step) / meanStarts(results[0], step)
            #expect(abs(ratio - 1.1) < 0.02, "step \(step): ratio \(ratio)")
        }
    }

    @Test func convergenceScenarioReachesTheTargetRateOnAverage() throws {
        let model = try handMadeModel()
        var generator = Xoshiro256StarStar(seed: 3)
        let target = Scenario(name: "sn", adjustments: [.convergeToRate(ratePer10k: 80, years: 2, population: 51_000)])
        let paths = model.simulate(scenarios: [target], pathCount: 4_000, using: &generator)[0]
        let rows = paths.summary(levels: [95])
        let stockAtTwoYears = try #require(rows.first { $0.quantity == "stock" && $0.period == model.firstProjectedPeriod.advanced(by: 23) })
        // 80 per 10,000 of 51,000 is 408 children; parameter uncertainty makes the mean wander a little.
        #expect(abs(stockAtTwoYears.mean - 408) < 8, "mean stock \(stockAtTwoYears.mean)")
    }

    @Test func sameSeedSameProjection() throws {
        let model = try handMadeModel()
        var first = Xoshiro256StarStar(seed: 9)
        var second = Xoshiro256StarStar(seed: 9)
        let a = model.simulate(scenarios: [.baseline], pathCount: 500, using: &first)[0]
        let b = model.simulate(scenarios: [.baseline], pathCount: 500, using: &second)[0]
        #expect(a.stock == b.stock && a.starts == b.starts && a.ends == b.ends)
    }

    @Test func summaryQuantilesMatchSortedOrderStatistics() {
        var counts: [Int] = []
        let values: [Int32] = [5, 1, 9, 3, 3, 7, 2, 8, 6, 4]
        let stats = IntegerQuantiles.summarise(values, levels: [80], counts: &counts)
        // R: quantile(c(5,1,9,3,3,7,2,8,6,4), c(0.1, 0.9), type = 7) gives 1.9 and 8.1.
        #expect(abs(stats.intervals[0].lower - 1.9) < 1e-12)
        #expect(abs(stats.intervals[0].upper - 8.1) < 1e-12)
        #expect(stats.mean == 4.8)
    }

    @Test func invalidScenariosAreRejected() {
        #expect(throws: ProjectionError.self) {
            try Scenario(name: "x", adjustments: [.startsChange(percent: -100, from: Period(year: 2022, month: 1))]).validate()
        }
        #expect(throws: ProjectionError.self) { try Scenario(name: "x", adjustments: [.stockCap(maximum: -1)]).validate() }
        #expect(throws: ProjectionError.self) {
            try Scenario(name: "x", adjustments: [.convergeToRate(ratePer10k: 60, years: 0, population: 1)]).validate()
        }
    }
}

@Suite("Synthetic caseload")
struct SyntheticCaseloadTests {
    @Test func balancesExactlyAndResemblesTheScorecard() throws {
        let series = SyntheticCaseload().generate(seed: 2021)
        let history = try StockFlowHistory(name: "lac", stock: series.stock, starts: series.starts, ends: series.ends)
        #expect(history.balanceDiscrepancies.allSatisfy { $0 == 0 })
        let stocks = series.stock.values
        #expect(stocks.min()! > 380 && stocks.max()! < 620)
        let meanStarts = series.starts.values.reduce(0, +) / Double(series.starts.count)
        #expect(meanStarts > 12 && meanStarts < 19)
    }

    @Test func sameSeedSameHistory() {
        #expect(SyntheticCaseload().generate(seed: 4).stock == SyntheticCaseload().generate(seed: 4).stock)
        #expect(SyntheticCaseload().generate(seed: 4).stock != SyntheticCaseload().generate(seed: 5).stock)
    }
}

@Suite("Stock-flow backtest")
struct StockFlowBacktestTests {
    @Test func scoresEveryOriginAndStepAgainstTheStockThatFollowed() throws {
        let synthetic = SyntheticCaseload().generate(seed: 2021)
        let history = try StockFlowHistory(name: "lac", stock: synthetic.stock, starts: synthetic.starts, ends: synthetic.ends)
        var generator = Xoshiro256StarStar(seed: 4)
        let scores = try StockFlowBacktest.run(
            history: history, origins: 3, step: 2, horizon: 6, levels: [80, 95],
            pathCount: 1_000, options: .init(horizon: 6), stockOnly: nil, using: &generator)
        #expect(scores.count == 1)
        let score = try #require(scores.first)
        #expect(score.method == "stock_flow" && score.points == 18)
        #expect(score.coverage[0].percent <= score.coverage[1].percent)
        #expect(score.meanAbsoluteError > 0 && score.meanAbsoluteError < 40)
    }

    @Test func refusesOriginsThatLeaveTooLittleToFit() throws {
        let synthetic = SyntheticCaseload().generate(seed: 2021)
        let history = try StockFlowHistory(name: "lac", stock: synthetic.stock, starts: synthetic.starts, ends: synthetic.ends)
        var generator = Xoshiro256StarStar(seed: 4)
        #expect(throws: ProjectionError.self) {
            try StockFlowBacktest.run(
                history: history, origins: 40, horizon: 12, levels: [80], pathCount: 100,
                options: .init(horizon: 12), stockOnly: nil, using: &generator)
        }
    }
}

@Suite("Population projection")
struct PopulationProjectionTests {
    @Test func numbersAreRatesTimesPopulationPer10kAndNeverNegative() throws {
        let start = Period(year: 2026)
        let forecast = Forecast(
            start: start, mean: [90, -2],
            intervals: [PredictionInterval(level: 95, lower: [70, -10], upper: [110, 5])], model: "test")
        let rows = try PopulationProjection.project(rateForecast: forecast, population: [start: 50_000, start.advanced(by: 1): 51_000])
        #expect(rows[0].number == 450)
        #expect(rows[0].numberIntervals[0].lower == [350] && rows[0].numberIntervals[0].upper == [550])
        #expect(rows[1].rate == 0 && rows[1].number == 0 && rows[1].numberIntervals[0].lower == [0])
    }

    @Test func aMissingPopulationYearIsNamed() {
        let forecast = Forecast(start: Period(year: 2026), mean: [90, 91], intervals: [], model: "test")
        #expect(throws: ProjectionError.misaligned("no projected population for 2027")) {
            try PopulationProjection.project(rateForecast: forecast, population: [Period(year: 2026): 50_000])
        }
    }
}

@Suite("Projection batch")
struct ProjectionBatchTests {
    @Test func parallelResultsEqualEachCouncilRunAlone() throws {
        let models = try (1...6).map { seed -> StockFlowModel in
            let series = SyntheticCaseload().generate(seed: UInt64(seed))
            let history = try StockFlowHistory(name: "c\(seed)", stock: series.stock, starts: series.starts, ends: series.ends)
            return try StockFlowModel.fit(history, options: .init(horizon: 12))
        }
        let batch = ProjectionBatch.run(models: models, scenarios: [.baseline], pathCount: 300, levels: [80, 95], seed: 42)
        for (index, model) in models.enumerated() {
            var generator = Xoshiro256StarStar(seed: 42 &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let alone = model.simulate(scenarios: [.baseline], pathCount: 300, using: &generator)[0].summary(levels: [80, 95])
            #expect(batch[index] == alone)
        }
    }
}
