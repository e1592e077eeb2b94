// Optimisers on standard problems. The malloc counts show that the work per objective
// evaluation allocates nothing: a run capped at 2000 evaluations allocates as often as one
// capped at 200. Run: cd Benchmarks && swift package benchmark --target Optimisation
import Benchmark
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#endif

@inline(__always)
func rosenbrock(_ p: [Double]) -> Double {
    let a = 1 - p[0]
    let b = p[1] - p[0] * p[0]
    return a * a + 100 * b * b
}

/// Sum of squared one-step errors of simple exponential smoothing with level weight
/// `p[0]` and initial level `p[1]` on a seasonal series: the shape of an ETS fit's objective.
struct SmoothingObjective {
    let series: [Double]
    init() {
        var generator = Xoshiro256StarStar(seed: 9)
        series = (0..<72).map { t in 100 + 10 * sin(Double(t) * .pi / 6) + Double.random(in: -5...5, using: &generator) }
    }
    func callAsFunction(_ p: [Double]) -> Double {
        var level = p[1]
        var sum = 0.0
        for value in series {
            let error = value - level
            sum += error * error
            level += p[0] * error
        }
        return sum
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    for cap in [200, 2_000] {
        var options = NelderMead.Options()
        options.maximumEvaluations = cap
        options.relativeTolerance = 0  // run to the cap
        let optimiser = NelderMead(options: options)
        Benchmark("Nelder–Mead Rosenbrock, \(cap) evaluations") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(optimiser.minimize(start: [-1.2, 1], objective: rosenbrock))
            }
        }
    }
    let smoothing = SmoothingObjective()
    Benchmark("Nelder–Mead bounded smoothing fit (2 parameters, 72 points)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NelderMead().minimize(start: [0.5, 100], lower: [0.0001, 0], upper: [0.9999, 1_000]) { smoothing($0) })
        }
    }
    Benchmark("BFGS Rosenbrock (R defaults)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BFGS().minimize(start: [-1.2, 1], objective: rosenbrock))
        }
    }
    Benchmark("Brent cos on [3, 4], tolerance 1e-10") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Brent.minimize(in: 3...4, tolerance: 1e-10) { cos($0) })
        }
    }
}
