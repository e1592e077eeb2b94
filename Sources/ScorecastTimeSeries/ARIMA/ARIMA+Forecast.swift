import Foundation

/// How a fitted ARIMA model forecasts.
public enum ARIMAForecastMethod: String, Sendable, Hashable {
    /// From the conditional errors the CSS estimates were fitted to: the difference equation
    /// is run forward with future errors at zero and the differences undone; h-step standard
    /// error `σ √(Σ_{j<h} ψ_j²)` from the ψ-weights of the model with its differencing operator
    /// multiplied in (Box, Jenkins, Reinsel and Ljung 2015, §5.2). The default: on the M3
    /// monthly validation split it was the more accurate (`docs/engineering-notes/issue-6.md`).
    case conditional
    /// As R's `predict.Arima`: the Kalman filter of the state-space form at the estimates
    /// (``ARIMAStateSpace``) and its forecast, variance `σ² Z P_h Zᵀ`.
    case stateSpace
}

extension FittedARIMA {
    /// Forecasts by ``forecastMethod``, with the mean or drift added back and Gaussian
    /// intervals (σ² R forecast's `SSE / (n − d − mD − k)`).
    ///
    /// Complexity: conditional O((n + h)(p + mP + q + mQ + d + mD)); state space
    /// O((n + h)(r + d + mD)²), r = max(p + mP, q + mQ + 1).
    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let path = forecastMethod == .conditional ? conditionalPath(horizon: horizon) : stateSpacePath(horizon: horizon)
        let standardErrors = path.variance.map { (max($0, 0) * variance).squareRoot() }
        let intervals = levels.map { PredictionInterval.normal(level: $0, mean: path.mean, standardErrors: standardErrors) }
        return Forecast(start: series.end.advanced(by: 1), mean: path.mean, intervals: intervals, model: description)
    }

    /// Means and variances per unit σ² from the conditional errors.
    func conditionalPath(horizon: Int) -> (mean: [Double], variance: [Double]) {
        let a = expandedAutoregressive
        let b = expandedMovingAverage
        let delta = ARIMAPolynomials.differencing(d: order.d, seasonalD: order.seasonalD, period: period)
        let n = values.count
        var w = centred + [Double](repeating: 0, count: horizon)
        let e = errors
        var y = values + [Double](repeating: 0, count: horizon)
        for t in n..<(n + horizon) {
            var value = 0.0
            for (k, coefficient) in zip(1..., a) { value += coefficient * w[t - k] }
            // Future errors are zero, and so are those before the series (the estimation's
            // conditioning): a moving-average span longer than the series reads no further back.
            for (k, coefficient) in zip(1..., b) where t - k < n && t - k >= 0 { value += coefficient * e[t - k] }
            w[t] = value
            var level = value + differencedConstant
            for (k, coefficient) in zip(1..., delta) { level += coefficient * y[t - k] }
            y[t] = level
        }
        let psi = ARIMAPolynomials.psiWeights(
            autoregressive: ARIMAPolynomials.multiplyAutoregressive(a, delta),
            movingAverage: b, count: horizon)
        var cumulative = 0.0
        let variances = psi.map { weight -> Double in
            cumulative += weight * weight
            return cumulative
        }
        return (Array(y[n...]), variances)
    }

    /// Means and variances per unit σ² from the Kalman filter, as R computes them.
    func stateSpacePath(horizon: Int) -> (mean: [Double], variance: [Double]) {
        let model = ARIMAStateSpace(
            autoregressive: expandedAutoregressive, movingAverage: expandedMovingAverage,
            differencing: ARIMAPolynomials.differencing(d: order.d, seasonalD: order.seasonalD, period: period))
        let n = values.count
        let adjusted = values.indices.map { values[$0] - regression(at: $0) }
        let filtered = model.filter(adjusted)
        let path = model.forecast(horizon: horizon, state: filtered.state, covariance: filtered.covariance)
        return ((0..<horizon).map { path.mean[$0] + regression(at: n + $0) }, path.variance)
    }

    /// The deterministic part at 0-based time `index`: the mean, or the drift times `index + 1`
    /// (R's drift regressor is 1, 2, …, n).
    func regression(at index: Int) -> Double {
        switch constant {
        case .none: return 0
        case .mean: return constantValue
        case .drift: return constantValue * Double(index + 1)
        }
    }
}
