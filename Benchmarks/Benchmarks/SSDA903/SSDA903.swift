import Benchmark
import ReturnsFolder
import ScorecastData
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

// SSDA903 at scale: the import of 10 years of returns of a council with about 1,000 children
// looked after (SyntheticSSDA903, seed 2021, 385 entries a year: 4,844 children, 19,176
// episode rows in the ten returns, 10,080 episodes after clean-up, 1,004 children in care on
// an average month end; `scorecast example-903 --years 10 --seed 2021 --entries-per-year 385`
// writes the same files), and a 10,000-path 24-month projection from them.
// The returns are written once to /tmp before timing.
// Run: cd Benchmarks && swift package benchmark --target SSDA903
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 10
    )
    let root = ReturnsFolder.write(
        SyntheticSSDA903(seed: 2021, years: 10, entriesPerYear: 385).files(), prefix: "scorecast-bench-903")
    Benchmark("Import 10 years × ~1,000 children looked after (read, clean, count)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! SSDA903Import(paths: [root]))
        }
    }
    let data = try! SSDA903Import(paths: [root])
    let end = data.returns.spanEnd.monthPeriod
    let projection = LookedAfterProjection(
        episodes: data.episodes, placements: .standard, lastDay: data.returns.spanEnd,
        window: end.advanced(by: -23)...end, horizon: 24)
    Benchmark("Project 10,000 paths × 24 months (~1,000 children), simulated and summarised") { benchmark in
        for _ in benchmark.scaledIterations {
            var generator = Xoshiro256StarStar(seed: 2021)
            let counts = projection.simulate(paths: 10_000, using: &generator)
            blackHole(LookedAfterProjectionTable(projection: projection, counts: counts, paths: 10_000, levels: [80, 95]))
        }
    }
}
