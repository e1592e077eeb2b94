import Foundation

extension ETS {
    /// The smoothing parameters of one model: α (level), β (trend), γ (season), φ (damping).
    ///
    /// β is on the state-space scale of Hyndman et al. (2008) (the trend moves by β·ε), as in
    /// R's `ets()$par`; it is 0 without a trend, γ is 0 without a season and φ is 1 when the
    /// trend is not damped.
    public struct Parameters: Sendable, Hashable {
        public var alpha: Double
        public var beta: Double
        public var gamma: Double
        public var phi: Double

        public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
            self.alpha = alpha
            self.beta = beta
            self.gamma = gamma
            self.phi = phi
        }
    }

    /// A state vector (ℓ, b, s₁ ... s_m) in R's order: `seasonal[0]` is the most recent seasonal
    /// state and `seasonal[m - 1]` the one the next observation uses.
    public struct State: Sendable, Hashable {
        public var level: Double
        /// The growth (0 without a trend).
        public var trend: Double
        /// Seasonal states, most recent first (empty without a season).
        public var seasonal: [Double]

        public init(level: Double, trend: Double = 0, seasonal: [Double] = []) {
            self.level = level
            self.trend = trend
            self.seasonal = seasonal
        }
    }
}

/// What one pass of the recursion over a series adds up.
@usableFromInline
struct ETSRecursionTotals {
    /// Σ ε², over the observed values (ε relative for multiplicative errors).
    @usableFromInline var sumOfSquaredErrors = 0.0
    /// Σ log|ŷ|, over the observed values (used by multiplicative errors).
    @usableFromInline var sumOfLogAbsoluteForecasts = 0.0
    /// Observations that were not missing.
    @usableFromInline var observedCount = 0
    /// `false` when a one-step forecast could not be made (a negative multiplicative growth).
    @usableFromInline var isValid = true
    @usableFromInline var level = 0.0
    @usableFromInline var trend = 0.0

    @usableFromInline init() {}

    /// R's `lik`: −2 log-likelihood up to a constant, `n log Σε² + 2 Σ log|ŷ|` (the second
    /// term for multiplicative errors only), `+∞` when the pass failed.
    @inlinable
    func criterion(multiplicativeError: Bool) -> Double {
        guard isValid, observedCount > 0 else { return .infinity }
        var value = Double(observedCount) * log(sumOfSquaredErrors)
        if multiplicativeError { value += 2 * sumOfLogAbsoluteForecasts }
        return value
    }
}

/// The ETS filter: one-step forecasts, errors and state updates (Hyndman et al. 2008, ch. 2,
/// Table 2.1, in the error-correction-free form R's `etscalc` uses, which is the same for
/// both error types).
///
/// Numerical guards follow R forecast's `etscalc.c`: divisions by values smaller than 1e-10
/// give 1e10, and a negative growth under a multiplicative trend makes the pass invalid.
@usableFromInline
enum ETSRecursion {
    @usableFromInline static let tolerance = 1e-10
    @usableFromInline static let huge = 1e10

    /// The one-step forecast from (level, trend, seasonal): `nan` when it cannot be made.
    @inlinable @inline(__always)
    static func oneStepForecast(
        level: Double, trend: Double, seasonal: Double, trendType: ETS.TrendType,
        seasonType: ETS.SeasonType, phi: Double
    ) -> Double {
        var forecast: Double
        switch trendType {
        case .none: forecast = level
        case .additive: forecast = level + phi * trend
        case .multiplicative:
            if trend < 0 { return .nan }
            forecast = level * (phi == 1 ? trend : pow(trend, phi))
        }
        switch seasonType {
        case .none: break
        case .additive: forecast += seasonal
        case .multiplicative: forecast *= seasonal
        }
        return forecast
    }

    /// Runs the filter over `values` from the initial state, allocating nothing.
    ///
    /// - Parameters:
    ///   - seasonal: on entry the initial seasonal states as a ring indexed by series position
    ///     (`seasonal[k]` serves observations `k, k + m, ...`); on exit the final ones, same ring.
    ///   - errors: where to store each ε (`nan` for missing values), or `nil`.
    ///   - fitted: where to store each one-step forecast, or `nil`.
    /// - Complexity: O(n), whatever the seasonal period.
    @inlinable
    static func run(
        values: UnsafeBufferPointer<Double>, form: ETS.Form, parameters: ETS.Parameters,
        level initialLevel: Double, trend initialTrend: Double,
        seasonal: UnsafeMutableBufferPointer<Double>,
        errors: UnsafeMutablePointer<Double>? = nil,
        fitted: UnsafeMutablePointer<Double>? = nil
    ) -> ETSRecursionTotals {
        iterate(
            values: UnsafeMutableBufferPointer(mutating: values), simulating: false, form: form, parameters: parameters,
            level: initialLevel, trend: initialTrend, seasonal: seasonal, errors: errors, fitted: fitted)
    }

