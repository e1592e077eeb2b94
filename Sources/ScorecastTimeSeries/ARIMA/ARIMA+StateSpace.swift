/// The state-space form of a seasonal ARIMA model that R's `arima` filters and forecasts
/// with: Harvey's ARMA state for the differenced series, followed by the last d + mD values of
/// the series itself, so that the differencing is undone inside the filter.
///
/// With r = max(p′, q′ + 1) (p′ = p + mP, q′ = q + mQ) and δ the differencing coefficients:
/// the observation is `y_t = Z α_t` with `Z = (1, 0, …, 0, δ₁, …, δ_dd)`; the transition puts
/// φ* in the first column and ones above the diagonal of the ARMA block, Z in row r and a
/// shift below it; the disturbance enters through `(1, θ*₁, …, θ*_{r−1}, 0, …)`. The ARMA block
/// starts at its stationary covariance, the differencing states at a diffuse variance 10⁶
/// (R's `kappa`).
///
/// Every product with the transition uses its sparsity: O((r + dd)²) work per filter step.
///
/// - References: A. C. Harvey, *Forecasting, Structural Time Series Models and the Kalman
///   Filter* (1989), §3.4; G. Gardner, A. C. Harvey and G. D. A. Phillips (1980), "Algorithm AS
///   154", Applied Statistics 29, 311–322; R's `makeARIMA`, `KalmanForecast`.
struct ARIMAStateSpace {
    let autoregressive: [Double]
    let movingAverage: [Double]
    let differencing: [Double]
    /// Size of the ARMA block, max(p′, q′ + 1).
    let armaSize: Int
    /// Size of the state, r + dd.
    var size: Int { armaSize + differencing.count }

    static let diffuseVariance = 1e6

    init(autoregressive: [Double], movingAverage: [Double], differencing: [Double]) {
        self.autoregressive = autoregressive
        self.movingAverage = movingAverage
        self.differencing = differencing
        armaSize = max(autoregressive.count, movingAverage.count + 1)
    }

    /// `out = T v`.
    func transition(_ v: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        let r = armaSize
        for i in 0..<r {
            var value = i < autoregressive.count ? autoregressive[i] * v[0] : 0
            if i + 1 < r { value += v[i + 1] }
            out[i] = value
        }
        if !differencing.isEmpty {
            var value = v[0]
            for (k, coefficient) in differencing.enumerated() { value += coefficient * v[r + k] }
            out[r] = value
            for k in 1..<differencing.count { out[r + k] = v[r + k - 1] }
        }
    }

    /// `Z v`.
    func observe(_ v: UnsafeBufferPointer<Double>) -> Double {
        var value = v[0]
        for (k, coefficient) in differencing.enumerated() { value += coefficient * v[armaSize + k] }
        return value
    }

    /// The disturbance loading R: 1, θ*₁ … θ*_{r−1}, then zeros.
    func loading(_ index: Int) -> Double {
        index == 0 ? 1 : (index < armaSize && index - 1 < movingAverage.count ? movingAverage[index - 1] : 0)
    }

    /// `P ← T P Tᵀ + R Rᵀ` for a dense row-major `P` of side `size`, using `work` (same size).
    func propagate(_ covariance: inout [Double], work: inout [Double], column: inout [Double], result: inout [Double]) {
        let n = size
        covariance.withUnsafeMutableBufferPointer { p in
            work.withUnsafeMutableBufferPointer { w in
                column.withUnsafeMutableBufferPointer { c in
                    result.withUnsafeMutableBufferPointer { out in
                        // w = T P (apply T to every column of P).
                        for j in 0..<n {
                            for i in 0..<n { c[i] = p[i * n + j] }
                            transition(UnsafeBufferPointer(c), into: out)
                            for i in 0..<n { w[i * n + j] = out[i] }
                        }
                        // P = (T (T P)ᵀ)ᵀ = T P Tᵀ: apply T to every row of w.
                        for i in 0..<n {
                            for j in 0..<n { c[j] = w[i * n + j] }
                            transition(UnsafeBufferPointer(c), into: out)
                            for j in 0..<n { p[i * n + j] = out[j] }
                        }
                        for i in 0..<armaSize {
                            let li = loading(i)
                            guard li != 0 else { continue }
                            for j in 0..<armaSize { p[i * n + j] += li * loading(j) }
                        }
                    }
                }
            }
        }
    }

