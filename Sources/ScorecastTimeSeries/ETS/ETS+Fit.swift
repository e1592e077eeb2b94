import Foundation
import ScorecastCore
import ScorecastNumerics

extension ETS {
    /// Everything the candidate forms of one series share: the observed values, their
    /// positivity, the seasonal seeds of the initial states, and the recursion's scratch
    /// buffers. Built once per series by ``fit(_:)``.
    struct SharedSetUp {
        let values: [Double]
        let observedCount: Int
        let isPositive: Bool
        /// The seasonal period (1 when the series is treated as non-seasonal).
        let m: Int
        private var seeds: [SeasonType: SeasonalSeed] = [:]
        private var initialStates: [String: [Double]] = [:]

        init(values: [Double], m: Int) {
            self.values = values
            self.m = m
            var observed = 0, minimum = Double.infinity
            for value in values where !value.isNaN {
                observed += 1
                minimum = Swift.min(minimum, value)
            }
            self.observedCount = observed
            self.isPositive = minimum > 0
        }

        /// R's `initstate()` for `form`, computed once per (trend, season) and cached.
        mutating func initialState(for form: Form) -> [Double] {
            let key = "\(form.trend)\(form.season)"
            if let cached = initialStates[key] { return cached }
            var seed: SeasonalSeed?
            if form.season != .none {
                if let cached = seeds[form.season] {
                    seed = cached
                } else {
                    let made = ETS.seasonalSeed(values: interpolatedValues, m: m, multiplicative: form.season == .multiplicative)
                    seeds[form.season] = made
                    seed = made
                }
            }
            let state = ETS.initialState(values: values, form: form, m: m, seed: seed)
            initialStates[key] = state
            return state
        }

        /// The values with interior gaps filled linearly: only the decomposition that seeds the
        /// initial states sees these; the likelihood skips missing values.
        private var interpolatedValues: [Double] {
            guard values.contains(where: { $0.isNaN }) else { return values }
            var filled = values
            var lastIndex: Int?
            for index in values.indices where !values[index].isNaN {
                if let last = lastIndex, index - last > 1 {
                    for gap in (last + 1)..<index {
                        let weight = Double(gap - last) / Double(index - last)
                        filled[gap] = values[last] + weight * (values[index] - values[last])
                    }
                }
                lastIndex = index
            }
            return filled
        }
    }

    /// The number of free quantities of `form` R counts when it decides a series is too short
    /// (`npars`): α and ℓ₀, plus β and b₀, plus γ and m seasonal states, plus φ.
    static func shortSeriesParameterCount(_ form: Form, m: Int) -> Int {
        var count = 2
        if form.trend != .none { count += 2 }
        if form.season != .none { count += m }
        if form.damped { count += 1 }
        return count
    }

    /// Fits one form by maximum likelihood with ``Estimator/likeR``; `nil` when it cannot be
    /// fitted (R's `etsmodel()` returning an infinite criterion or failing).
    ///
    /// The search runs over (α, β, γ, φ, ℓ₀, b₀, s₀ ... s_{m−2}) from R's starting values with
    /// Nelder–Mead as R runs it (R `optim` rules: a first simplex of 10% of the largest
    /// coordinate, relative tolerance √ε scaled by the starting value, at most
    /// ``maximumEvaluations`` evaluations); points outside the parameter region score +∞.
    func fitFormLikeR(_ form: Form, setUp: inout SharedSetUp, series: TimeSeries) -> FittedETS? {
        let m = form.season == .none ? 1 : setUp.m
        let start = ETS.startingParameters(form: form, limits: limits, bounds: bounds, m: m)
        guard ETS.satisfiesBounds(start, form: form, m: m, limits: limits, bounds: bounds) else { return nil }
        let state = setUp.initialState(for: form)
        var startPoint = LikelihoodObjective.smoothingVector(start, form: form)
        let smoothingCount = startPoint.count
        startPoint += state
        let n = setUp.observedCount
        guard startPoint.count < n - 1 else { return nil }

        var objective = LikelihoodObjective(
            form: form, m: m, limits: limits, bounds: bounds,
            smoothingCount: smoothingCount)
        var options = NelderMead.Options()
        options.initialSimplex = .uniform(fraction: 0.1)
        options.maximumEvaluations = maximumEvaluations
        options.maximumIterations = Int.max
        let optimiser = NelderMead(options: options)
        let result: OptimisationResult = setUp.values.withUnsafeBufferPointer { values in
            optimiser.minimizeLikeR(start: startPoint) { point in objective.evaluate(point, values: values) }
        }
        guard result.value.isFinite else { return nil }
        return makeFitted(
            form: form, m: m, point: result.point, smoothingCount: smoothingCount,
            setUp: setUp, series: series)
    }