    /// Simulates one future path: on entry `path` holds the innovations ε₁ ... ε_h, on exit the
    /// simulated observations y = ŷ + ε (additive errors) or ŷ(1 + ε) (multiplicative), each
    /// fed back through the state equations (R's `etssimulate`). Allocates nothing.
    @inlinable
    static func simulate(
        path: UnsafeMutableBufferPointer<Double>, form: ETS.Form, parameters: ETS.Parameters,
        level: Double, trend: Double, seasonal: UnsafeMutableBufferPointer<Double>
    ) {
        _ = iterate(
            values: path, simulating: true, form: form, parameters: parameters,
            level: level, trend: trend, seasonal: seasonal, errors: nil, fitted: nil)
    }

    /// Dispatches to the loop specialised for `form`'s components, so that the per-step
    /// branches on the components vanish at compile time.
    @inlinable @inline(__always)
    static func iterate(
        values: UnsafeMutableBufferPointer<Double>, simulating: Bool, form: ETS.Form, parameters: ETS.Parameters,
        level: Double, trend: Double,
        seasonal: UnsafeMutableBufferPointer<Double>,
        errors: UnsafeMutablePointer<Double>?,
        fitted: UnsafeMutablePointer<Double>?
    ) -> ETSRecursionTotals {
        func go<E: ETSComponentKind, T: ETSComponentKind, S: ETSComponentKind>(_: E.Type, _: T.Type, _: S.Type) -> ETSRecursionTotals {
            specialisedIterate(
                values: values, simulating: simulating, errorKind: E.self, trendKind: T.self, seasonKind: S.self,
                parameters: parameters, level: level, trend: trend, seasonal: seasonal, errors: errors, fitted: fitted)
        }
        func withSeason<E: ETSComponentKind, T: ETSComponentKind>(_ e: E.Type, _ t: T.Type) -> ETSRecursionTotals {
            switch form.season {
            case .none: go(e, t, ETSNoComponent.self)
            case .additive: go(e, t, ETSAdditiveComponent.self)
            case .multiplicative: go(e, t, ETSMultiplicativeComponent.self)
            }
        }
        func withTrend<E: ETSComponentKind>(_ e: E.Type) -> ETSRecursionTotals {
            switch form.trend {
            case .none: withSeason(e, ETSNoComponent.self)
            case .additive: withSeason(e, ETSAdditiveComponent.self)
            case .multiplicative: withSeason(e, ETSMultiplicativeComponent.self)
            }
        }
        return form.error == .additive ? withTrend(ETSAdditiveComponent.self) : withTrend(ETSMultiplicativeComponent.self)
    }

