/// The state of a theta model after time `t`: the level, the running mean and the trend line.
public struct ThetaState: Sendable, Equatable {
    /// One-based time of the last observation absorbed (0 before any).
    public var time: Int
    /// The level `ℓₜ`.
    public var level: Double
    /// The mean of `Y₁ … Yₜ`.
    public var mean: Double
    /// The trend line's intercept `Aₜ` (value at time 0 of the line through `Y₁ … Yₜ`).
    public var intercept: Double
    /// The trend line's slope `Bₜ`.
    public var slope: Double
}

/// The recursions of the theta models (Fiorucci et al. 2016, section 3): one pass over the
/// data for a loss, a filter, or a forecast path.
///
/// Every function here is O(n) in time and allocates nothing beyond its result.
public enum ThetaStateSpace {
    /// Intercept and slope of the least-squares line through `(t, yₜ)`, `t = 1 … n`.
    ///
    /// The static models' `Aₙ`, `Bₙ`: `Bₙ = 6 (2 mean(t·y) − (n + 1) mean(y)) / (n² − 1)`,
    /// `Aₙ = mean(y) − (n + 1) Bₙ / 2`. A single observation gives a flat line.
    public static func trendLine(_ values: UnsafeBufferPointer<Double>) -> (intercept: Double, slope: Double) {
        let n = values.count
        guard n > 1 else { return (n == 1 ? values[0] : 0, 0) }
        var sum = 0.0, weighted = 0.0
        for index in 0..<n {
            sum += values[index]
            weighted += Double(index + 1) * values[index]
        }
        let count = Double(n)
        let mean = sum / count
        let slope = 6 * (2 * weighted / count - (count + 1) * mean) / (count * count - 1)
        return (mean - (count + 1) * slope / 2, slope)
    }

    /// The sufficient statistics of the one-step errors as an affine function of `ℓ₀` and
    /// `w = 1 − 1/θ` at a fixed `α`.
    ///
    /// Because the level recursion is linear in `ℓ₀` and the trend line is built from the data
    /// alone, every one-step error is `eₜ = rₜ − aₜ ℓ₀ − dₜ w` with `aₜ = (1 − α)^(t−1)`. The sum
    /// of squared errors is therefore an exact quadratic in (`ℓ₀`, `w`) whose coefficients one
    /// pass collects; minimising it in closed form leaves a one-dimensional search in `α`.
    public struct ErrorQuadratic: Sendable, Equatable {
        /// Σ aₜ², Σ aₜ dₜ, Σ dₜ², Σ aₜ rₜ, Σ dₜ rₜ, Σ rₜ² over the scored times.
        public var aa = 0.0, ad = 0.0, dd = 0.0, ar = 0.0, dr = 0.0, rr = 0.0
        /// Number of scored errors.
        public var count = 0

        /// The sum of squared errors at (`initialLevel`, `trendWeight`).
        @inlinable
        public func sumOfSquares(initialLevel l: Double, trendWeight w: Double) -> Double {
            rr - 2 * l * ar - 2 * w * dr + l * l * aa + 2 * l * w * ad + w * w * dd
        }

        /// The minimising `(ℓ₀, w)` with `w` fixed (`fixedTrendWeight`) or in
        /// `[wLower, wUpper]`, and `|ℓ₀| ≤ levelBound`; exact because the loss is a convex
        /// quadratic (a one-sided bound is met by clamping the profiled one-dimensional minimum).
        public func minimiser(fixedTrendWeight: Double?, trendWeightRange: ClosedRange<Double>, levelBound: Double) -> (
            initialLevel: Double, trendWeight: Double
        ) {
            func level(given w: Double) -> Double {
                guard aa > 0 else { return 0 }
                return Swift.min(levelBound, Swift.max(-levelBound, (ar - w * ad) / aa))
            }
            if let w = fixedTrendWeight { return (level(given: w), w) }
            // Profile out ℓ₀: the loss in w alone is (dd − ad²/aa) w² − 2 (dr − ad·ar/aa) w + const.
            let curvature = aa > 0 ? dd - ad * ad / aa : dd
            let linear = aa > 0 ? dr - ad * ar / aa : dr
            var w =
                curvature > 1e-300 * Swift.max(1, dd) ? linear / curvature : (linear > 0 ? trendWeightRange.upperBound : trendWeightRange.lowerBound)
            if !w.isFinite { w = trendWeightRange.lowerBound }
            w = Swift.min(trendWeightRange.upperBound, Swift.max(trendWeightRange.lowerBound, w))
            let l = level(given: w)
            // When ℓ₀ hit its bound, w's best value given that ℓ₀ differs: one more exact step.
            if abs(l) == levelBound, dd > 0 {
                let refined = Swift.min(trendWeightRange.upperBound, Swift.max(trendWeightRange.lowerBound, (dr - l * ad) / dd))
                return (l, refined)
            }
            return (l, w)
        }
    }

