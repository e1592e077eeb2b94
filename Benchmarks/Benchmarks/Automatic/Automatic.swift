// `auto:local` on M3 monthly (`auto` fitted to each series alone; the global model's training
// and forecasting are the `Global` target): the time per series of the whole pipeline
// (`scorecast forecast --model auto:local --jobs 1` on every tenth series, 143 of the 1,428), and of its conformal
// calibration alone, refitting the ensemble at every origin (before issue 17) against
// refiltering it (the full fit's parameters kept).
// Run: cd Benchmarks && swift package benchmark --target Automatic
// Data: the M3 monthly training series (M3Series).
import Benchmark
import Foundation
import M3Series
import ScorecastCore
import ScorecastTimeSeries

let benchmarks: @Sendable () -> Void = {
    let all = M3Series.load()
    let subset = stride(from: 0, to: all.count, by: 10).map { all[$0] }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(300), maxIterations: 3)
    Benchmark("auto:local forecast (pipeline), \(subset.count) M3 monthly series, one core", configuration: configuration) { _ in
        let pipeline = try ForecastPipeline(.automaticLocal, horizon: 18)
        for series in subset { blackHole(try pipeline.forecast(series)) }
    }
    let ensemble = ModelCatalogue.standard.automaticSpec()
    for calibration in ConformalIntervals.Calibration.allCases {
        let spec = ConformalIntervals(base: ensemble, calibrationHorizon: 18, origins: 10, calibration: calibration)
        Benchmark("auto with conformal calibration by \(calibration), 10 origins, \(subset.count) series", configuration: configuration) { _ in
            for series in subset { blackHole(try spec.fit(series).forecast(horizon: 18, levels: [80, 95])) }
        }
    }
}
