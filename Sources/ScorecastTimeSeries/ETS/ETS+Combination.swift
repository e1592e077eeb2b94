import Foundation
import ScorecastCore
import ScorecastNumerics

extension FittedETS {
    /// Forecast mean and variance at each step: analytic for classes 1–3, from simulated paths
    /// otherwise (mean = the forecast function's value, as R reports it).
    func forecastMoments(horizon: Int, using generator: inout some RandomNumberGenerator) -> (mean: [Double], variance: [Double]) {
        if intervalClass != .simulated { return analyticMoments(horizon: horizon) }
        let mean = ETS.pointForecasts(from: finalState, form: form, m: seasonalPeriod, phi: parameters.phi, horizon: horizon)
        let paths = simulatePaths(horizon: horizon, paths: simulationPaths, using: &generator)
        var variance = [Double](repeating: 0, count: horizon)
        for step in 0..<horizon {
            var sum = 0.0, sumOfSquares = 0.0, count = 0.0
            for index in stride(from: step, to: paths.count, by: horizon) where !paths[index].isNaN {
                sum += paths[index]
                sumOfSquares += paths[index] * paths[index]
                count += 1
            }
            let pathMean = sum / count
            variance[step] = Swift.max(0, (sumOfSquares - count * pathMean * pathMean) / (count - 1))
        }
        return (mean, variance)
    }

    /// The Akaike-weighted forecast of ``ensemble``: the mean is Σ wᵢ μᵢ and each interval is
    /// the central interval of the mixture Σ wᵢ N(μᵢ, vᵢ) of the candidates' predictive
    /// distributions, found by bisection on the mixture's distribution function. The mixture
    /// carries the spread between candidate forms as well as within them (Kolassa 2011).
    ///
    /// Candidates with weight below 1e-8 are left out (their contribution is below rounding).
    /// - Complexity: O(K·h) for the moments of K candidates plus O(K·h·levels·60) bisection steps.
    func combinedForecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        var weights: [Double] = []
        var means: [[Double]] = []
        var deviations: [[Double]] = []
        for member in ensemble where member.weight >= 1e-8 {
            var single = member.model
            single.ensemble = []
            let moments = single.forecastMoments(horizon: horizon, using: &generator)
            weights.append(member.weight)
            means.append(moments.mean)
            deviations.append(moments.variance.map { Swift.max($0, 0).squareRoot() })
        }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        var mean = [Double](repeating: 0, count: horizon)
        for (weight, memberMean) in zip(weights, means) {
            for step in 0..<horizon { mean[step] += weight * memberMean[step] }
        }
        func mixtureQuantile(_ probability: Double, step: Int) -> Double {
            var low = Double.infinity, high = -Double.infinity
            for index in weights.indices {
                low = Swift.min(low, means[index][step] - 10 * deviations[index][step])
                high = Swift.max(high, means[index][step] + 10 * deviations[index][step])
            }
            if !(high > low) { return mean[step] }
            for _ in 0..<80 {
                let middle = 0.5 * (low + high)
                var cumulative = 0.0
                for index in weights.indices {
                    let deviation = deviations[index][step]
                    cumulative +=
                        weights[index]
                        * (deviation > 0
                            ? Normal.cdf(middle, mean: means[index][step], standardDeviation: deviation)
                            : (middle >= means[index][step] ? 1 : 0))
                }
                if cumulative < probability { low = middle } else { high = middle }
            }
            return 0.5 * (low + high)
        }
        let intervals = levels.map { level in
            PredictionInterval(
                level: level,
                lower: (0..<horizon).map { mixtureQuantile(0.5 - level / 200, step: $0) },
                upper: (0..<horizon).map { mixtureQuantile(0.5 + level / 200, step: $0) })
        }
        return Forecast(start: series.start.advanced(by: series.count), mean: mean, intervals: intervals, model: description)
    }
}
