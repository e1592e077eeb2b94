// ETS on the M3 monthly series: fitting and forecasting every series on one core, as
// `scorecast forecast --model ets --jobs 1` does, with the default (fast) estimator and with
// R's (`ets:weighted,like-r`), and one fit with the likelihood search capped at 200 and at 2000
// evaluations: equal malloc counts show that an evaluation of the likelihood allocates
// nothing. The side-by-side comparison with statsforecast and R is scripts/benchmarks/ets-m3.sh.
// Run: cd Benchmarks && swift package benchmark --target ETS
// Data: the M3 monthly training series (M3Series).
import Benchmark
import Foundation
import M3Series
import ScorecastCore
import ScorecastTimeSeries

let benchmarks: @Sendable () -> Void = {
    let series = M3Series.load()
    for estimator in ETS.Estimator.allCases {
        let spec = ETS(combination: .akaikeWeighted, estimator: estimator)
        Benchmark(
            "ETS (\(estimator.rawValue) estimator) fit and forecast, all M3 monthly series, one core",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds,
                maxDuration: .seconds(300), maxIterations: 3)
        ) { benchmark in
            for one in series {
                blackHole(try spec.fit(one).forecast(horizon: 18, levels: [80, 95]))
            }
        }
    }
    let example = series[series.count / 2]
    for cap in [200, 2000] {
        Benchmark(
            "ETS(M,A,M) fit, one series, likelihood search capped at \(cap) evaluations",
            configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(10))
        ) { benchmark in
            var capped = ETS(form: ETS.Form(code: "MAM")!, estimator: .likeR)
            capped.maximumEvaluations = cap
            blackHole(try capped.fit(example))
        }
    }
}