    /// The stationary covariance of the ARMA block (unit innovation variance), the solution of
    /// `Q = T_r Q T_rᵀ + R Rᵀ`, by the doubling algorithm `Q ← Q + A Q Aᵀ`, `A ← A²`; `nil` when
    /// it does not converge (an AR part outside the stationary region).
    ///
    /// Complexity: O(r³) per doubling, O(r³ log(1 / (1 − ρ))) in all for spectral radius ρ.
    func stationaryCovariance() -> [Double]? {
        let r = armaSize
        var q = [Double](repeating: 0, count: r * r)
        var a = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            for j in 0..<r { q[i * r + j] = loading(i) * loading(j) }
            if i < autoregressive.count { a[i * r] = autoregressive[i] }
            if i + 1 < r { a[i * r + i + 1] = 1 }
        }
        var product = [Double](repeating: 0, count: r * r)
        var increment = [Double](repeating: 0, count: r * r)
        func multiply(_ x: [Double], _ y: [Double], transposeSecond: Bool, into z: inout [Double]) {
            for i in 0..<r {
                for j in 0..<r {
                    var sum = 0.0
                    for k in 0..<r { sum += x[i * r + k] * (transposeSecond ? y[j * r + k] : y[k * r + j]) }
                    z[i * r + j] = sum
                }
            }
        }
        for _ in 0..<64 {
            multiply(a, q, transposeSecond: false, into: &product)
            multiply(product, a, transposeSecond: true, into: &increment)
            var largest = 0.0, scale = 0.0
            for index in 0..<(r * r) {
                q[index] += increment[index]
                largest = max(largest, abs(increment[index]))
                scale = max(scale, abs(q[index]))
            }
            guard largest.isFinite, scale.isFinite, scale < 1e12 else { return nil }
            if largest <= 1e-14 * scale { return q }
            multiply(a, a, transposeSecond: false, into: &product)
            swap(&a, &product)
        }
        return nil
    }

    /// `out = P Zᵀ` for a dense row-major `P` of side `size` (symmetric, so also `(Z P)ᵀ`).
    func covarianceTimesObservation(_ covariance: [Double], into out: inout [Double]) {
        let n = size, r = armaSize
        for i in 0..<n {
            var sum = covariance[i * n]
            for (k, coefficient) in differencing.enumerated() { sum += covariance[i * n + r + k] * coefficient }
            out[i] = sum
        }
    }

    /// Runs the Kalman filter over `y` (missing values skipped) from the stationary / diffuse
    /// start, returning the filtered state and covariance after the last observation.
    ///
    /// - Complexity: O(n (r + dd)²).
    func filter(_ y: [Double]) -> (state: [Double], covariance: [Double]) {
        let n = size, r = armaSize
        var state = [Double](repeating: 0, count: n)
        var covariance = [Double](repeating: 0, count: n * n)
        if let stationary = stationaryCovariance() {
            for i in 0..<r { for j in 0..<r { covariance[i * n + j] = stationary[i * r + j] } }
        } else {
            for i in 0..<r { covariance[i * n + i] = Self.diffuseVariance }
        }
        for i in r..<n { covariance[i * n + i] = Self.diffuseVariance }
        var predicted = state
        var gain = [Double](repeating: 0, count: n)
        var work = covariance, column = state, result = state
        for (t, value) in y.enumerated() {
            predicted.withUnsafeMutableBufferPointer { out in
                state.withUnsafeBufferPointer { transition($0, into: out) }
            }
            if t > 0 { propagate(&covariance, work: &work, column: &column, result: &result) }
            guard !value.isNaN else {
                state = predicted
                continue
            }
            let innovation = value - predicted.withUnsafeBufferPointer { observe($0) }
            // M = P Zᵀ, F = Z M.
            covarianceTimesObservation(covariance, into: &gain)
            let variance = gain.withUnsafeBufferPointer { observe($0) }
            guard variance > 0 else {
                state = predicted
                continue
            }
            for i in 0..<n { state[i] = predicted[i] + gain[i] * innovation / variance }
            for i in 0..<n {
                let gi = gain[i] / variance
                for j in 0..<n { covariance[i * n + j] -= gi * gain[j] }
            }
        }
        return (state, covariance)
    }

    /// Forecast means and variances (per unit innovation variance) for `horizon` steps from a
    /// filtered state.
    func forecast(horizon: Int, state: [Double], covariance: [Double]) -> (mean: [Double], variance: [Double]) {
        let n = size
        var state = state, covariance = covariance
        var next = state
        var work = covariance, column = state, result = state
        var means: [Double] = [], variances: [Double] = []
        var loading = [Double](repeating: 0, count: n)
        for _ in 0..<horizon {
            next.withUnsafeMutableBufferPointer { out in state.withUnsafeBufferPointer { transition($0, into: out) } }
            swap(&state, &next)
            propagate(&covariance, work: &work, column: &column, result: &result)
            means.append(state.withUnsafeBufferPointer { observe($0) })
            covarianceTimesObservation(covariance, into: &loading)
            variances.append(loading.withUnsafeBufferPointer { observe($0) })  // Z P Zᵀ
        }
        return (means, variances)
    }
}
