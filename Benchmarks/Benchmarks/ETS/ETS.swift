// ETS on the M3 monthly series: fitting and forecasting every series on one core, as
// `scorecast forecast --model ets --jobs 1` does, and one fit with the likelihood search capped
// at 200 and at 2000 evaluations: equal malloc counts show that an evaluation of the
// likelihood allocates nothing. The side-by-side comparison with statsforecast and R is
// scripts/benchmarks/ets-m3.sh.
// Run: cd Benchmarks && swift package benchmark --target ETS
// Data: ../notebooks-data/m3-monthly/train.csv (or the path in SCORECAST_M3_TRAIN).
import Benchmark
import Foundation
import ScorecastTimeSeries

/// The M3 monthly training series, in file order.
func loadM3() -> [TimeSeries] {
    let path = ProcessInfo.processInfo.environment["SCORECAST_M3_TRAIN"] ?? "../notebooks-data/m3-monthly/train.csv"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        fatalError("cannot read \(path); set SCORECAST_M3_TRAIN")
    }
    var order: [String] = []
    var grouped: [String: [(period: Period, value: Double)]] = [:]
    for line in text.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",")
        let name = String(fields[0])
        if grouped[name] == nil { order.append(name) }
        grouped[name, default: []].append((Period(parsing: fields[1])!, Double(fields[2])!))
    }
    return order.map { try! TimeSeries(name: $0, observations: grouped[$0]!) }
}

let benchmarks: @Sendable () -> Void = {
    let series = loadM3()
    let spec = ETS(combination: .akaikeWeighted)
    Benchmark(
        "ETS fit and forecast, all M3 monthly series, one core",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds,
                             maxDuration: .seconds(300), maxIterations: 3)
    ) { benchmark in
        for one in series {
            blackHole(try spec.fit(one).forecast(horizon: 18, levels: [80, 95]))
        }
    }
    let example = series[series.count / 2]
    for cap in [200, 2000] {
        Benchmark(
            "ETS(M,A,M) fit, one series, likelihood search capped at \(cap) evaluations",
            configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(10))
        ) { benchmark in
            var capped = ETS(form: ETS.Form(code: "MAM")!)
            capped.maximumEvaluations = cap
            blackHole(try capped.fit(example))
        }
    }
}
