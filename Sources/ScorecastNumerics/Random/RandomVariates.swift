#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws from the standard distributions, using any injected generator.
///
/// Every simulation in Scorecast (model prediction intervals, Monte Carlo demand paths,
/// recovery studies) draws through these functions with a generator passed `inout`, so a
/// seeded ``Xoshiro256StarStar`` reproduces the whole run. Each sampler is exact (no
/// normal approximations to discrete distributions).
///
/// References: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma
/// variables", ACM TOMS 26(3), 2000 (gamma); W. Hörmann, "The transformed rejection method
/// for generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993
/// (PTRS) and "The generation of binomial random variates", J. Statist. Comput. Simul. 46,
/// 1993 (BTRS); L. Devroye, *Non-Uniform Random Variate Generation*, 1986 (inversion by
/// sequential search for small means).
public enum RandomVariates {
    /// A uniform draw from the open interval (0, 1): never exactly 0 or 1.
    @inlinable
    public static func openUniform(using generator: inout some RandomNumberGenerator) -> Double {
        // 53 random bits, shifted by half a unit so that neither end is reachable.
        (Double(generator.next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal draw (Marsaglia's polar method; one of the pair is discarded so the
    /// function stays stateless).
    @inlinable
    public static func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let u = 2 * openUniform(using: &generator) - 1
            let v = 2 * openUniform(using: &generator) - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// A normal draw with the given mean and standard deviation.
    @inlinable
    public static func normal(mean: Double, standardDeviation: Double, using generator: inout some RandomNumberGenerator) -> Double {
        mean + standardDeviation * standardNormal(using: &generator)
    }

    /// A gamma draw with the given shape (> 0) and scale (> 0), by Marsaglia and Tsang.
    ///
    /// Shapes below 1 use the boost `Gamma(a) = Gamma(a + 1) · U^(1/a)`.
    public static func gamma(shape: Double, scale: Double = 1, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs a positive shape and scale")
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, scale: scale, using: &generator)
            return boosted * pow(openUniform(using: &generator), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = openUniform(using: &generator)
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// A Poisson draw with the given mean (≥ 0).
    ///
    /// Means below 10 use inversion by sequential search; larger means use Hörmann's PTRS.
    /// A mean of 0 gives 0; a NaN or infinite mean is a programmer error.
    public static func poisson(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(mean >= 0 && mean.isFinite, "poisson needs a finite, non-negative mean")
        if mean == 0 { return 0 }
        if mean < 10 {
            var count = 0
            var probability = exp(-mean)
            var cumulative = probability
            let u = openUniform(using: &generator)
            while u > cumulative {
                count += 1
                probability *= mean / Double(count)
                cumulative += probability
                if probability == 0 && cumulative < u { break }  // u beyond the last representable mass
            }
            return count
        }
        let logMean = log(mean)
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vR = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = openUniform(using: &generator) - 0.5
            let v = openUniform(using: &generator)
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + mean + 0.43)
            if us >= 0.07 && v <= vR { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    /// A negative binomial draw with the given mean and size (the `theta` of MASS::glm.nb):
    /// variance `mean + mean² / size`. Drawn as a gamma–Poisson mixture.
    public static func negativeBinomial(mean: Double, size: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(mean >= 0 && size > 0, "negative binomial needs mean ≥ 0 and size > 0")
        if mean == 0 { return 0 }
        let rate = gamma(shape: size, scale: mean / size, using: &generator)
        return poisson(mean: rate, using: &generator)
    }

    /// A binomial draw: successes in `trials` independent trials of `probability`.
    ///
    /// Uses the symmetry `B(n, p) = n − B(n, 1 − p)` to keep p ≤ ½, inversion when
    /// `n·p < 10`, and Hörmann's BTRS otherwise.
    public static func binomial(trials: Int, probability: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(trials >= 0 && probability >= 0 && probability <= 1, "binomial needs trials ≥ 0 and p in [0, 1]")
        if trials == 0 || probability == 0 { return 0 }
        if probability == 1 { return trials }
        if probability > 0.5 {
            return trials - binomial(trials: trials, probability: 1 - probability, using: &generator)
        }
        let n = Double(trials)
        let p = probability
        if n * p < 10 {
            let q = 1 - p
            let ratio = p / q
            var probabilityOfK = pow(q, n)
            var cumulative = probabilityOfK
            let u = openUniform(using: &generator)
            var k = 0
            while u > cumulative && k < trials {
                probabilityOfK *= ratio * Double(trials - k) / Double(k + 1)
                k += 1
                cumulative += probabilityOfK
            }
            return k
        }
        let spq = (n * p * (1 - p)).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = n * p + 0.5
        let vR = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spq
        let lpq = log(p / (1 - p))
        let m = floor((n + 1) * p)
        let h = lgamma(m + 1) + lgamma(n - m + 1)
        while true {
            let u = openUniform(using: &generator) - 0.5
            let v = openUniform(using: &generator)
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + c)
            if k < 0 || k > n { continue }
            if us >= 0.07 && v <= vR { return Int(k) }
            let logV = log(v * alpha / (a / (us * us) + b))
            if logV <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq { return Int(k) }
        }
    }
}
