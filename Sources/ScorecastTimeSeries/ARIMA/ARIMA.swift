import ScorecastCore

/// The orders of a seasonal ARIMA model, ARIMA(p,d,q)(P,D,Q)[m].
///
/// `p`, `q`: non-seasonal autoregressive and moving-average orders; `d`: non-seasonal
/// differences; `seasonalP`, `seasonalD`, `seasonalQ`: the same at lag m (the series'
/// seasonal period).
public struct ARIMAOrder: Hashable, Sendable {
    public var p: Int
    public var d: Int
    public var q: Int
    public var seasonalP: Int
    public var seasonalD: Int
    public var seasonalQ: Int

    public init(p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0, seasonalQ: Int = 0) {
        precondition([p, d, q, seasonalP, seasonalD, seasonalQ].allSatisfy { $0 >= 0 }, "ARIMA orders are non-negative")
        self.p = p
        self.d = d
        self.q = q
        self.seasonalP = seasonalP
        self.seasonalD = seasonalD
        self.seasonalQ = seasonalQ
    }

    /// Number of autoregressive and moving-average coefficients, p + q + P + Q.
    public var coefficientCount: Int { p + q + seasonalP + seasonalQ }

    /// Whether the model has a seasonal part (any of P, D, Q positive).
    public var isSeasonal: Bool { seasonalP + seasonalD + seasonalQ > 0 }

    /// `ARIMA(p,d,q)` or `ARIMA(p,d,q)(P,D,Q)[m]`, as R's forecast package prints it.
    public func description(period: Int) -> String {
        let main = "ARIMA(\(p),\(d),\(q))"
        return isSeasonal && period > 1 ? main + "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(period)]" : main
    }
}

/// A seasonal ARIMA model of given orders, estimated by conditional sum of squares.
///
/// The model for a series y with seasonal period m is
/// `φ(B) Φ(Bᵐ) (1 − B)ᵈ (1 − Bᵐ)ᴰ (y_t − c_t) = θ(B) Θ(Bᵐ) ε_t`, ε Gaussian white noise, where
/// `c_t` is a mean (when d + D = 0) or a linear drift `b·t` (when d + D = 1) if `includeConstant`
/// is set, and nothing otherwise (R's `Arima(include.mean, include.drift)` rules: with two or
/// more differences no constant is fitted).
///
/// Estimation minimises the conditional sum of squares of the one-step errors, the errors
/// before the first `d + mD + p + mP` observations taken as zero (R's `arima(method = "CSS")`),
/// by BFGS with numerical gradients (R's `optim`). Forecasts run the conditional errors
/// forward, or, with ``ARIMAForecastMethod/stateSpace``, come from the Kalman filter as R's
/// `predict.Arima` does; σ² = SSE / (n − d − mD − k) as R's forecast package sets it.
///
/// Series with missing values are filled by linear interpolation before fitting, which the
/// fitted model's notes say.
///
/// - Reference: G. E. P. Box, G. M. Jenkins, G. C. Reinsel and G. M. Ljung, *Time Series
///   Analysis: Forecasting and Control*, 5th ed. (2015), ch. 5 and 7; R's `stats::arima`.
public struct ARIMA: ForecastModelSpec {
    /// The model's orders.
    public var order: ARIMAOrder
    /// Whether to fit a mean (d + D = 0) or drift (d + D = 1); ignored with more differences.
    public var includeConstant: Bool
    /// How the fitted model forecasts.
    public var forecastMethod: ARIMAForecastMethod

    public init(order: ARIMAOrder, includeConstant: Bool = true, forecastMethod: ARIMAForecastMethod = .conditional) {
        self.order = order
        self.includeConstant = includeConstant
        self.forecastMethod = forecastMethod
    }

    public var name: String {
        let o = order
        return "arima:\(o.p),\(o.d),\(o.q),\(o.seasonalP),\(o.seasonalD),\(o.seasonalQ)" + (includeConstant ? "" : ",noconstant")
            + (forecastMethod == .stateSpace ? ",kalman" : "")
    }

    /// The constant actually fitted for `order`: a mean with no differences, a drift with one,
    /// none with two or more or when `includeConstant` is false.
    public var constant: ARIMAConstant {
        guard includeConstant else { return .none }
        switch order.d + order.seasonalD {
        case 0: return .mean
        case 1: return .drift
        default: return .none
        }
    }

    /// Estimates the model on `series`.
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when fewer observations than
    ///   coefficients remain after differencing and conditioning;
    ///   ``TimeSeriesError/unsuitable(series:reason:)`` for a seasonal order on an annual series.
    public func fit(_ series: TimeSeries) throws -> FittedARIMA {
        let prepared = try ARIMAData(series)
        var fitted = try ARIMAEstimation.fit(order: order, constant: constant, data: prepared)
        fitted.forecastMethod = forecastMethod
        return fitted
    }
}

/// The deterministic term of an ARIMA model.
public enum ARIMAConstant: String, Sendable, Hashable {
    /// No constant.
    case none
    /// A mean (models without differences).
    case mean
    /// A linear drift `b·t` (models with one difference): the differenced series has mean `b`
    /// (or `m·b` for a seasonal difference).
    case drift
}
