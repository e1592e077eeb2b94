import Benchmark
import ReturnsFolder
import ScorecastData
import ScorecastProjection

// The CIN census import at scale: ten returns of a large council (SyntheticCINCensus, seed 25,
// 5,400 referrals a year, ten collection years to 2024-25; `scorecast example-cin --seed 25
// --years 10 --referrals-per-year 5400 --out DIR` writes the same files): read (in parallel,
// one file per core), validated, merged and counted month by month, and the four CSV files made.
// The returns are written once to /tmp before timing.
// Run: cd Benchmarks && swift package benchmark --target CINCensus
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 10
    )
    let root = ReturnsFolder.write(
        SyntheticCINCensus(seed: 25, years: 10, referralsPerYear: 5_400).generate().files,
        prefix: "scorecast-bench-cin")
    Benchmark("Import ten CIN census returns of a large council (~75,000 episodes, read, merged, counted, CSV made)") { benchmark in
        for _ in benchmark.scaledIterations {
            let result = try! CINCensusImport(paths: [root])
            blackHole(result.files())
        }
    }
}
