/// Quasi-Newton (BFGS) minimisation with numerical gradients, as R's `optim(method = "BFGS")`.
///
/// The variable-metric method of Nash's Algorithm 21 (the `vmmin` routine R uses): a BFGS
/// update of an approximate inverse Hessian `B`, a backtracking line search along `−B∇f` that
/// accepts the first step meeting the Armijo condition (`f ≤ f₀ + 10⁻⁴ · step · ∇fᵀd`, step
/// shrunk by 0.2), and a restart from `B = I` whenever the search direction is not downhill or
/// the update would lose positive definiteness. Gradients are central differences with an
/// absolute step (R's `ndeps`, default `10⁻³`).
///
/// The problem is unconstrained; use ``NelderMead`` for box constraints. The inner loop
/// allocates nothing: every vector and the `n × n` metric are made once per call, and the
/// objective receives the same trial array each time (do not keep it beyond the call).
///
/// - References: J. C. Nash, *Compact Numerical Methods for Computers*, 2nd ed., Adam Hilger
///   (1990), Algorithm 21; J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed.
///   (2006), §6.1.
public struct BFGS: Sendable {
    /// Tuning options; the defaults are R's `optim` defaults for BFGS.
    public struct Options: Sendable, Equatable {
        /// Stop when the value falls to this (R `abstol`; default `-∞`, never).
        public var absoluteTolerance: Double = -.infinity
        /// Stop when a step improves the value by no more than
        /// `relativeTolerance · (|f| + relativeTolerance)` (R `reltol`, default `√ε`).
        public var relativeTolerance: Double = 1.4901161193847656e-08
        /// Cap on iterations, i.e. gradient evaluations (R `maxit`, default 100).
        public var maximumIterations: Int = 100
        /// Absolute step `h` of the central differences `(f(x + h eᵢ) − f(x − h eᵢ)) / 2h`
        /// (R `ndeps`, default `10⁻³`).
        public var gradientStep: Double = 1e-3

        public init() {}
    }

    /// The options this optimiser runs with.
    public var options: Options

    /// An optimiser with the given options.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Minimises `objective` from `start`.
    ///
    /// - Parameter objective: the function to minimise; a non-finite value makes the line
    ///   search step back, as in R.
    /// - Returns: the best point found; `converged` is false when the iteration cap stopped it.
    /// - Complexity: `O(n²)` work per iteration besides `2n` objective evaluations for the
    ///   gradient and one or more for the line search.
    public func minimize(start: [Double], objective: ([Double]) -> Double) -> OptimisationResult {
        let n = start.count
        precondition(n > 0, "BFGS needs at least one coordinate")
        let stepReduction = 0.2
        let acceptanceTolerance = 1e-4
        let relativeTest = 10.0

        var point = start  // b
        var previousPoint = start  // X
        var gradient = [Double](repeating: 0, count: n)  // g
        var previousGradient = [Double](repeating: 0, count: n)  // c
        var direction = [Double](repeating: 0, count: n)  // t
        var metricTimesChange = [Double](repeating: 0, count: n)  // X in Nash's notation, reused
        var metric = [Double](repeating: 0, count: n * n)  // B, symmetric
        var trial = start
        var evaluations = 0

        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            return objective(x)
        }
        func computeGradient(at x: [Double], into g: inout [Double]) {
            let h = options.gradientStep
            for i in 0..<n { trial[i] = x[i] }
            for i in 0..<n {
                trial[i] = x[i] + h
                let above = evaluate(trial)
                trial[i] = x[i] - h
                let below = evaluate(trial)
                trial[i] = x[i]
                g[i] = (above - below) / (2 * h)
            }
        }

        var value = evaluate(point)
        guard value.isFinite else {
            return OptimisationResult(point: point, value: value, iterations: 0, evaluations: evaluations, converged: false)
        }
        var best = value
        computeGradient(at: point, into: &gradient)
        var iterations = 1
        var gradientCount = 1
        var lastReset = gradientCount
        var converged = false

        while true {
            if lastReset == gradientCount {
                for i in 0..<(n * n) { metric[i] = 0 }
                for i in 0..<n { metric[i * n + i] = 1 }
            }
            for i in 0..<n {
                previousPoint[i] = point[i]
                previousGradient[i] = gradient[i]
            }
            var slope = 0.0
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s -= metric[i * n + j] * gradient[j] }
                direction[i] = s
                slope += s * gradient[i]
            }

            var unchanged = 0
            if slope < 0 {
                var step = 1.0
                var accepted = false
                repeat {
                    unchanged = 0
                    for i in 0..<n {
                        point[i] = previousPoint[i] + step * direction[i]
                        if relativeTest + previousPoint[i] == relativeTest + point[i] { unchanged += 1 }
                    }
                    if unchanged < n {
                        value = evaluate(point)
                        accepted = value.isFinite && value <= best + slope * step * acceptanceTolerance
                        if !accepted { step *= stepReduction }
                    }
                } while !(unchanged == n || accepted)
                let improving =
                    value > options.absoluteTolerance
                    && abs(value - best) > options.relativeTolerance * (abs(best) + options.relativeTolerance)
                if !improving {
                    unchanged = n
                    if accepted { best = value } else { for i in 0..<n { point[i] = previousPoint[i] } }
                }
                if unchanged < n {
                    best = value
                    computeGradient(at: point, into: &gradient)
                    gradientCount += 1
                    iterations += 1
                    // BFGS update of the inverse Hessian with s = step·d and y = ∇f₊ − ∇f.
                    var curvature = 0.0
                    for i in 0..<n {
                        direction[i] *= step
                        previousGradient[i] = gradient[i] - previousGradient[i]
                        curvature += direction[i] * previousGradient[i]
                    }
                    if curvature > 0 {
                        var quadratic = 0.0
                        for i in 0..<n {
                            var s = 0.0
                            for j in 0..<n { s += metric[i * n + j] * previousGradient[j] }
                            metricTimesChange[i] = s
                            quadratic += previousGradient[i] * s
                        }
                        let factor = 1 + quadratic / curvature
                        for i in 0..<n {
                            for j in 0..<n {
                                metric[i * n + j] +=
                                    (factor * direction[i] * direction[j]
                                        - metricTimesChange[i] * direction[j] - direction[i] * metricTimesChange[j]) / curvature
                            }
                        }
                    } else {
                        lastReset = gradientCount
                    }
                } else if lastReset < gradientCount {
                    unchanged = 0
                    lastReset = gradientCount
                }
            } else {
                unchanged = 0
                if lastReset == gradientCount { unchanged = n } else { lastReset = gradientCount }
            }
            if unchanged == n && lastReset == gradientCount {
                converged = true
                break
            }
            if iterations >= options.maximumIterations { break }
            if gradientCount - lastReset > 2 * n { lastReset = gradientCount }
        }
        return OptimisationResult(point: point, value: best, iterations: iterations, evaluations: evaluations, converged: converged)
    }
}
