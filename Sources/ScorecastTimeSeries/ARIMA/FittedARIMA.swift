import Foundation
import ScorecastCore
import ScorecastNumerics

/// A seasonal ARIMA model estimated on one series: coefficients, σ², information criteria and
/// the conditional errors, ready to forecast.
public struct FittedARIMA: FittedForecastModel {
    public let series: TimeSeries
    /// The model's orders.
    public let order: ARIMAOrder
    /// The seasonal period m.
    public let period: Int
    /// A level; a trend with a drift or two differences; a season with any seasonal part.
    public var terms: ModelTerms {
        var terms: ModelTerms = .level
        if constant == .drift || order.d + order.seasonalD >= 2 { terms.insert(.trend) }
        if order.seasonalP + order.seasonalD + order.seasonalQ > 0 { terms.insert(.season) }
        return terms
    }
    /// The deterministic term fitted.
    public let constant: ARIMAConstant
    /// Non-seasonal AR coefficients φ₁…φ_p.
    public let autoregressive: [Double]
    /// Non-seasonal MA coefficients θ₁…θ_q.
    public let movingAverage: [Double]
    /// Seasonal AR coefficients Φ₁…Φ_P.
    public let seasonalAutoregressive: [Double]
    /// Seasonal MA coefficients Θ₁…Θ_Q.
    public let seasonalMovingAverage: [Double]
    /// The mean (no differences) or drift per period (one difference); 0 without a constant.
    public let constantValue: Double
    /// The innovation variance used for forecasting, `SSE / (n − d − mD − k)` with k the
    /// number of coefficients and constant (R forecast's `sigma2`).
    public let variance: Double
    /// The conditional-sum-of-squares variance `SSE / (n − ncond)` that the likelihood uses
    /// (R's `arima(method = "CSS")` `sigma2`).
    public let conditionalVariance: Double
    /// The Gaussian log-likelihood as R reports it for a CSS fit:
    /// `−½ (n′ log σ²_CSS + n′ + n′ log 2π)`, n′ = n − d − mD.
    public let logLikelihood: Double
    /// Number of observations after differencing, n − d − mD.
    public let differencedCount: Int
    public let fittedValues: [Double]
    public var notes: [String] { preparationNotes + extraNotes }
    let preparationNotes: [String]
    var extraNotes: [String] = []

    /// The values the model was estimated on (gaps filled).
    let values: [Double]
    /// Conditional one-step errors of the differenced series (zero before the conditioning point).
    let errors: [Double]
    /// The differenced series less the constant's contribution (`NaN` before index d + mD).
    let centred: [Double]
    /// The constant's contribution to the differenced series: the mean, or the drift times
    /// δ(B)t (1 after a regular difference, m after a seasonal one); 0 without a constant.
    let differencedConstant: Double
    /// How ``forecast(horizon:levels:using:)`` computes.
    public var forecastMethod: ARIMAForecastMethod = .conditional

    init(
        data: ARIMAData, order: ARIMAOrder, constant: ARIMAConstant, parameters: [Double],
        sumOfSquares: Double, objective: ARIMAConditionalSumOfSquares
    ) {
        series = data.series
        self.order = order
        period = data.period
        self.constant = constant
        let p = order.p, q = order.q, sp = order.seasonalP, sq = order.seasonalQ
        autoregressive = Array(parameters[0..<p])
        movingAverage = Array(parameters[p..<(p + q)])
        seasonalAutoregressive = Array(parameters[(p + q)..<(p + q + sp)])
        seasonalMovingAverage = Array(parameters[(p + q + sp)..<(p + q + sp + sq)])
        constantValue = constant == .none ? 0 : parameters[order.coefficientCount]
        conditionalVariance = sumOfSquares / Double(objective.errorCount)
        differencedCount = data.values.count - objective.differenceCount
        variance = sumOfSquares / Double(max(differencedCount - objective.parameterCount, 1))
        let used = Double(differencedCount)
        logLikelihood = -0.5 * (used * Foundation.log(conditionalVariance) + used + used * Foundation.log(2 * Double.pi))
        values = data.values
        errors = objective.errors
        let shift = constantValue * objective.constantScale
        differencedConstant = shift
        centred = objective.differenced.map { $0 - shift }
        fittedValues = data.values.indices.map { t in
            t >= objective.conditioningCount && !data.series.values[t].isNaN ? data.series.values[t] - objective.errors[t] : .nan
        }
        preparationNotes = data.notes
    }

    /// Number of estimated parameters counted by the information criteria: the coefficients,
    /// the constant and σ².
    public var parameterCount: Int { order.coefficientCount + (constant == .none ? 0 : 1) + 1 }

    /// Akaike's information criterion, `−2 log L + 2k`.
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }

    /// AIC corrected for small samples, `AIC + 2k(k + 1) / (n′ − k − 1)` (infinite when
    /// n′ ≤ k + 1).
    public var aicc: Double {
        let k = Double(parameterCount), n = Double(differencedCount)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// Schwarz's Bayesian criterion, `AIC + k (log n′ − 2)`.
    public var bic: Double { aic + Double(parameterCount) * (Foundation.log(Double(differencedCount)) - 2) }

    /// `ARIMA(1,1,1)(0,1,1)[12] with drift`, as R's forecast package names models.
    public var description: String {
        let base = order.description(period: period)
        switch constant {
        case .none: return base
        case .mean: return base + " with non-zero mean"
        case .drift: return base + " with drift"
        }
    }

    /// φ*: the autoregressive polynomial with the seasonal part multiplied in.
    var expandedAutoregressive: [Double] {
        ARIMAPolynomials.autoregressive(autoregressive[...], seasonal: seasonalAutoregressive[...], period: period)
    }

    /// θ*: the moving-average polynomial with the seasonal part multiplied in.
    var expandedMovingAverage: [Double] {
        ARIMAPolynomials.movingAverage(movingAverage[...], seasonal: seasonalMovingAverage[...], period: period)
    }

    /// The smallest root modulus of the AR and of the MA polynomial (R's forecast package
    /// rejects a model in its search when either is below 1.01).
    public var smallestRootModulus: Double {
        min(
            ARIMAPolynomials.smallestRootModulus(expandedAutoregressive, sign: -1),
            ARIMAPolynomials.smallestRootModulus(expandedMovingAverage, sign: 1))
    }
}
