import ScorecastCore
import ScorecastNumerics

extension FittedETS {
    /// Simulates `paths` future sample paths of length `horizon` with Gaussian innovations
    /// ε ~ N(0, σ²) drawn from `generator` (R's `simulate.ets(future = TRUE)`).
    ///
    /// - Returns: the paths, row-major: path p occupies `[p * horizon ..< (p + 1) * horizon]`;
    ///   a path that fails (negative multiplicative growth) is `nan` from that step on.
    /// - Complexity: O(paths · horizon); the recursion allocates nothing per path.
    public func simulatePaths(horizon: Int, paths: Int, using generator: inout some RandomNumberGenerator) -> [Double] {
        precondition(horizon >= 1 && paths >= 1, "Need at least one step and one path")
        let deviation = variance.squareRoot()
        var draws = [Double](repeating: 0, count: horizon * paths)
        var ring = [Double](repeating: 0, count: form.season == .none ? 0 : seasonalPeriod)
        draws.withUnsafeMutableBufferPointer { draws in
            ring.withUnsafeMutableBufferPointer { ring in
                for path in 0..<paths {
                    let slice = UnsafeMutableBufferPointer(rebasing: draws[(path * horizon)..<((path + 1) * horizon)])
                    for step in 0..<horizon {
                        slice[step] = deviation * RandomVariates.standardNormal(using: &generator)
                    }
                    finalState.seasonal.withUnsafeBufferPointer { ETSRecursion.loadRing(ring, fromRecentFirst: $0) }
                    ETSRecursion.simulate(
                        path: slice, form: form, parameters: parameters,
                        level: finalState.level, trend: finalState.trend, seasonal: ring)
                }
            }
        }
        return draws
    }

    /// Intervals from simulated paths: at each step, Hyndman–Fan type-8 sample quantiles (R's
    /// `quantile(type = 8)`, as `forecast.ets(simulate = TRUE)` uses), ignoring failed paths.
    func simulatedIntervals(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> [PredictionInterval] {
        let paths = simulationPaths
        let draws = simulatePaths(horizon: horizon, paths: paths, using: &generator)
        var lower = [[Double]](repeating: [Double](repeating: .nan, count: horizon), count: levels.count)
        var upper = lower
        var column = [Double]()
        column.reserveCapacity(paths)
        for step in 0..<horizon {
            column.removeAll(keepingCapacity: true)
            for path in 0..<paths {
                let value = draws[path * horizon + step]
                if !value.isNaN { column.append(value) }
            }
            column.sort()
            for (index, level) in levels.enumerated() {
                lower[index][step] = SampleQuantile.type8(sorted: column, probability: 0.5 - level / 200)
                upper[index][step] = SampleQuantile.type8(sorted: column, probability: 0.5 + level / 200)
            }
        }
        return levels.indices.map { PredictionInterval(level: levels[$0], lower: lower[$0], upper: upper[$0]) }
    }
}
