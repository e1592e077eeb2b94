/// Brent's derivative-free one-dimensional minimiser.
///
/// Golden-section search safeguarded with successive parabolic interpolation, as in R's
/// `optimize` (whose C code follows Brent's ALGOL procedure `localmin`). It finds a local
/// minimum of a function on a closed interval; for a unimodal function that is the minimum.
/// The first point tried is `a + 0.381966 · (b − a)`, as in R, so results agree with
/// `optimize(f, c(a, b), tol = tolerance)` to within the tolerance.
///
/// - Reference: R. P. Brent, *Algorithms for Minimization without Derivatives*,
///   Prentice-Hall (1973), chapter 5.
public enum Brent {
    /// Minimises `objective` on `interval`.
    ///
    /// - Parameters:
    ///   - interval: where to search; the minimum found lies inside it.
    ///   - tolerance: the absolute accuracy wanted in the argument; the method stops when the
    ///     bracketing interval around the best point is within `2 · (√ε · |x| + tolerance / 3)`.
    ///     Default `ε^¼ ≈ 1.22e-4`, R's default.
    ///   - maximumIterations: a safety cap on objective evaluations (R has none).
    ///   - objective: the function to minimise; NaN is treated as `+∞`.
    /// - Complexity: at most `maximumIterations + 1` objective evaluations; for smooth
    ///   functions convergence is superlinear.
    public static func minimize(
        in interval: ClosedRange<Double>,
        tolerance: Double = 1.220703125e-04,
        maximumIterations: Int = 1_000,
        objective: (Double) -> Double
    ) -> ScalarOptimisationResult {
        precondition(tolerance > 0, "Brent's tolerance must be positive")
        func evaluate(_ x: Double) -> Double {
            let value = objective(x)
            return value.isNaN ? .infinity : value
        }
        let goldenSection = (3 - 5.0.squareRoot()) / 2
        let relativeAccuracy = Double.ulpOfOne.squareRoot()

        var a = interval.lowerBound
        var b = interval.upperBound
        // x: best so far; w: second best; v: previous w.
        var x = a + goldenSection * (b - a)
        var w = x
        var v = x
        var fx = evaluate(x)
        var fw = fx
        var fv = fx
        var step = 0.0  // d: the step taken last
        var previousStep = 0.0  // e: the step before last
        let toleranceThird = tolerance / 3
        var iterations = 0
        var converged = false

        while true {
            let midpoint = (a + b) / 2
            let tolerance1 = relativeAccuracy * abs(x) + toleranceThird
            let tolerance2 = 2 * tolerance1
            if abs(x - midpoint) <= tolerance2 - (b - a) / 2 {
                converged = true
                break
            }
            if iterations >= maximumIterations { break }
            iterations += 1

            var p = 0.0
            var q = 0.0
            var r = 0.0
            if abs(previousStep) > tolerance1 {
                // Fit a parabola through x, w and v.
                r = (x - w) * (fx - fv)
                q = (x - v) * (fx - fw)
                p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = previousStep
                previousStep = step
            }
            if abs(p) >= abs(0.5 * q * r) || p <= q * (a - x) || p >= q * (b - x) {
                // Golden-section step into the larger part.
                previousStep = x < midpoint ? b - x : a - x
                step = goldenSection * previousStep
            } else {
                // Parabolic interpolation step, kept away from the ends.
                step = p / q
                let u = x + step
                if u - a < tolerance2 || b - u < tolerance2 {
                    step = x < midpoint ? tolerance1 : -tolerance1
                }
            }
            // Never evaluate closer than tolerance1 to x.
            let u: Double
            if abs(step) >= tolerance1 {
                u = x + step
            } else {
                u = step > 0 ? x + tolerance1 : x - tolerance1
            }
            let fu = evaluate(u)

            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w
                fv = fw
                w = x
                fw = fx
                x = u
                fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w
                    fv = fw
                    w = u
                    fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u
                    fv = fu
                }
            }
        }
        return ScalarOptimisationResult(point: x, value: fx, iterations: iterations, converged: converged)
    }
}
