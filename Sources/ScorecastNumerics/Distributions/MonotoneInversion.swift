/// Safeguarded Newton–Halley inversion of a continuous, increasing distribution function.
///
/// The caller supplies, at a point x, the residual `F(x) − p` (computed from whichever tail
/// is more accurate), the density `F′(x)` and the ratio `F″(x)/F′(x)`. The root is kept in a
/// bracket `[lower, upper]` that shrinks with every evaluation; a step that leaves the bracket
/// (or a zero density) falls back to bisection, so the iteration always converges, and Halley's
/// correction makes it cubic near the root.
///
/// Reference: W. H. Press et al., *Numerical Recipes*, 3rd ed., §9.4 (Newton with bracketing)
/// and §6.4 (Halley steps for the incomplete gamma and beta inverses).
@usableFromInline
struct MonotoneInversion {
    /// One evaluation at x: residual F(x) − p, density F′(x) and F″(x)/F′(x).
    @usableFromInline
    typealias Evaluation = (residual: Double, density: Double, curvature: Double)

    /// Solves F(x) = p on (lower, upper) from `start`; `upper` may be +∞.
    @usableFromInline
    static func solve(
        start: Double, lower: Double, upper: Double,
        evaluate: (Double) -> Evaluation
    ) -> Double {
        var lowerBound = lower
        var upperBound = upper
        var x = start
        if !(x > lowerBound && x < upperBound) {
            x = upperBound.isFinite ? 0.5 * (lowerBound + upperBound) : max(1, 2 * lowerBound)
        }
        for _ in 0..<400 {
            let (residual, density, curvature) = evaluate(x)
            if residual == 0 { return x }
            if residual < 0 { lowerBound = x } else { upperBound = x }
            var next = Double.nan
            if density > 0 && density.isFinite {
                let newton = residual / density
                let halley = 1 - 0.5 * newton * curvature
                let step = (halley > 0.5 && halley < 2) ? newton / halley : newton
                next = x - step
            }
            if !(next > lowerBound && next < upperBound) {
                next = upperBound.isFinite ? 0.5 * (lowerBound + upperBound) : 2 * max(x, 1)
            }
            if abs(next - x) <= 2 * Double.ulpOfOne * abs(x) || next == lowerBound || next == upperBound {
                return next
            }
            if upperBound.isFinite && (upperBound - lowerBound) <= 2 * Double.ulpOfOne * abs(upperBound) {
                return 0.5 * (lowerBound + upperBound)
            }
            x = next
        }
        return x
    }
}