    /// Runs the filter once more at the optimum and assembles the fitted model (R's
    /// `pegelsresid.C` and the statistics `etsmodel()` computes from it).
    func makeFitted(
        form: Form, m: Int, point: [Double], smoothingCount: Int, setUp: SharedSetUp,
        series: TimeSeries, notes: [String] = []
    ) -> FittedETS? {
        let parameters = LikelihoodObjective.parameters(from: point, form: form)
        let initial = LikelihoodObjective.state(from: point, form: form, m: m, offset: smoothingCount)
        let values = setUp.values
        let n = values.count
        var fitted = [Double](repeating: .nan, count: n)
        var errors = [Double](repeating: .nan, count: n)
        var ring = [Double](repeating: 0, count: form.season == .none ? 0 : m)
        let totals = values.withUnsafeBufferPointer { valueBuffer in
            ring.withUnsafeMutableBufferPointer { ringBuffer in
                initial.seasonal.withUnsafeBufferPointer { ETSRecursion.loadRing(ringBuffer, fromRecentFirst: $0) }
                return fitted.withUnsafeMutableBufferPointer { fittedBuffer in
                    errors.withUnsafeMutableBufferPointer { errorBuffer in
                        ETSRecursion.run(
                            values: valueBuffer, form: form, parameters: parameters,
                            level: initial.level, trend: initial.trend, seasonal: ringBuffer,
                            errors: errorBuffer.baseAddress, fitted: fittedBuffer.baseAddress)
                    }
                }
            }
        }
        var lik = totals.criterion(multiplicativeError: form.error == .multiplicative)
        if lik.isNaN { return nil }
        lik = Swift.max(lik, -1e10)
        guard lik.isFinite else { return nil }
        let final = ETS.State(
            level: totals.level, trend: totals.trend,
            seasonal: ring.withUnsafeBufferPointer { ETSRecursion.recentFirst(ring: $0, afterSteps: n) })
        let observed = setUp.observedCount
        let k = point.count + 1
        let aic = lik + 2 * Double(k)
        let bic = lik + log(Double(observed)) * Double(k)
        let aicc = aic + 2 * Double(k) * Double(k + 1) / Double(observed - k - 1)
        let sumOfSquares = totals.sumOfSquaredErrors
        let variance = sumOfSquares / Double(observed - point.count)
        return FittedETS(
            form: form, seasonalPeriod: m, parameters: parameters, initialState: initial, finalState: final,
            series: series, fittedValues: fitted, innovations: errors, logLikelihood: -0.5 * lik,
            aic: aic, aicc: aicc, bic: bic, variance: variance, nmse: nmse, parameterCount: k,
            notes: notes, simulationPaths: simulationPaths)
    }
}

/// −2 log-likelihood (R's `lik`) of one form as a function of the search vector
/// (α, β, γ, φ, ℓ₀, b₀, s₀ ... s_{m−2}): R forecast's `EtsTargetFunction::eval`.
///
/// Points outside the parameter region, multiplicative seasonal states below zero and
/// failed passes score +∞; perfect fits are floored at −1e10. Allocates nothing per call.
struct LikelihoodObjective {
    let form: ETS.Form
    let m: Int
    let limits: ETS.ParameterLimits
    let bounds: ETS.Bounds
    let smoothingCount: Int
    var ring: [Double]

    init(form: ETS.Form, m: Int, limits: ETS.ParameterLimits, bounds: ETS.Bounds, smoothingCount: Int) {
        self.form = form
        self.m = m
        self.limits = limits
        self.bounds = bounds
        self.smoothingCount = smoothingCount
        self.ring = [Double](repeating: 0, count: form.season == .none ? 0 : m)
    }

    /// The smoothing part of a search vector: (α, β, γ, φ) with only the form's parameters,
    /// the inverse of ``parameters(from:form:)``.
    static func smoothingVector(_ parameters: ETS.Parameters, form: ETS.Form) -> [Double] {
        var vector = [parameters.alpha]
        if form.trend != .none { vector.append(parameters.beta) }
        if form.season != .none { vector.append(parameters.gamma) }
        if form.damped { vector.append(parameters.phi) }
        return vector
    }

