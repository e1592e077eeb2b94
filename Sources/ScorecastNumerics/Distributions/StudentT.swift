#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution with `degreesOfFreedom` ν > 0: density, distribution and quantile.
///
/// `cdf` evaluates the regularised incomplete beta function by its continued fraction
/// (modified Lentz), `P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½)` for t ≥ 0; `quantile` refines a
/// Cornish–Fisher starting value by Newton steps on `cdf`, kept inside a bisection bracket, to
/// about 1e-13 relative. ν = 1 (Cauchy) and ν = 2 use their closed forms. Used for the
/// mean-method intervals, which R's `forecast::meanf` takes from `qt`.
///
/// References: W. H. Press et al., *Numerical Recipes*, 3rd ed., §6.4 (the incomplete beta
/// continued fraction); G. W. Hill, "Algorithm 396: Student's t-quantiles", CACM 13(10), 1970
/// (the expansion used for the starting value).
public enum StudentT {
    /// The density at `t`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isNaN || nu.isNaN || nu <= 0 { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let tail = 0.5 * regularisedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The `p` quantile: the t with P(T ≤ t) = p. −∞ at 0, +∞ at 1, NaN outside [0, 1].
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        if p.isNaN || nu.isNaN || nu <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu == 1 { return tan(Double.pi * (p - 0.5)) }
        if nu == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        if nu.isInfinite { return Normal.standardQuantile(p) }
        // Work in the lower tail for accuracy, then reflect.
        let lower = min(p, 1 - p)
        let z = Normal.standardQuantile(lower)
        // Cornish–Fisher expansion of t in terms of z (Hill 1970; Abramowitz & Stegun 26.7.5).
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        var t = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
        // The lower-tail quantile is negative: keep a bracket (low, high) with high ≤ 0.
        var low = -Double.infinity, high = 0.0
        for _ in 0..<200 {
            let error = cdf(t, degreesOfFreedom: nu) - lower
            if error > 0 { high = min(high, t) } else { low = max(low, t) }
            var next = t - error / density(t, degreesOfFreedom: nu)
            if !next.isFinite || next <= low || next >= high {
                next = low.isFinite ? (low + high) / 2 : 2 * min(t, -1)
            }
            if abs(next - t) <= 1e-15 * abs(t) { t = next; break }
            t = next
        }
        return p < 0.5 ? t : -t
    }

    /// I_x(a, b), the regularised incomplete beta function, by its continued fraction.
    static func regularisedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a, b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let evenTerm = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + evenTerm * d
            if abs(d) < tiny { d = tiny }
            c = 1 + evenTerm / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddTerm = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + oddTerm * d
            if abs(d) < tiny { d = tiny }
            c = 1 + oddTerm / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
