import Foundation
import ScorecastCore
import ScorecastNumerics

extension ETS {
    /// Point forecasts 1 ... `horizon` steps ahead from `state` (the forecast function of
    /// Hyndman et al. 2008, Table 2.1): ℓ + φ_h b or ℓ b^{φ_h}, with φ_h = φ + φ² + ... + φʰ
    /// (h when undamped), plus or times the seasonal state of the same season.
    ///
    /// R forecast 8.20's C `forecast()` accumulates φ_h as φ + Σ_{k<h} φᵏ (one power short
    /// from two steps on); it only reaches R's output for multiplicative damped trends (whose
    /// point forecasts come from it) and R's `amse`. This function uses the textbook sum.
    static func pointForecasts(from state: State, form: Form, m: Int, phi: Double, horizon: Int) -> [Double] {
        var forecasts = [Double](repeating: 0, count: horizon)
        var phiSum = 0.0, phiPower = 1.0
        let damping = form.damped ? phi : 1
        for step in 0..<horizon {
            phiPower *= damping
            phiSum += phiPower
            var value: Double
            switch form.trend {
            case .none: value = state.level
            case .additive: value = state.level + phiSum * state.trend
            case .multiplicative: value = state.trend < 0 ? .nan : state.level * pow(state.trend, phiSum)
            }
            if form.season != .none {
                var j = m - 1 - step
                while j < 0 { j += m }
                value = form.season == .additive ? value + state.seasonal[j] : value * state.seasonal[j]
            }
            forecasts[step] = value
        }
        return forecasts
    }
}

extension FittedETS {
    /// The model class of Hyndman et al. (2008, ch. 6) that fixes how intervals are made.
    enum IntervalClass {
        /// Linear homoscedastic: ETS(A,N/A/Ad,N/A). Exact Gaussian intervals.
        case linear
        /// ETS(M,N/A/Ad,N/A): analytic mean and variance.
        case multiplicativeErrorLinearState
        /// ETS(M,N/A/Ad,M): analytic mean and variance.
        case multiplicativeSeason
        /// Everything else (multiplicative trends, unrestricted forms): simulated.
        case simulated
    }

    var intervalClass: IntervalClass {
        switch (form.error, form.trend, form.season) {
        case (.additive, .none, .none), (.additive, .none, .additive),
            (.additive, .additive, .none), (.additive, .additive, .additive):
            return .linear
        case (.multiplicative, .none, .none), (.multiplicative, .none, .additive),
            (.multiplicative, .additive, .none), (.multiplicative, .additive, .additive):
            return .multiplicativeErrorLinearState
        case (.multiplicative, .none, .multiplicative), (.multiplicative, .additive, .multiplicative):
            return .multiplicativeSeason
        default:
            return .simulated
        }
    }

    /// Forecasts with prediction intervals, as R's `forecast.ets()`.
    ///
    /// Classes 1–3 of Hyndman et al. (2008, ch. 6) get their analytic mean and variance and
    /// Gaussian intervals mean ± z·sd (for class 3 the mean includes the variance
    /// correction, so it is E[y], not the point forecast of the state). Other forms
    /// (multiplicative trends) simulate ``ETS/simulationPaths`` future paths with Gaussian
    /// innovations drawn from `generator` and take type-8 quantiles; their point forecast is
    /// the forecast function's value.
    ///
    /// - Complexity: O(h·p) for class 1 and 2 (p states), O(h·(2m)³) for class 3,
    ///   O(paths·h) for simulation.
    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        precondition(horizon >= 1, "The horizon must be at least one period")
        precondition(levels.allSatisfy { $0 > 0 && $0 < 100 }, "Levels are percentages in (0, 100)")
        if !ensemble.isEmpty { return combinedForecast(horizon: horizon, levels: levels, using: &generator) }
        let start = series.start.advanced(by: series.count)
        var mean: [Double]
        var intervals: [PredictionInterval]
        switch intervalClass {
        case .linear, .multiplicativeErrorLinearState, .multiplicativeSeason:
            let (mu, variance) = analyticMoments(horizon: horizon)
            mean = mu
            intervals = levels.map { level in
                let z = Normal.standardQuantile(0.5 + level / 200)
                let margins = variance.map { z * Swift.max($0, 0).squareRoot() }
                return PredictionInterval(
                    level: level, lower: zip(mu, margins).map { $0 - $1 },
                    upper: zip(mu, margins).map { $0 + $1 })
            }
        case .simulated:
            mean = ETS.pointForecasts(from: finalState, form: form, m: seasonalPeriod, phi: parameters.phi, horizon: horizon)
            intervals = simulatedIntervals(horizon: horizon, levels: levels, using: &generator)
        }
        return Forecast(start: start, mean: mean, intervals: intervals, model: description)
    }
}
