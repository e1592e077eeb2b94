import ScorecastCore

extension FittedARIMA: RefilterableFittedModel {
    /// The same orders, coefficients and constant, run on `prefix` (R forecast's
    /// `Arima(y, model = fit)`): the conditional errors, fitted values and `σ²` are the
    /// prefix's, computed by the estimation's own conditional-sum-of-squares pass.
    ///
    /// `nil` when the prefix is too short for the model (fewer values than the conditioning
    /// point plus the moving-average span plus the parameters plus two) or the sum of squares
    /// is not finite and positive.
    ///
    /// - Complexity: one pass of the conditional-sum-of-squares recursion, O(n) times the
    ///   number of lags the model's polynomials can have nonzero (``ARIMAConditionalSumOfSquares``).
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        guard let data = try? ARIMAData(prefix) else { return nil }
        var objective = ARIMAConditionalSumOfSquares(values: data.values, order: order, period: period, constant: constant)
        // As a fit requires, plus a full moving-average window: the forecast reads the errors
        // q + mQ steps back.
        let movingAverageSpan = order.q + period * order.seasonalQ
        guard data.values.count >= objective.conditioningCount + movingAverageSpan + objective.parameterCount + 2 else { return nil }
        let parameters =
            autoregressive + movingAverage + seasonalAutoregressive + seasonalMovingAverage + (constant == .none ? [] : [constantValue])
        let sumOfSquares = objective.sumOfSquares(parameters)
        guard sumOfSquares.isFinite, sumOfSquares > 0 else { return nil }
        var refiltered = FittedARIMA(
            data: data, order: order, constant: constant, parameters: parameters, sumOfSquares: sumOfSquares, objective: objective)
        refiltered.forecastMethod = forecastMethod
        refiltered.extraNotes = extraNotes
        return AnyFittedForecastModel(refiltered)
    }
}
