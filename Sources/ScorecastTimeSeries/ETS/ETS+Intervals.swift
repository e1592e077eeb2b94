import ScorecastCore
import ScorecastNumerics

extension FittedETS {
    /// The state vector in R's order (ℓ, b, s₁ ... s_m), most recent season first.
    private var finalStateVector: [Double] {
        [finalState.level] + (form.trend == .none ? [] : [finalState.trend]) + (form.season == .none ? [] : finalState.seasonal)
    }

    /// x ↦ F x for the linear state transition of classes 1 and 2 (level, damped growth, season rotation).
    private func transition(_ x: [Double]) -> [Double] {
        var next = x
        let phi = form.damped ? parameters.phi : 1
        var index = 1
        if form.trend != .none {
            next[0] = x[0] + phi * x[1]
            next[1] = phi * x[1]
            index = 2
        }
        if form.season != .none {
            let m = seasonalPeriod
            next[index] = x[index + m - 1]
            for k in 1..<m { next[index + k] = x[index + k - 1] }
        }
        return next
    }

    /// H x: the one-step forecast of a linear state vector.
    private func measurement(_ x: [Double]) -> Double {
        let phi = form.damped ? parameters.phi : 1
        var value = x[0]
        if form.trend != .none { value += phi * x[1] }
        if form.season != .none { value += x[x.count - 1] }
        return value
    }

    /// Forecast means and variances for classes 1–3 (Hyndman et al. 2008, ch. 6, as R's
    /// `class1`, `class2`, `class3`).
    ///
    /// Class 1: μ_h = H F^{h−1} x_n and v_h = σ²(1 + Σ_{j<h} c_j²) with c_j = H F^{j−1} g.
    /// Class 2: the same μ_h and c_j, θ₁ = μ₁², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j},
    /// v_h = (1 + σ²) θ_h − μ_h². Class 3: the Kronecker-product moment recursions of
    /// Hyndman et al. (2008, §6.4) for the level–trend and seasonal blocks.
    func analyticMoments(horizon: Int) -> (mean: [Double], variance: [Double]) {
        if intervalClass == .multiplicativeSeason { return multiplicativeSeasonMoments(horizon: horizon) }
        var gain = [parameters.alpha]
        if form.trend != .none { gain.append(parameters.beta) }
        if form.season != .none { gain.append(parameters.gamma) }
        gain += [Double](repeating: 0, count: finalStateVector.count - gain.count)
        var state = finalStateVector
        var mean = [Double](repeating: 0, count: horizon)
        var c = [Double](repeating: 0, count: horizon)
        for step in 0..<horizon {
            mean[step] = measurement(state)
            c[step] = measurement(gain)
            state = transition(state)
            gain = transition(gain)
        }
        let sigma2 = variance
        var result = [Double](repeating: 0, count: horizon)
        if intervalClass == .linear {
            var sum = 0.0
            for step in 0..<horizon {
                result[step] = sigma2 * (1 + sum)
                sum += c[step] * c[step]
            }
        } else {
            var theta = [Double](repeating: 0, count: horizon)
            for step in 0..<horizon {
                var value = mean[step] * mean[step]
                for j in 0..<step { value += sigma2 * c[j] * c[j] * theta[step - 1 - j] }
                theta[step] = value
                result[step] = (1 + sigma2) * value - mean[step] * mean[step]
            }
        }
        return (mean, result)
    }

    /// Class 3 (ETS(M,N/A/Ad,M)): R's `class3` moment recursions on the q×m matrix
    /// M_h = E[(ℓ,b)ᵀ sᵀ] and its q·m × q·m covariance V_h.
    private func multiplicativeSeasonMoments(horizon: Int) -> (mean: [Double], variance: [Double]) {
        let m = seasonalPeriod
        let q = form.trend == .none ? 1 : 2
        let sigma2 = variance
        let phi = form.damped ? parameters.phi : 1
        let f1 = q == 1 ? Matrix(rowArrays: [[1]]) : Matrix(rowArrays: [[1, 1], [0, phi]])
        let g1 =
            q == 1
            ? Matrix(rowArrays: [[parameters.alpha]])
            : Matrix(rowArrays: [[parameters.alpha, parameters.alpha], [parameters.beta, parameters.beta]])
        var f2 = Matrix(rows: m, columns: m)
        f2[0, m - 1] = 1
        for i in 1..<m { f2[i, i - 1] = 1 }
        var g2 = Matrix(rows: m, columns: m)
        g2[0, m - 1] = parameters.gamma
        let levelTrend = [finalState.level] + (q == 2 ? [finalState.trend] : [])
        var mh = Matrix(rows: q, columns: m)
        for i in 0..<q { for j in 0..<m { mh[i, j] = levelTrend[i] * finalState.seasonal[j] } }
        let size = q * m
        var vh = Matrix(rows: size, columns: size)
        let f21 = f2.kronecker(f1), g21 = g2.kronecker(g1)
        let k = g2.kronecker(f1).adding(f2.kronecker(g1))
        // H21 = H2 ⊗ H1 picks the last seasonal block's q entries.
        let picked = ((m - 1) * q)..<(m * q)
        var mean = [Double](repeating: 0, count: horizon)
        var result = [Double](repeating: 0, count: horizon)
        for step in 0..<horizon {
            var mu = 0.0
            for i in 0..<q { mu += mh[i, m - 1] }
            var quadratic = 0.0
            for i in picked { for j in picked { quadratic += vh[i, j] } }
            mean[step] = mu
            result[step] = (1 + sigma2) * quadratic + sigma2 * mu * mu
            let vec = mh.elements
            var outer = Matrix(rows: size, columns: size)
            for j in 0..<size { for i in 0..<size { outer.elements[i + j * size] = vec[i] * vec[j] } }
            let fvf = f21 * vh.multiplied(by: f21, transposingOther: true)
            let fvg = f21 * vh.multiplied(by: g21, transposingOther: true)
            let gvf = g21 * vh.multiplied(by: f21, transposingOther: true)
            let kvk = k * vh.adding(outer).multiplied(by: k, transposingOther: true)
            let gg = g21 * vh.scaled(by: 3).adding(outer.scaled(by: 2)).multiplied(by: g21, transposingOther: true)
            vh = fvf.adding(fvg.adding(gvf).adding(kvk).adding(gg.scaled(by: sigma2)).scaled(by: sigma2))
            mh = (f1 * mh).multiplied(by: f2, transposingOther: true)
                .adding((g1 * mh).multiplied(by: g2, transposingOther: true).scaled(by: sigma2))
        }
        return (mean, result)
    }
}

extension Matrix {
    /// The Kronecker product self ⊗ other.
    fileprivate func kronecker(_ other: Matrix) -> Matrix {
        var result = Matrix(rows: rows * other.rows, columns: columns * other.columns)
        for j in 0..<columns {
            for i in 0..<rows {
                let a = self[i, j]
                if a == 0 { continue }
                for l in 0..<other.columns {
                    for k in 0..<other.rows {
                        result[i * other.rows + k, j * other.columns + l] = a * other[k, l]
                    }
                }
            }
        }
        return result
    }

    fileprivate func adding(_ other: Matrix) -> Matrix {
        var result = self
        for index in result.elements.indices { result.elements[index] += other.elements[index] }
        return result
    }

    fileprivate func scaled(by factor: Double) -> Matrix {
        var result = self
        for index in result.elements.indices { result.elements[index] *= factor }
        return result
    }
}