    static func parameters(from point: [Double], form: ETS.Form) -> ETS.Parameters {
        var index = 0
        var parameters = ETS.Parameters(alpha: point[index])
        index += 1
        if form.trend != .none {
            parameters.beta = point[index]
            index += 1
        }
        if form.season != .none {
            parameters.gamma = point[index]
            index += 1
        }
        if form.damped { parameters.phi = point[index] }
        return parameters
    }

    /// The full initial state (with the seasonal state the normalisation implies).
    static func state(from point: [Double], form: ETS.Form, m: Int, offset: Int) -> ETS.State {
        var state = ETS.State(level: point[offset])
        var index = offset + 1
        if form.trend != .none {
            state.trend = point[index]
            index += 1
        }
        if form.season != .none {
            var seasonal = Array(point[index..<(index + m - 1)])
            let implied = (form.season == .multiplicative ? Double(m) : 0) - seasonal.reduce(0, +)
            seasonal.append(implied)
            state.seasonal = seasonal
        }
        return state
    }

    @inline(__always)
    mutating func evaluate(_ point: [Double], values: UnsafeBufferPointer<Double>) -> Double {
        let parameters = Self.parameters(from: point, form: form)
        guard ETS.satisfiesBounds(parameters, form: form, m: m, limits: limits, bounds: bounds) else { return .infinity }
        var index = smoothingCount
        let level = point[index]
        index += 1
        var trend = 0.0
        if form.trend != .none {
            trend = point[index]
            index += 1
        }
        let seasonal = form.season
        let first = index
        let m = self.m
        let totals: ETSRecursionTotals? = ring.withUnsafeMutableBufferPointer { ring in
            if seasonal != .none {
                // R order s₀ ... s_{m−2} then the implied one; the ring is indexed by position.
                var sum = 0.0
                var minimum = Double.infinity
                for j in 0..<(m - 1) {
                    let value = point[first + j]
                    sum += value
                    minimum = Swift.min(minimum, value)
                    ring[m - 1 - j] = value
                }
                let implied = (seasonal == .multiplicative ? Double(m) : 0) - sum
                ring[0] = implied
                minimum = Swift.min(minimum, implied)
                if seasonal == .multiplicative && minimum < 0 { return nil }
            }
            return ETSRecursion.run(values: values, form: form, parameters: parameters, level: level, trend: trend, seasonal: ring)
        }
        guard let totals else { return .infinity }
        var lik = totals.criterion(multiplicativeError: form.error == .multiplicative)
        if lik < -1e10 { lik = -1e10 }
        if lik.isNaN { lik = .infinity }
        return lik
    }
}

extension FittedETS {
    /// In-sample mean squared errors of the 1 ... nmse-step forecasts from every origin.
    func inSampleErrors() -> [Double] {
        let values = series.values, m = seasonalPeriod
        var state = initialState
        var sums = [Double](repeating: 0, count: nmse), counts = [Double](repeating: 0, count: nmse)
        var ring = [Double](repeating: 0, count: form.season == .none ? 0 : m)
        for index in values.indices {
            let path = ETS.pointForecasts(from: state, form: form, m: m, phi: parameters.phi, horizon: nmse)
            for step in 0..<nmse where index + step < values.count && !values[index + step].isNaN {
                let difference = values[index + step] - path[step]
                sums[step] += difference * difference
                counts[step] += 1
            }
            // Advance one step through the shared recursion.
            let totals = values.withUnsafeBufferPointer { buffer in
                ring.withUnsafeMutableBufferPointer { ringBuffer in
                    state.seasonal.withUnsafeBufferPointer { ETSRecursion.loadRing(ringBuffer, fromRecentFirst: $0) }
                    return ETSRecursion.run(
                        values: UnsafeBufferPointer(rebasing: buffer[index...index]), form: form,
                        parameters: parameters, level: state.level, trend: state.trend, seasonal: ringBuffer)
                }
            }
            state.level = totals.level
            state.trend = totals.trend
            state.seasonal = ring.withUnsafeBufferPointer { ETSRecursion.recentFirst(ring: $0, afterSteps: 1) }
        }
        return (0..<nmse).map { counts[$0] > 0 ? sums[$0] / counts[$0] : .nan }
    }
}
