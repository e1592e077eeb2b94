/// The conditional sum of squares of a seasonal ARIMA model: the one-step errors of the
/// differenced series, those before the conditioning point taken as zero.
///
/// Holds the differenced data and scratch space made once per fit, so that an evaluation
/// allocates nothing. The multiplied-out lag polynomials of a seasonal model are mostly zero
/// (φ(B)Φ(Bᵐ) has nonzero coefficients only at lags i + mj), so the recursion visits only the
/// (p + 1)(P + 1) − 1 and (q + 1)(Q + 1) − 1 lags that can be nonzero: O(n · (pP + p + P +
/// qQ + q + Q)) arithmetic instead of O(n · (p + mP + q + mQ)), the same sums (a skipped term is
/// an exact zero).
struct ARIMAConditionalSumOfSquares {
    let order: ARIMAOrder
    let period: Int
    /// `w_t = y_t − Σ δ_k y_{t−k}`, defined from index `differenceCount` on.
    let differenced: [Double]
    /// d + mD: the first index where `differenced` is defined.
    let differenceCount: Int
    /// d + mD + p + mP: the first index with an error term (R's `ncond`).
    let conditioningCount: Int
    /// `δ(B)` applied to the constant's regressor: 1 for a mean, δ(B)t for a drift (1 with a
    /// regular difference, m with a seasonal one).
    let constantScale: Double
    let constant: ARIMAConstant

    private var autoregressive: [Double]
    private var movingAverage: [Double]
    /// The lags (1-based, increasing) at which `autoregressive` / `movingAverage` can be nonzero.
    private let autoregressiveLags: [Int]
    private let movingAverageLags: [Int]
    /// The coefficients at those lags, gathered at each evaluation.
    private var autoregressiveAtLags: [Double]
    private var movingAverageAtLags: [Double]
    /// Errors, reused between evaluations.
    private(set) var errors: [Double]

    init(values: [Double], order: ARIMAOrder, period: Int, constant: ARIMAConstant) {
        self.order = order
        self.period = period
        self.constant = constant
        let delta = ARIMAPolynomials.differencing(d: order.d, seasonalD: order.seasonalD, period: period)
        differenceCount = delta.count
        conditioningCount = delta.count + order.p + period * order.seasonalP
        var w = [Double](repeating: .nan, count: values.count)
        if delta.count < values.count {
            for t in delta.count..<values.count {
                var value = values[t]
                for (k, coefficient) in zip(1..., delta) { value -= coefficient * values[t - k] }
                w[t] = value
            }
        }
        differenced = w
        switch constant {
        case .none, .mean: constantScale = 1
        case .drift: constantScale = order.d == 1 ? 1 : Double(period)
        }
        autoregressive = [Double](repeating: 0, count: order.p + period * order.seasonalP)
        movingAverage = [Double](repeating: 0, count: order.q + period * order.seasonalQ)
        autoregressiveLags = Self.structuralLags(regular: order.p, seasonal: order.seasonalP, period: period)
        movingAverageLags = Self.structuralLags(regular: order.q, seasonal: order.seasonalQ, period: period)
        autoregressiveAtLags = [Double](repeating: 0, count: autoregressiveLags.count)
        movingAverageAtLags = [Double](repeating: 0, count: movingAverageLags.count)
        errors = [Double](repeating: 0, count: values.count)
    }

    /// The lags i + m·j (0 ≤ i ≤ `regular`, 0 ≤ j ≤ `seasonal`, not both 0) of
    /// `(1 ± Σ aᵢBⁱ)(1 ± Σ sⱼBᵐʲ)`, increasing: the only lags whose multiplied-out coefficient
    /// can be nonzero (``ARIMAPolynomials/fillAutoregressive(_:seasonal:period:into:)``).
    static func structuralLags(regular: Int, seasonal: Int, period: Int) -> [Int] {
        var lags: [Int] = []
        for j in 0...seasonal {
            for i in 0...regular where i + j > 0 { lags.append(i + period * j) }
        }
        return Array(Set(lags)).sorted()
    }

    /// Number of error terms in the sum, n − ncond.
    var errorCount: Int { max(differenced.count - conditioningCount, 0) }

    /// Number of parameters: p + q + P + Q and one for a constant.
    var parameterCount: Int { order.coefficientCount + (constant == .none ? 0 : 1) }

    /// The sum of squared errors at `parameters` (φ₁…φ_p, θ₁…θ_q, Φ₁…Φ_P, Θ₁…Θ_Q, then the
    /// constant, R's order), the errors left in ``errors``.
    mutating func sumOfSquares(_ parameters: [Double]) -> Double {
        let o = order
        let p = o.p, q = o.q, sp = o.seasonalP, sq = o.seasonalQ
        ARIMAPolynomials.fillAutoregressive(parameters[0..<p], seasonal: parameters[(p + q)..<(p + q + sp)], period: period, into: &autoregressive)
        ARIMAPolynomials.fillMovingAverage(
            parameters[p..<(p + q)], seasonal: parameters[(p + q + sp)..<(p + q + sp + sq)], period: period, into: &movingAverage)
        let shift = constant == .none ? 0 : parameters[o.coefficientCount] * constantScale
        for (index, lag) in autoregressiveLags.enumerated() { autoregressiveAtLags[index] = autoregressive[lag - 1] }
        for (index, lag) in movingAverageLags.enumerated() { movingAverageAtLags[index] = movingAverage[lag - 1] }
        let start = conditioningCount
        let n = differenced.count
        var sum = 0.0
        differenced.withUnsafeBufferPointer { w in
            autoregressiveAtLags.withUnsafeBufferPointer { a in
                autoregressiveLags.withUnsafeBufferPointer { aLags in
                    movingAverageAtLags.withUnsafeBufferPointer { b in
                        movingAverageLags.withUnsafeBufferPointer { bLags in
                            errors.withUnsafeMutableBufferPointer { e in
                                for t in 0..<min(start, n) { e[t] = 0 }
                                guard start < n else { return }
                                for t in start..<n {
                                    var value = w[t] - shift
                                    for k in 0..<a.count { value -= a[k] * (w[t - aLags[k]] - shift) }
                                    // Errors before the series are zero: only lags ≤ t count.
                                    for k in 0..<b.count {
                                        let lag = bLags[k]
                                        if lag > t { break }
                                        value -= b[k] * e[t - lag]
                                    }
                                    e[t] = value
                                    sum += value * value
                                }
                            }
                        }
                    }
                }
            }
        }
        return sum
    }
}
