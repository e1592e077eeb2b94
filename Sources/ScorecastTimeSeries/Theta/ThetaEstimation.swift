import ScorecastNumerics

/// Least-squares estimation of the theta models and of simple exponential smoothing.
///
/// Fiorucci et al. (2016) minimise the sum of squared one-step errors over (`ℓ₀`, `α`, `θ`)
/// with Nelder–Mead. Here the loss is minimised exactly in (`ℓ₀`, `θ`) for each `α` (it is a
/// convex quadratic in `ℓ₀` and `1 − 1/θ`, see ``ThetaStateSpace/ErrorQuadratic``), so only
/// `α` is searched: a grid of step 0.01 over its range finds the best basin, and Brent's
/// method polishes it. Each loss evaluation is one O(n) pass; a fit is about 110 passes,
/// and the result is the global minimum up to the grid's resolution of the basins, never a
/// simplex that stalled.
public enum ThetaEstimation {
    /// A fitted parameter set and its loss.
    public struct Estimate: Sendable, Equatable {
        /// The minimising parameters.
        public var parameters: ThetaParameters
        /// The mean of the scored squared one-step errors at those parameters.
        public var meanSquaredError: Double
        /// Number of scored errors.
        public var scoredCount: Int
    }

    /// Estimates `variant` on `values` (deseasonalised, no missing values, at least 3 values).
    ///
    /// - Complexity: O(n · 110).
    public static func fit(_ values: [Double], variant: ThetaVariant, alphaStart: Double? = nil) -> Estimate {
        precondition(values.count >= 3, "A theta model needs at least three values")
        return values.withUnsafeBufferPointer { buffer in
            let line = ThetaStateSpace.trendLine(buffer)
            let fixedWeight: Double? = variant.estimatesTheta ? nil : 0.5
            let weightRange = (1 - 1 / ThetaBounds.thetaLower)...(1 - 1 / ThetaBounds.thetaUpper)
            func solve(_ alpha: Double) -> (loss: Double, level: Double, weight: Double, count: Int) {
                let quadratic = ThetaStateSpace.errorQuadratic(buffer, variant: variant, alpha: alpha, staticLine: line)
                let (level, weight) = quadratic.minimiser(
                    fixedTrendWeight: fixedWeight, trendWeightRange: weightRange, levelBound: ThetaBounds.levelMagnitude)
                return (Swift.max(0, quadratic.sumOfSquares(initialLevel: level, trendWeight: weight)), level, weight, quadratic.count)
            }
            let alpha = searchAlpha(in: ThetaBounds.alphaLower...ThetaBounds.alphaUpper, gridStep: 0.01, localFrom: alphaStart) { solve($0).loss }
            let best = solve(alpha)
            let parameters = ThetaParameters(initialLevel: best.level, alpha: alpha, theta: 1 / (1 - best.weight))
            return Estimate(parameters: parameters, meanSquaredError: best.loss / Double(Swift.max(1, best.count)), scoredCount: best.count)
        }
    }

    /// Simple exponential smoothing `ETS(A,N,N)` fitted by least squares of the one-step
    /// errors over `ℓ₀` and `α ∈ [10⁻⁴, 0.9999]`: what R's `ses()` (`ets(x, "ANN",
    /// opt.crit = "mse")`) estimates, minimised exactly in `ℓ₀` and searched in `α`.
    ///
    /// SES is the theta model with `θ = 1` and no trend line, so the same error quadratic serves.
    ///
    /// R starts its simplex at `α = 0.2` and stops in the first basin it finds. With
    /// `localFromRStart` the search does the same (downhill from 0.2 along the profiled loss),
    /// which is what reproducing `thetaf` needs; otherwise it finds the global minimum.
    ///
    /// - Returns: `α`, `ℓ₀` and the sum of squared one-step errors.
    public static func simpleExponentialSmoothing(_ values: [Double], localFromRStart: Bool = false) -> (
        alpha: Double, initialLevel: Double, sumOfSquares: Double
    ) {
        precondition(!values.isEmpty, "SES needs at least one value")
        return values.withUnsafeBufferPointer { buffer in
            func solve(_ alpha: Double) -> (loss: Double, level: Double) {
                let quadratic = ThetaStateSpace.errorQuadratic(buffer, variant: .standard, alpha: alpha, staticLine: (0, 0))
                let (level, _) = quadratic.minimiser(fixedTrendWeight: 0, trendWeightRange: 0...0, levelBound: .greatestFiniteMagnitude)
                return (Swift.max(0, quadratic.sumOfSquares(initialLevel: level, trendWeight: 0)), level)
            }
            // R's ets: α₀ = lower + 0.2 (upper − lower) for a non-seasonal model.
            let start: Double? = localFromRStart ? 1e-4 + 0.2 * (0.9999 - 1e-4) : nil
            let alpha = searchAlpha(in: 1e-4...0.9999, gridStep: 0.01, localFrom: start) { solve($0).loss }
            let best = solve(alpha)
            return (alpha, best.level, best.loss)
        }
    }

    /// Minimises a one-dimensional loss on `range`: the best point of a grid with spacing
    /// `gridStep` picks the basin, Brent's method refines within the neighbouring grid cells.
    /// With `localFrom`, the basin is instead the first one reached walking downhill along the
    /// grid from the grid point nearest that value (a local search, as a simplex started there).
    static func searchAlpha(in range: ClosedRange<Double>, gridStep: Double, localFrom start: Double? = nil, loss: (Double) -> Double) -> Double {
        let cells = Swift.max(2, Int(((range.upperBound - range.lowerBound) / gridStep).rounded(.up)))
        let spacing = (range.upperBound - range.lowerBound) / Double(cells)
        func point(_ index: Int) -> Double { range.lowerBound + Double(index) * spacing }
        var bestIndex = 0
        var bestLoss = Double.infinity
        if let start {
            bestIndex = Swift.min(cells, Swift.max(0, Int(((start - range.lowerBound) / spacing).rounded())))
            bestLoss = loss(point(bestIndex))
            for direction in [-1, 1] {
                var moved = false
                while (0...cells).contains(bestIndex + direction) {
                    let next = loss(point(bestIndex + direction))
                    guard next < bestLoss else { break }
                    bestLoss = next
                    bestIndex += direction
                    moved = true
                }
                if moved { break }
            }
        } else {
            for index in 0...cells {
                let value = loss(point(index))
                if value < bestLoss {
                    bestLoss = value
                    bestIndex = index
                }
            }
        }
        let lower = point(Swift.max(0, bestIndex - 1))
        let upper = Swift.min(range.upperBound, point(Swift.min(cells, bestIndex + 1)))
        let refined = Brent.minimize(in: lower...upper, tolerance: 1e-9, objective: loss)
        return refined.value <= bestLoss ? refined.point : point(bestIndex)
    }
}