    /// Collects the error quadratic of `variant` at smoothing parameter `alpha`.
    ///
    /// - Complexity: O(n), no allocation.
    public static func errorQuadratic(
        _ values: UnsafeBufferPointer<Double>, variant: ThetaVariant, alpha: Double, staticLine: (intercept: Double, slope: Double)
    ) -> ErrorQuadratic {
        var quadratic = ErrorQuadratic()
        let n = values.count
        let decay = 1 - alpha
        let firstScored = variant.firstScoredTime
        let dynamic = variant.isDynamic
        var partialLevel = 0.0  // ℓₜ with ℓ₀ = 0
        var power = 1.0  // (1 − α)^(t−1) before time t
        var mean = 0.0
        var intercept = staticLine.intercept, slope = staticLine.slope
        for index in 0..<n {
            let t = index + 1
            let y = values[index]
            if t >= firstScored {
                let d = intercept * power + slope * (1 - power * decay) / alpha
                let r = y - partialLevel
                let a = power
                quadratic.aa += a * a
                quadratic.ad += a * d
                quadratic.dd += d * d
                quadratic.ar += a * r
                quadratic.dr += d * r
                quadratic.rr += r * r
                quadratic.count += 1
            }
            partialLevel = alpha * y + decay * partialLevel
            power *= decay
            let previousMean = mean
            mean = (Double(t - 1) * mean + y) / Double(t)
            if dynamic {
                if t == 1 {
                    intercept = y
                    slope = 0
                } else {
                    slope = (Double(t - 2) * slope + 6 * (y - previousMean) / Double(t)) / Double(t + 1)
                    intercept = mean - slope * Double(t + 1) / 2
                }
            }
        }
        return quadratic
    }

    /// Runs the model over the data: one-step fitted values `μₜ` and the state after `Yₙ`.
    ///
    /// The dynamic models' first fitted value is `Y₁` itself (their trend line starts there).
    ///
    /// - Complexity: O(n).
    public static func filter(_ values: [Double], variant: ThetaVariant, parameters: ThetaParameters) -> (fitted: [Double], state: ThetaState) {
        let alpha = parameters.alpha
        let w = parameters.trendWeight
        var fitted = [Double](repeating: .nan, count: values.count)
        let line = values.withUnsafeBufferPointer { trendLine($0) }
        var state = ThetaState(
            time: 0, level: parameters.initialLevel, mean: 0,
            intercept: variant.isDynamic ? 0 : line.intercept,
            slope: variant.isDynamic ? 0 : line.slope)
        var power = 1.0
        for (index, y) in values.enumerated() {
            let mu: Double
            if variant.isDynamic && index == 0 {
                mu = y
            } else {
                mu = state.level + w * (state.intercept * power + state.slope * (1 - power * (1 - alpha)) / alpha)
            }
            fitted[index] = mu
            absorb(y, into: &state, variant: variant, alpha: alpha)
            power *= 1 - alpha
        }
        return (fitted, state)
    }

    /// Point forecasts `h` steps after `state`: each step's `μ` is absorbed as if observed
    /// (Fiorucci et al. 2016, section 3.3), so the dynamic models' trend line keeps updating.
    ///
    /// - Complexity: O(h).
    public static func forecast(from state: ThetaState, variant: ThetaVariant, parameters: ThetaParameters, horizon: Int) -> [Double] {
        var state = state
        var path = [Double]()
        path.reserveCapacity(horizon)
        for _ in 0..<horizon {
            let mu = nextMean(state, parameters: parameters)
            path.append(mu)
            absorb(mu, into: &state, variant: variant, alpha: parameters.alpha)
        }
        return path
    }

    /// `μₜ₊₁` given the state after time `t`.
    @inlinable
    public static func nextMean(_ state: ThetaState, parameters: ThetaParameters) -> Double {
        let alpha = parameters.alpha
        let power = pow(1 - alpha, Double(state.time))
        return state.level + parameters.trendWeight * (state.intercept * power + state.slope * (1 - power * (1 - alpha)) / alpha)
    }

    /// Absorbs one observation (or, when forecasting, one mean) into the state.
    @inlinable
    public static func absorb(_ y: Double, into state: inout ThetaState, variant: ThetaVariant, alpha: Double) {
        let t = state.time + 1
        state.level = alpha * y + (1 - alpha) * state.level
        let previousMean = state.mean
        state.mean = (Double(t - 1) * state.mean + y) / Double(t)
        if variant.isDynamic {
            if t == 1 {
                state.intercept = y
                state.slope = 0
            } else {
                state.slope = (Double(t - 2) * state.slope + 6 * (y - previousMean) / Double(t)) / Double(t + 1)
                state.intercept = state.mean - state.slope * Double(t + 1) / 2
            }
        }
        state.time = t
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
