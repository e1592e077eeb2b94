// The global gradient-boosted model (`--model global`) on a subset of M3 monthly, one XGBoost
// thread: training (both passes: the calibration boosters and the final ones) on the first
// 200 series, and forecasting each of them with the trained model. Divide by 200 for the time
// per series. The full-size figures (1,428 series, the default 300 trees) are in
// docs/engineering-notes/issue-24.md, measured with `scorecast forecast --model global`.
// Run: cd Benchmarks && swift package benchmark --target Global
import Benchmark
import M3Series
import ScorecastCore
import ScorecastTimeSeries

let benchmarks: @Sendable () -> Void = {
    let series = Array(M3Series.load().prefix(200))
    let pipeline = try! ForecastPipeline(ModelSpecification(.global), horizon: 18, levels: [80, 95])
    Benchmark(
        "global training, 200 M3 monthly series, one thread",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(300), maxIterations: 3)
    ) { benchmark in
        blackHole(pipeline.training(on: series, jobs: 1))
    }
    let trained = pipeline.training(on: series, jobs: 1)
    Benchmark(
        "global forecast, 200 M3 monthly series with the trained model",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(30))
    ) { benchmark in
        for one in series {
            blackHole(try trained.forecast(one))
        }
    }
}
