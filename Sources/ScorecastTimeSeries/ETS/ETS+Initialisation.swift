import Foundation
import ScorecastCore
import ScorecastNumerics

extension ETS {
    /// Starting values of the smoothing parameters for the likelihood search, as R's
    /// `initparam()` chooses them: α a fifth of its range divided by m, β a tenth of its range
    /// up to α, γ a twentieth of its range up to 1 − α, φ at 99% of its range.
    ///
    /// - Parameters:
    ///   - m: the seasonal period of a seasonal form, 1 otherwise.
    static func startingParameters(form: Form, limits: ParameterLimits, bounds: Bounds, m: Int) -> Parameters {
        var alphaLower = limits.alpha.lowerBound, alphaUpper = limits.alpha.upperBound
        var betaLower = limits.beta.lowerBound, betaUpper = limits.beta.upperBound
        var gammaLower = limits.gamma.lowerBound, gammaUpper = limits.gamma.upperBound
        if bounds == .admissible {
            (alphaLower, betaLower, gammaLower) = (0, 0, 0)
            (alphaUpper, betaUpper, gammaUpper) = (1e-3, 1e-3, 1e-3)
        }
        var alpha = alphaLower + 0.2 * (alphaUpper - alphaLower) / Double(m)
        if alpha > 1 || alpha < 0 { alpha = alphaLower + 2e-3 }
        var parameters = Parameters(alpha: alpha)
        if form.trend != .none {
            betaUpper = Swift.min(betaUpper, alpha)
            var beta = betaLower + 0.1 * (betaUpper - betaLower)
            if beta < 0 || beta > alpha { beta = alpha - 1e-3 }
            parameters.beta = beta
        }
        if form.season != .none {
            gammaUpper = Swift.min(gammaUpper, 1 - alpha)
            var gamma = gammaLower + 0.05 * (gammaUpper - gammaLower)
            if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 1e-3 }
            parameters.gamma = gamma
        }
        if form.damped {
            var phi = limits.phi.lowerBound + 0.99 * (limits.phi.upperBound - limits.phi.lowerBound)
            if phi < 0 || phi > 1 { phi = limits.phi.upperBound - 1e-3 }
            parameters.phi = phi
        }
        return parameters
    }

    /// The seasonal indices that seed the initial states, one per series position
    /// (`indices[t % m]`), computed once per series and season type and shared by every
    /// candidate form.
    ///
    /// Classical decomposition (R's `decompose()`: a centred 2×m moving average, position means
    /// of the detrended values, normalised to sum 0 or average 1) when the series covers three
    /// seasons; otherwise regression on a linear trend plus one Fourier pair, as R's
    /// `initstate()` does for short series.
    struct SeasonalSeed: Sendable {
        /// The seasonal component at every time point (`nan` never; length n).
        var seasonal: [Double]
    }

    static func seasonalSeed(values: [Double], m: Int, multiplicative: Bool) -> SeasonalSeed {
        let n = values.count
        if n < 3 * m {
            let (intercept, slope) = fourierTrendFit(values: values, m: m)
            let seasonal = (0..<n).map { t -> Double in
                let trend = intercept + slope * Double(t + 1)
                return multiplicative ? values[t] / trend : values[t] - trend
            }
            return SeasonalSeed(seasonal: seasonal)
        }
        let figure = ClassicalDecomposition.seasonalFigure(values: values, period: m, type: multiplicative ? .multiplicative : .additive)
        return SeasonalSeed(seasonal: (0..<n).map { figure[$0 % m] })
    }

    /// The initial state (ℓ₀, b₀, s₀ ... s_{−m+2}) R's `initstate()` gives `form`: the last
    /// seasonal state is left out (it is implied by the normalisation).
    ///
    /// Seasonal forms start from ``seasonalSeed(values:m:multiplicative:)``; the level and
    /// trend come from a least-squares line through the first max(10, 2m) seasonally adjusted
    /// values (their mean for forms without a trend).
    static func initialState(values: [Double], form: Form, m: Int, seed: SeasonalSeed?) -> [Double] {
        var adjusted = values
        var seasonalStates: [Double] = []
        if form.season != .none, let seed {
            seasonalStates = (1..<m).reversed().map { seed.seasonal[$0] }
            if form.season == .additive {
                for t in adjusted.indices { adjusted[t] -= seed.seasonal[t] }
            } else {
                seasonalStates = seasonalStates.map { Swift.max($0, 1e-2) }
                let total = seasonalStates.reduce(0, +)
                if total > Double(m) {
                    let scale = seasonalStates.reduce(0) { $0 + $1 + 1e-2 }
                    seasonalStates = seasonalStates.map { $0 / scale }
                }
                for t in adjusted.indices { adjusted[t] /= Swift.max(seed.seasonal[t], 1e-2) }
            }
        }
        let effectivePeriod = form.season == .none ? 1 : m
        let count = Swift.min(Swift.max(10, 2 * effectivePeriod), adjusted.count)
        var state: [Double]
        switch form.trend {
        case .none:
            var sum = 0.0, observed = 0
            for value in adjusted[0..<count] where !value.isNaN {
                sum += value
                observed += 1
            }
            state = [sum / Double(observed)]
        case .additive:
            var (level, growth) = straightLine(adjusted[0..<count])
            if abs(level + growth) < 1e-8 {
                level *= 1 + 1e-3
                growth *= 1 - 1e-3
            }
            state = [level, growth]
        case .multiplicative:
            let (intercept, slope) = straightLine(adjusted[0..<count])
            var level = intercept + slope
            if abs(level) < 1e-8 { level = 1e-7 }
            var growth = (intercept + 2 * slope) / level
            level /= growth
            if abs(growth) > 1e10 { growth = growth < 0 ? -1e10 : 1e10 }
            if level < 1e-8 || growth < 1e-8 {
                level = Swift.max(adjusted[0], 1e-3)
                growth = Swift.max(adjusted[1] / adjusted[0], 1e-3)
            }
            state = [level, growth]
        }
        return state + seasonalStates
    }

    /// Least-squares line through `values` against 1, 2, ... (missing values skipped), as
    /// R's `lsfit(1:n, y)`: (intercept, slope).
    static func straightLine(_ values: ArraySlice<Double>) -> (intercept: Double, slope: Double) {
        var sumX = 0.0, sumY = 0.0, count = 0.0
        for (offset, value) in values.enumerated() where !value.isNaN {
            sumX += Double(offset + 1)
            sumY += value
            count += 1
        }
        let meanX = sumX / count, meanY = sumY / count
        var sxy = 0.0, sxx = 0.0
        for (offset, value) in values.enumerated() where !value.isNaN {
            let dx = Double(offset + 1) - meanX
            sxy += dx * (value - meanY)
            sxx += dx * dx
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (meanY - slope * meanX, slope)
    }

    /// Intercept and slope of the regression of `values` on (1, t, sin 2πt/m, cos 2πt/m),
    /// t = 1 ... n (R's `tslm(y ~ trend + fourier(y, 1))`; the sine is dropped when m = 2,
    /// where it vanishes). Missing values are skipped.
    static func fourierTrendFit(values: [Double], m: Int) -> (intercept: Double, slope: Double) {
        var rows: [[Double]] = []
        var response: [Double] = []
        for (index, value) in values.enumerated() where !value.isNaN {
            let t = Double(index + 1)
            let angle = 2 * Double.pi * t / Double(m)
            rows.append(m == 2 ? [1, t, cos(angle)] : [1, t, sin(angle), cos(angle)])
            response.append(value)
        }
        guard let solution = try? LeastSquares.solve(design: Matrix(rowArrays: rows), response: response, method: .svd) else {
            let line = straightLine(values[...])
            return (line.intercept, line.slope)
        }
        return (solution.coefficients[0], solution.coefficients[1])
    }
}
