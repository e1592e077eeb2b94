import ScorecastCore

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
    ///
    /// R writes the recursion with Kronecker products of the level–trend matrices F₁, G₁
    /// (q × q) and the seasonal ones F₂ (the season's rotation) and G₂ (γ in one corner), dense
    /// q·m × q·m products: O(h · (qm)³). Those products are sparse in a fixed pattern: F₂ ⊗ F₁
    /// moves block (π(a), π(b)) of V to block (a, b) through F₁ (π(0) = m − 1, π(a) = a − 1),
    /// and G₂ ⊗ G₁ touches only the first block row or column. Block by block, with
    /// V′ = V[π(a), π(b)], W = V′ + M[:, π(a)] M[:, π(b)]ᵀ, K₀ = γF₁ + G₁ and K_a = G₁ for a ≥ 1:
    ///
    ///     V_{h+1}[a, b] = F₁V′F₁ᵀ + σ²( [b = 0] γ F₁V′G₁ᵀ + [a = 0] γ G₁V′F₁ᵀ + K_a W K_bᵀ
    ///                     + [a = b = 0] σ²γ² G₁(3V′ + 2 M[:, m−1] M[:, m−1]ᵀ)G₁ᵀ )
    ///     M_{h+1}[:, a] = F₁ M[:, π(a)] + [a = 0] σ²γ G₁ M[:, m − 1]
    ///
    /// A block is made from the block one season-step back on the same block diagonal only, and
    /// the variance needs only the diagonal block V[m − 1, m − 1]: so only the m diagonal blocks
    /// are carried. The same quantities as R's products (checked against R's intervals in
    /// `ETSIntervalsTests`), in O(h · m · q⁴) with four small buffers allocated once.
    ///
    /// - Reference: Hyndman, Koehler, Ord and Snyder, *Forecasting with Exponential
    ///   Smoothing* (2008), §6.4; R forecast's `class3` (`etsforecast.R`).
    private func multiplicativeSeasonMoments(horizon: Int) -> (mean: [Double], variance: [Double]) {
        let m = seasonalPeriod
        let q = form.trend == .none ? 1 : 2
        let sigma2 = variance
        let gamma = parameters.gamma
        let phi = form.damped ? parameters.phi : 1
        // q × q blocks, row-major.
        let f1: [Double] = q == 1 ? [1] : [1, 1, 0, phi]
        let g1: [Double] = q == 1 ? [parameters.alpha] : [parameters.alpha, parameters.alpha, parameters.beta, parameters.beta]
        let firstGain = zip(f1, g1).map { gamma * $0 + $1 }
        let blockSize = q * q
        // M column by column (entry (i, j) at j·q + i); the diagonal blocks of V, block a at a·q².
        var moments = [Double](repeating: 0, count: q * m)
        let levelTrend = [finalState.level] + (q == 2 ? [finalState.trend] : [])
        for j in 0..<m { for i in 0..<q { moments[j * q + i] = levelTrend[i] * finalState.seasonal[j] } }
        var nextMoments = moments
        var covariance = [Double](repeating: 0, count: m * blockSize)
        var nextCovariance = covariance
        var block = [Double](repeating: 0, count: blockSize)  // V′
        var augmented = block  // W
        var corner = block  // 3V′ + 2 M Mᵀ for the first block
        var result = block
        var mean = [Double](repeating: 0, count: horizon)
        var variances = [Double](repeating: 0, count: horizon)
        let last = m - 1
        for step in 0..<horizon {
            var mu = 0.0
            for i in 0..<q { mu += moments[last * q + i] }
            var quadratic = 0.0
            for index in 0..<blockSize { quadratic += covariance[last * blockSize + index] }
            mean[step] = mu
            variances[step] = (1 + sigma2) * quadratic + sigma2 * mu * mu
            for a in 0..<m {
                let source = a == 0 ? last : a - 1
                let gain = a == 0 ? firstGain : g1
                for r in 0..<q {
                    for c in 0..<q {
                        let value = covariance[source * blockSize + r * q + c]
                        block[r * q + c] = value
                        augmented[r * q + c] = value + moments[source * q + r] * moments[source * q + c]
                    }
                }
                for index in result.indices { result[index] = 0 }
                Self.addSandwich(f1, block, f1, scale: 1, q: q, into: &result)
                Self.addSandwich(gain, augmented, gain, scale: sigma2, q: q, into: &result)
                if a == 0 {
                    Self.addSandwich(f1, block, g1, scale: sigma2 * gamma, q: q, into: &result)
                    Self.addSandwich(g1, block, f1, scale: sigma2 * gamma, q: q, into: &result)
                    for r in 0..<q {
                        for c in 0..<q { corner[r * q + c] = 3 * block[r * q + c] + 2 * moments[last * q + r] * moments[last * q + c] }
                    }
                    Self.addSandwich(g1, corner, g1, scale: sigma2 * sigma2 * gamma * gamma, q: q, into: &result)
                }
                for index in 0..<blockSize { nextCovariance[a * blockSize + index] = result[index] }
                for r in 0..<q {
                    var value = 0.0
                    for k in 0..<q { value += f1[r * q + k] * moments[source * q + k] }
                    if a == 0 {
                        for k in 0..<q { value += sigma2 * gamma * g1[r * q + k] * moments[last * q + k] }
                    }
                    nextMoments[a * q + r] = value
                }
            }
            swap(&covariance, &nextCovariance)
            swap(&moments, &nextMoments)
        }
        return (mean, variances)
    }

    /// `result += scale · L X Rᵀ` for row-major q × q blocks.
    @inline(__always)
    private static func addSandwich(_ left: [Double], _ x: [Double], _ right: [Double], scale: Double, q: Int, into result: inout [Double]) {
        for r in 0..<q {
            for c in 0..<q {
                var sum = 0.0
                for i in 0..<q {
                    var inner = 0.0
                    for j in 0..<q { inner += x[i * q + j] * right[c * q + j] }
                    sum += left[r * q + i] * inner
                }
                result[r * q + c] += scale * sum
            }
        }
    }
}
