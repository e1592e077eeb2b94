import ScorecastCore

extension FittedThetaModel: RefilterableFittedModel {
    /// The same variant with the same `ℓ₀`, `α` and `θ`, run on `prefix`: the prefix is
    /// prepared and seasonally adjusted as a fit prepares it (gaps, the seasonality test and
    /// the decomposition are the prefix's own), then filtered; `σ²` is the mean squared scored
    /// one-step error on the prefix at the kept parameters.
    ///
    /// `nil` when the prefix has fewer than four values after its gaps are dropped.
    ///
    /// - Complexity: O(n).
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        guard let input = try? ThetaInput(prefix), input.series.count >= 4 else { return nil }
        let adjustment = ThetaSeasonalAdjustment(input.series, rule: .positiveAware)
        let (fittedAdjusted, state) = ThetaStateSpace.filter(adjustment.adjusted, variant: variant, parameters: parameters)
        let quadratic = adjustment.adjusted.withUnsafeBufferPointer { values in
            ThetaStateSpace.errorQuadratic(values, variant: variant, alpha: parameters.alpha, staticLine: ThetaStateSpace.trendLine(values))
        }
        let sumOfSquares = Swift.max(0, quadratic.sumOfSquares(initialLevel: parameters.initialLevel, trendWeight: parameters.trendWeight))
        let meanSquaredError = sumOfSquares / Double(Swift.max(1, quadratic.count))
        guard meanSquaredError.isFinite else { return nil }
        let refiltered = FittedThetaModel(
            series: prefix, fittedValues: input.alignedFittedValues(fittedAdjusted, adjustment: adjustment, original: prefix),
            notes: input.notes(with: adjustment), variant: variant, parameters: parameters, meanSquaredError: meanSquaredError,
            finalState: state, adjustment: adjustment, trailingGap: input.trailingGap)
        return AnyFittedForecastModel(refiltered)
    }
}
