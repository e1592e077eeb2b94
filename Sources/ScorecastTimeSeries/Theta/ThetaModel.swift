import ScorecastCore
import ScorecastNumerics

/// One of the theta models of Fiorucci et al. (2016), fitted by least squares.
///
/// The series is seasonally adjusted first (``ThetaSeasonalAdjustment/Rule/positiveAware``),
/// the model is estimated on the adjusted series (``ThetaEstimation``), and forecasts are
/// reseasonalised with the last year's indices.
///
/// Prediction intervals are exact under the model's Gaussian errors: the recursion is linear
/// in the observations, so the `h`-step forecast error is `Σₖ cₕₖ εₙ₊ₖ` with weights found by
/// propagating a unit shock through the recursion (O(h²)); `σ²` is the mean squared scored
/// one-step error. (Fiorucci et al. and statsforecast simulate 200 paths instead.)
///
/// Reference: J. A. Fiorucci et al., "Models for optimising the theta method and their
/// relationship to state space models", IJF 32(4), 2016, 1151–1161.
public struct ThetaModel: ForecastModelSpec {
    /// Which of the four models.
    public var variant: ThetaVariant
    public var alphaStart: Double?

    public init(_ variant: ThetaVariant, alphaStart: Double? = nil) {
        self.variant = variant
        self.alphaStart = alphaStart
    }

    public var name: String { "theta:\(variant.rawValue)" }

    public func fit(_ series: TimeSeries) throws -> FittedThetaModel {
        let input = try ThetaInput(series)
        let count = input.series.count
        guard count >= 4 else { throw TimeSeriesError.tooShort(series: series.name, needed: 4, got: count) }
        let adjustment = ThetaSeasonalAdjustment(input.series, rule: .positiveAware)
        let estimate = ThetaEstimation.fit(adjustment.adjusted, variant: variant, alphaStart: alphaStart)
        let (fittedAdjusted, state) = ThetaStateSpace.filter(adjustment.adjusted, variant: variant, parameters: estimate.parameters)
        let fitted = input.alignedFittedValues(fittedAdjusted, adjustment: adjustment, original: series)
        let notes = input.notes(with: adjustment)
        return FittedThetaModel(
            series: series, fittedValues: fitted, notes: notes, variant: variant,
            parameters: estimate.parameters, meanSquaredError: estimate.meanSquaredError,
            finalState: state, adjustment: adjustment, trailingGap: input.trailingGap)
    }
}

/// A fitted theta model: parameters, the state after the last observation, the adjustment.
public struct FittedThetaModel: FittedForecastModel {
    public let series: TimeSeries
    public let fittedValues: [Double]
    public let notes: [String]
    /// Which model.
    public let variant: ThetaVariant
    /// The estimated `ℓ₀`, `α`, `θ`.
    public let parameters: ThetaParameters
    /// Mean squared scored one-step error on the adjusted scale: the loss minimised, and `σ²`.
    public let meanSquaredError: Double
    /// The state after the last observation.
    public let finalState: ThetaState
    /// The seasonal adjustment used.
    public let adjustment: ThetaSeasonalAdjustment
    let trailingGap: Int
    /// A level and a trend, with a season when seasonally adjusted.
    public var terms: ModelTerms { adjustment.isSeasonal ? [.level, .trend, .season] : [.level, .trend] }

    public var description: String {
        let theta = parameters.theta >= 1e6 ? "∞" : String((parameters.theta * 1000).rounded() / 1000)
        return "\(variant)(α=\(String((parameters.alpha * 1000).rounded() / 1000)), θ=\(theta)\(adjustment.isSeasonal ? ", seasonal" : ""))"
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let steps = horizon + trailingGap
        let adjustedMean = ThetaStateSpace.forecast(from: finalState, variant: variant, parameters: parameters, horizon: steps)
        let factors = adjustment.forecastFactors(horizon: steps, period: series.seasonalPeriod)
        let mean = adjustment.reseasonalise(adjustedMean, factors: factors)
        let variances = forecastErrorVariances(steps: steps)
        let intervals = levels.map { level in
            let z = Normal.standardQuantile(0.5 + level / 200)
            var lower = [Double](), upper = [Double]()
            for step in trailingGap..<steps {
                let halfWidth = z * variances[step].squareRoot()
                let bounds = adjustment.reseasonalise(
                    [adjustedMean[step] - halfWidth, adjustedMean[step] + halfWidth], factors: [factors[step], factors[step]])
                lower.append(Swift.min(bounds[0], bounds[1]))
                upper.append(Swift.max(bounds[0], bounds[1]))
            }
            return PredictionInterval(level: level, lower: lower, upper: upper)
        }
        return Forecast(start: series.end.advanced(by: 1), mean: Array(mean.suffix(horizon)), intervals: intervals, model: description)
    }

    /// Variance of the `j`-step forecast error on the adjusted scale, `j = 1 … steps`.
    ///
    /// The recursion is affine in the observations, so a unit shock at step `k` moves every later
    /// value by a fixed amount `cⱼₖ`, found by running the recursion on the shock alone (the
    /// data part cancels). Then `Var(eⱼ) = σ² Σₖ cⱼₖ²`. O(steps²).
    func forecastErrorVariances(steps: Int) -> [Double] {
        var sumsOfSquares = [Double](repeating: 0, count: steps)
        let zeroed = ThetaState(time: finalState.time, level: 0, mean: 0, intercept: 0, slope: 0)
        for shockStep in 0..<steps {
            var state = zeroed
            // Steps before the shock leave the zero state unchanged; start at the shock.
            state.time = finalState.time + shockStep
            for step in shockStep..<steps {
                let response = ThetaStateSpace.nextMean(state, parameters: parameters) + (step == shockStep ? 1 : 0)
                sumsOfSquares[step] += response * response
                ThetaStateSpace.absorb(response, into: &state, variant: variant, alpha: parameters.alpha)
            }
        }
        return sumsOfSquares.map { $0 * meanSquaredError }
    }
}
