import ScorecastCore
import ScorecastNumerics

/// An ETS model estimated on one series: parameters, states, fit statistics, and forecasts.
///
/// Produced by ``ETS/fit(_:)``. Information criteria follow R `forecast::ets()` exactly:
/// with `lik = n log Σε² (+ 2 Σ log|ŷ| for multiplicative errors)` over the n observed values,
/// `loglik = −lik/2`, `AIC = lik + 2k`, `BIC = lik + k log n` and
/// `AICc = AIC + 2k(k+1)/(n−k−1)`, where k counts the smoothing parameters, the initial states
/// (m − 1 seasonal ones) and the error variance.
public struct FittedETS: FittedForecastModel, Sendable {
    /// The fitted form.
    public let form: ETS.Form
    /// The seasonal period of the states (1 for non-seasonal forms).
    public let seasonalPeriod: Int
    /// A level; a trend unless the form has none; a season unless it has none.
    public var terms: ModelTerms {
        var terms: ModelTerms = .level
        if form.trend != .none { terms.insert(.trend) }
        if form.season != .none { terms.insert(.season) }
        return terms
    }
    /// The estimated smoothing parameters.
    public let parameters: ETS.Parameters
    /// The estimated initial state x₀ (all m seasonal states).
    public let initialState: ETS.State
    /// The state after the last observation, from which forecasts start.
    public let finalState: ETS.State
    public let series: TimeSeries
    public let fittedValues: [Double]
    /// The innovations ε: y − ŷ for additive errors, (y − ŷ)/ŷ for multiplicative ones
    /// (`nan` where the value is missing). R's `residuals(fit)`.
    public let innovations: [Double]
    /// R's `loglik`: −½ (n log Σε² + 2 Σ log|ŷ|).
    public let logLikelihood: Double
    public let aic: Double
    public let aicc: Double
    public let bic: Double
    /// The innovation variance, Σε² / (n − k + 1) as R computes it.
    public let variance: Double
    /// Horizons averaged by ``amse``.
    let nmse: Int
    /// Number of estimated quantities k (including the variance).
    public let parameterCount: Int
    public internal(set) var notes: [String]
    /// Paths drawn for simulated intervals.
    let simulationPaths: Int
    /// With ``ETS/Combination/akaikeWeighted``: every candidate form with its Akaike weight,
    /// whose forecasts are averaged; empty when the selected model forecasts alone.
    public internal(set) var ensemble: [(weight: Double, model: FittedETS)] = []

    /// In-sample one-step mean squared error (R's `mse`), computed on demand.
    public var mse: Double { inSampleErrors().first ?? .nan }

    /// In-sample mean squared error of the 1 ... nmse-step forecasts, averaged over the horizons
    /// (R's `amse`), computed on demand.
    public var amse: Double {
        let errors = inSampleErrors()
        return errors.reduce(0, +) / Double(errors.count)
    }

    public var description: String { ensemble.isEmpty ? form.description : form.description + " (AICc-weighted)" }

    /// The criterion value under `criterion`.
    public func informationCriterion(_ criterion: ETS.InformationCriterion) -> Double {
        switch criterion {
        case .aic: aic
        case .aicc: aicc
        case .bic: bic
        }
    }
}
