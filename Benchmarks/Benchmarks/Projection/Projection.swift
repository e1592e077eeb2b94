// Demand projection at scale: 152 councils (England's upper-tier authorities), each 10,000
// Monte Carlo paths × 36 months, simulated and summarised (mean and 80/95% intervals of stock,
// starts and ends every month) on all cores. The bar: under 10 seconds on 2 cores.
// The councils are synthetic histories (SyntheticCaseload with 152 seeds and sizes from
// 100 to 2,000 children in care), fitted once before timing.
// Run: cd Benchmarks && swift package benchmark --target Projection
import Benchmark
import ScorecastCore
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

/// 152 fitted stock-flow models of different sizes.
func councils(horizon: Int) -> [StockFlowModel] {
    (0..<152).map { index in
        var settings = SyntheticCaseload()
        let scale = 0.2 + 3.8 * Double(index) / 151  // about 100 to 2,000 children in care
        settings.initialStock = Int(470 * scale)
        settings.baseStarts = 14.5 * scale
        let series = settings.generate(seed: UInt64(index + 1))
        let history = try! StockFlowHistory(name: "council\(index)", stock: series.stock, starts: series.starts, ends: series.ends)
        return try! StockFlowModel.fit(history, options: .init(horizon: horizon))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )
    let models = councils(horizon: 36)
    Benchmark("152 councils × 10,000 paths × 36 months, simulated and summarised (all cores)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                ProjectionBatch.run(
                    models: models, scenarios: [.baseline], pathCount: 10_000,
                    levels: [80, 95], seed: 2021))
        }
    }
    Benchmark("1 council × 10,000 paths × 36 months, simulated and summarised (one core)") { benchmark in
        for _ in benchmark.scaledIterations {
            var generator = Xoshiro256StarStar(seed: 2021)
            let paths = models[75].simulate(scenarios: [.baseline], pathCount: 10_000, using: &generator)
            blackHole(paths[0].summary(levels: [80, 95]))
        }
    }
    Benchmark("Fit one council's flows (negative binomial and binomial GLMs, 72 months)") { benchmark in
        let series = SyntheticCaseload().generate(seed: 2021)
        let history = try! StockFlowHistory(name: "lac", stock: series.stock, starts: series.starts, ends: series.ends)
        for _ in benchmark.scaledIterations {
            blackHole(try! StockFlowModel.fit(history, options: .init(horizon: 36)))
        }
    }
}