    @inlinable
    static func specialisedIterate<E: ETSComponentKind, T: ETSComponentKind, S: ETSComponentKind>(
        values: UnsafeMutableBufferPointer<Double>, simulating: Bool, errorKind: E.Type, trendKind: T.Type, seasonKind: S.Type,
        parameters: ETS.Parameters, level initialLevel: Double, trend initialTrend: Double,
        seasonal: UnsafeMutableBufferPointer<Double>, errors: UnsafeMutablePointer<Double>?, fitted: UnsafeMutablePointer<Double>?
    ) -> ETSRecursionTotals {
        let trendType: ETS.TrendType = T.isNone ? .none : (T.isMultiplicative ? .multiplicative : .additive)
        let seasonType: ETS.SeasonType = S.isNone ? .none : (S.isMultiplicative ? .multiplicative : .additive)
        let multiplicativeError = E.isMultiplicative
        let alpha = parameters.alpha, phi = parameters.phi, gamma = parameters.gamma
        let betaOverAlpha = parameters.beta / parameters.alpha
        let m = Swift.max(seasonal.count, 1)
        var totals = ETSRecursionTotals()
        var level = initialLevel, trend = initialTrend
        var seasonIndex = 0
        var forecastProduct = 1.0
        for index in 0..<values.count {
            let oldSeason = seasonType == .none ? 0 : seasonal[seasonIndex]
            // Trend contribution to the level.
            let dampedTrend: Double
            let levelForecast: Double
            switch trendType {
            case .none:
                dampedTrend = 0
                levelForecast = level
            case .additive:
                dampedTrend = phi * trend
                levelForecast = level + dampedTrend
            case .multiplicative:
                if trend < 0 {
                    totals.isValid = false
                    if simulating { for rest in index..<values.count { values[rest] = .nan } }
                    return totals
                }
                dampedTrend = phi == 1 ? trend : pow(trend, phi)
                levelForecast = level * dampedTrend
            }
            let forecast: Double
            switch seasonType {
            case .none: forecast = levelForecast
            case .additive: forecast = levelForecast + oldSeason
            case .multiplicative: forecast = levelForecast * oldSeason
            }
            fitted?[index] = forecast
            var observation = values[index]
            if simulating {
                observation = multiplicativeError ? forecast * (1 + observation) : forecast + observation
                values[index] = observation
            } else if observation.isNaN {
                // Missing: the state moves on by its own dynamics (ε = 0), the error is skipped.
                errors?[index] = .nan
                observation = forecast
            } else {
                let error = multiplicativeError ? (observation - forecast) / forecast : observation - forecast
                errors?[index] = error
                totals.sumOfSquaredErrors += error * error
                if multiplicativeError {
                    // Σ log|ŷ| as the log of a running product, renormalised before it can
                    // overflow or underflow: one logarithm every few dozen steps, not every step.
                    forecastProduct *= abs(forecast)
                    if !(forecastProduct < 1e150 && forecastProduct > 1e-150) {
                        totals.sumOfLogAbsoluteForecasts += log(forecastProduct)
                        forecastProduct = 1
                    }
                }
                totals.observedCount += 1
            }
            // Level.
            let deseasonalised: Double
            switch seasonType {
            case .none: deseasonalised = observation
            case .additive: deseasonalised = observation - oldSeason
            case .multiplicative: deseasonalised = abs(oldSeason) < tolerance ? huge : observation / oldSeason
            }
            let newLevel = levelForecast + alpha * (deseasonalised - levelForecast)
            // Growth.
            switch trendType {
            case .none: break
            case .additive: trend = dampedTrend + betaOverAlpha * ((newLevel - level) - dampedTrend)
            case .multiplicative:
                let ratio = abs(level) < tolerance ? huge : newLevel / level
                trend = dampedTrend + betaOverAlpha * (ratio - dampedTrend)
            }
            // Season.
            switch seasonType {
            case .none: break
            case .additive:
                seasonal[seasonIndex] = oldSeason + gamma * ((observation - levelForecast) - oldSeason)
            case .multiplicative:
                let ratio = abs(levelForecast) < tolerance ? huge : observation / levelForecast
                seasonal[seasonIndex] = oldSeason + gamma * (ratio - oldSeason)
            }
            level = newLevel
            seasonIndex += 1
            if seasonIndex == m { seasonIndex = 0 }
        }
        totals.sumOfLogAbsoluteForecasts += log(forecastProduct)
        totals.level = level
        totals.trend = trend
        return totals
    }

    /// Copies a state's seasonal part (R order, most recent first) into a ring for `run`.
    @inlinable
    static func loadRing(_ ring: UnsafeMutableBufferPointer<Double>, fromRecentFirst seasonal: UnsafeBufferPointer<Double>) {
        let m = ring.count
        for k in 0..<m { ring[k] = seasonal[m - 1 - k] }
    }

    /// The seasonal part (R order) of the state after `count` steps from a ring.
    @inlinable
    static func recentFirst(ring: UnsafeBufferPointer<Double>, afterSteps count: Int) -> [Double] {
        let m = ring.count
        guard m > 0 else { return [] }
        return (0..<m).map { j in ring[((count - 1 - j) % m + m) % m] }
    }
}

/// A component's kind as a type, so that the recursion is compiled once per form.
@usableFromInline protocol ETSComponentKind {
    static var isNone: Bool { get }
    static var isMultiplicative: Bool { get }
}

@usableFromInline enum ETSNoComponent: ETSComponentKind {
    @inlinable static var isNone: Bool { true }
    @inlinable static var isMultiplicative: Bool { false }
}

@usableFromInline enum ETSAdditiveComponent: ETSComponentKind {
    @inlinable static var isNone: Bool { false }
    @inlinable static var isMultiplicative: Bool { false }
}

@usableFromInline enum ETSMultiplicativeComponent: ETSComponentKind {
    @inlinable static var isNone: Bool { false }
    @inlinable static var isMultiplicative: Bool { true }
}
