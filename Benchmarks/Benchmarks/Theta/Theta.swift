// The theta family and the ensemble on the M3 monthly series, one core: what
// `scorecast forecast --model theta|theta:dotm|theta:thetaf|ensemble --intervals model --jobs 1`
// computes per series, and one DOTM fit with its malloc count (the loss evaluations of the
// profiled search allocate nothing; what a fit allocates is its set-up and result). The
// side-by-side comparison with R and statsforecast is scripts/benchmarks/m3-theta.sh.
// Run: cd Benchmarks && swift package benchmark --target Theta
import Benchmark
import M3Series
import ScorecastCore
import ScorecastTimeSeries

let benchmarks: @Sendable () -> Void = {
    let series = M3Series.load()
    for name in ["theta", "theta:dotm", "theta:thetaf", "ensemble"] {
        let spec = try! ModelCatalogue.standard.spec(named: name)
        Benchmark(
            "\(name) fit and forecast, all M3 monthly series, one core",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds,
                maxDuration: .seconds(120), maxIterations: name == "ensemble" ? 3 : 10)
        ) { benchmark in
            for one in series {
                blackHole(try spec.fit(one).forecast(horizon: 18, levels: [80, 95]))
            }
        }
    }
    let example = series[series.count / 2]
    Benchmark(
        "DOTM fit, one series",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(10))
    ) { benchmark in
        blackHole(try ThetaModel(.dynamicOptimised).fit(example))
    }
}
