#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SpecialFunctions {
    /// ψ(x) = d/dx log Γ(x), the digamma function, for x > 0 (NaN for x ≤ 0).
    ///
    /// Shifts the argument up by ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then sums the
    /// asymptotic (Stirling) series in Bernoulli numbers to the x⁻¹⁴ term; the truncation
    /// error is below 1e-16 relative.
    ///
    /// Reference: M. Abramowitz and I. A. Stegun, *Handbook of Mathematical Functions* (1964),
    /// 6.3.5 and 6.3.18; J. M. Bernardo, "Algorithm AS 103: Psi (digamma) function",
    /// Applied Statistics 25 (1976).
    public static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var value = 0.0
        var shifted = x
        while shifted < 10 {
            value -= 1 / shifted
            shifted += 1
        }
        let s = 1 / (shifted * shifted)
        // Σ B₂ₖ / (2k x²ᵏ): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12
        let series =
            s
            * (1.0 / 12 - s
                * (1.0 / 120 - s
                    * (1.0 / 252 - s
                        * (1.0 / 240
                            - s * (1.0 / 132 - s * (691.0 / 32760 - s / 12))))))
        return value + log(shifted) - 0.5 / shifted - series
    }

    /// ψ′(x), the trigamma function, for x > 0 (NaN for x ≤ 0).
    ///
    /// ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ to the x⁻¹⁵
    /// term (Abramowitz and Stegun 6.4.6 and 6.4.12).
    public static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var value = 0.0
        var shifted = x
        while shifted < 10 {
            value += 1 / (shifted * shifted)
            shifted += 1
        }
        let inverse = 1 / shifted
        let s = inverse * inverse
        // B₂ₖ: 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6
        let series =
            inverse * s
            * (1.0 / 6 - s
                * (1.0 / 30 - s
                    * (1.0 / 42 - s
                        * (1.0 / 30
                            - s * (5.0 / 66 - s * (691.0 / 2730 - s * 7.0 / 6))))))
        return value + inverse + 0.5 * s + series
    }
}
