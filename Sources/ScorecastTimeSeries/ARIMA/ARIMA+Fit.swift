import Foundation
import ScorecastCore
import ScorecastNumerics

/// Conditional-sum-of-squares estimation of one seasonal ARIMA model (R's
/// `arima(method = "CSS")`).
enum ARIMAEstimation {
    /// Fits `order` with `constant` to `data`.
    ///
    /// Starting values: zero for every ARMA coefficient; the constant from the least-squares
    /// regression of the differenced series on the differenced regressor (its mean, over the
    /// regressor's scale). The objective `½ log(SSE / count)` is minimised by BFGS with R's
    /// defaults, the constant scaled by ten times its regression standard error (R's
    /// `parscale`).
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when too few error terms remain
    ///   for the parameters; ``TimeSeriesError/unsuitable(series:reason:)`` for a seasonal order
    ///   on a series without a seasonal cycle, or when no finite sum of squares is found.
    static func fit(order: ARIMAOrder, constant: ARIMAConstant, data: ARIMAData) throws -> FittedARIMA {
        let name = data.series.name
        if order.isSeasonal && data.period < 2 {
            throw TimeSeriesError.unsuitable(series: name, reason: "a seasonal ARIMA order needs a seasonal period (this series is annual)")
        }
        var objective = ARIMAConditionalSumOfSquares(values: data.values, order: order, period: data.period, constant: constant)
        let parameterCount = objective.parameterCount
        let needed = objective.conditioningCount + parameterCount + 2
        guard data.values.count >= needed else {
            throw TimeSeriesError.tooShort(series: name, needed: needed, got: data.values.count)
        }

        var start = [Double](repeating: 0, count: parameterCount)
        var scale = [Double](repeating: 1, count: parameterCount)
        if constant != .none {
            let w = objective.differenced[objective.differenceCount...]
            let count = Double(w.count)
            let mean = w.reduce(0, +) / count
            let variance = w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(count - 1, 1)
            start[order.coefficientCount] = mean / objective.constantScale
            let standardError = (variance / count).squareRoot() / objective.constantScale
            scale[order.coefficientCount] = standardError > 0 ? 10 * standardError : 1
        }
        let errorCount = Double(objective.errorCount)
        var parameters = start
        let scaledStart = zip(start, scale).map { $0 / $1 }
        var estimates = start
        if parameterCount > 0 {
            let result = BFGS().minimize(start: scaledStart) { scaled in
                for index in scaled.indices { parameters[index] = scaled[index] * scale[index] }
                let sum = objective.sumOfSquares(parameters)
                let value = 0.5 * Foundation.log(sum / errorCount)
                return value.isFinite ? value : .infinity
            }
            estimates = zip(result.point, scale).map { $0 * $1 }
        }
        let sumOfSquares = objective.sumOfSquares(estimates)
        guard sumOfSquares.isFinite, sumOfSquares > 0 else {
            throw TimeSeriesError.unsuitable(series: name, reason: "ARIMA estimation found no finite, positive sum of squares")
        }
        return FittedARIMA(
            data: data, order: order, constant: constant, parameters: estimates,
            sumOfSquares: sumOfSquares, objective: objective)
    }
}
