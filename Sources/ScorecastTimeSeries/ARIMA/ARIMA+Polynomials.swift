import ScorecastNumerics

/// Lag polynomials of seasonal ARIMA models: multiplying out the seasonal parts, the
/// differencing operator, ψ-weights and the unit-circle check.
enum ARIMAPolynomials {
    /// The coefficients φ*₁…φ*ₖ of `φ(B) Φ(Bᵐ) = 1 − Σ φ*_k Bᵏ` (R's sign convention:
    /// `y_t = Σ φ*_k y_{t−k} + …`).
    static func autoregressive(_ phi: ArraySlice<Double>, seasonal: ArraySlice<Double>, period: Int) -> [Double] {
        let degree = phi.count + period * seasonal.count
        var result = [Double](repeating: 0, count: degree)
        fillAutoregressive(phi, seasonal: seasonal, period: period, into: &result)
        return result
    }

    /// ``autoregressive(_:seasonal:period:)`` into `result` (length p + mP), allocating nothing.
    @inline(__always)
    static func fillAutoregressive(_ phi: ArraySlice<Double>, seasonal: ArraySlice<Double>, period: Int, into result: inout [Double]) {
        fillSeasonalProduct(phi, seasonal: seasonal, period: period, crossSign: -1, into: &result)
    }

    /// The coefficients θ*₁…θ*ₖ of `θ(B) Θ(Bᵐ) = 1 + Σ θ*_k Bᵏ`.
    static func movingAverage(_ theta: ArraySlice<Double>, seasonal: ArraySlice<Double>, period: Int) -> [Double] {
        var result = [Double](repeating: 0, count: theta.count + period * seasonal.count)
        fillMovingAverage(theta, seasonal: seasonal, period: period, into: &result)
        return result
    }

    /// ``movingAverage(_:seasonal:period:)`` into `result` (length q + mQ), allocating nothing.
    @inline(__always)
    static func fillMovingAverage(_ theta: ArraySlice<Double>, seasonal: ArraySlice<Double>, period: Int, into result: inout [Double]) {
        fillSeasonalProduct(theta, seasonal: seasonal, period: period, crossSign: 1, into: &result)
    }

    /// The tail coefficients of `(1 ± Σ a_i Bⁱ)(1 ± Σ s_j Bᵐʲ)`, written in the same sign
    /// convention as the factors: `a_i` at lag i, `s_j` at lag mj and `crossSign · a_i s_j` at
    /// lag mj + i (−1 for autoregressive factors `1 − …`, +1 for moving-average ones `1 + …`).
    @inline(__always)
    private static func fillSeasonalProduct(
        _ main: ArraySlice<Double>, seasonal: ArraySlice<Double>, period: Int, crossSign: Double,
        into result: inout [Double]
    ) {
        for index in result.indices { result[index] = 0 }
        for (i, value) in zip(1..., main) { result[i - 1] += value }
        for (j, seasonalValue) in zip(1..., seasonal) {
            result[period * j - 1] += seasonalValue
            for (i, value) in zip(1..., main) { result[period * j + i - 1] += crossSign * value * seasonalValue }
        }
    }

    /// The coefficients δ₁…δₖ of the differencing operator `(1 − B)ᵈ (1 − Bᵐ)ᴰ = 1 − Σ δ_k Bᵏ`,
    /// so that the differenced series is `w_t = y_t − Σ δ_k y_{t−k}`.
    static func differencing(d: Int, seasonalD: Int, period: Int) -> [Double] {
        var polynomial = [1.0]  // increasing powers of B
        func multiply(byOneMinusPower power: Int) {
            var product = [Double](repeating: 0, count: polynomial.count + power)
            for (index, value) in polynomial.enumerated() {
                product[index] += value
                product[index + power] -= value
            }
            polynomial = product
        }
        for _ in 0..<d { multiply(byOneMinusPower: 1) }
        for _ in 0..<seasonalD { multiply(byOneMinusPower: period) }
        return polynomial.dropFirst().map { -$0 }
    }

    /// The first `count` ψ-weights of `y_t = Σ a_k y_{t−k} + ε_t + Σ b_k ε_{t−k}`:
    /// ψ₀ = 1, ψ_j = b_j + Σ_{k=1}^{min(j, p)} a_k ψ_{j−k}.
    static func psiWeights(autoregressive a: [Double], movingAverage b: [Double], count: Int) -> [Double] {
        var psi = [Double](repeating: 0, count: count)
        guard count > 0 else { return psi }
        psi[0] = 1
        for j in 1..<max(count, 1) {
            var value = j <= b.count ? b[j - 1] : 0
            if !a.isEmpty {
                for k in 1...min(j, a.count) { value += a[k - 1] * psi[j - k] }
            }
            psi[j] = value
        }
        return psi
    }

    /// The c's of `(1 − Σ a_k Bᵏ)(1 − Σ b_k Bᵏ) = 1 − Σ c_k Bᵏ`.
    static func multiplyAutoregressive(_ a: [Double], _ b: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: a.count + b.count)
        for (i, value) in a.enumerated() { result[i] += value }
        for (j, value) in b.enumerated() {
            result[j] += value
            for (i, other) in a.enumerated() { result[i + j + 1] -= other * value }
        }
        return result
    }

    /// The smallest modulus of the roots of `1 + sign · Σ c_k zᵏ` (trailing coefficients of
    /// magnitude ≤ 1e-8 dropped, as R's forecast package does); `.infinity` when no
    /// coefficient remains. A stationary and invertible model has every root outside the unit
    /// circle.
    static func smallestRootModulus(_ coefficients: [Double], sign: Double) -> Double {
        guard let last = coefficients.lastIndex(where: { abs($0) > 1e-8 }) else { return .infinity }
        let polynomial = [1.0] + coefficients[...last].map { sign * $0 }
        let roots = PolynomialRoots.roots(increasingCoefficients: polynomial)
        return roots.map(\.modulus).min() ?? .infinity
    }
}
