extension ETS {
    /// Whether `parameters` lie inside the region `bounds` allows for `form` (R's
    /// `check.param`, in the form forecast's C++ target function applies it).
    ///
    /// The usual region: every parameter inside its ``ParameterLimits``, β ≤ α and
    /// γ ≤ 1 − α. The admissible region: see ``isAdmissible(_:form:m:)``.
    @inlinable
    static func satisfiesBounds(_ parameters: Parameters, form: Form, m: Int, limits: ParameterLimits, bounds: Bounds) -> Bool {
        if bounds != .admissible {
            let alpha = parameters.alpha
            if alpha < limits.alpha.lowerBound || alpha > limits.alpha.upperBound { return false }
            if form.trend != .none {
                let beta = parameters.beta
                if beta < limits.beta.lowerBound || beta > alpha || beta > limits.beta.upperBound { return false }
            }
            if form.damped {
                if parameters.phi < limits.phi.lowerBound || parameters.phi > limits.phi.upperBound { return false }
            }
            if form.season != .none {
                let gamma = parameters.gamma
                if gamma < limits.gamma.lowerBound || gamma > 1 - alpha || gamma > limits.gamma.upperBound { return false }
            }
        }
        if bounds != .usual {
            return isAdmissible(parameters, form: form, m: m)
        }
        return true
    }

    /// Whether the model is forecastable: its discount matrix's eigenvalues lie inside the
    /// unit circle (Hyndman et al. 2008, ch. 10; Hyndman, Akram and Archibald 2008, "The
    /// admissible parameter space for exponential smoothing models", *Annals of the Institute
    /// of Statistical Mathematics* 60).
    ///
    /// Non-seasonal forms have closed-form conditions. Seasonal forms are checked against the
    /// easy linear conditions and then the characteristic polynomial
    /// z^{m+1} + (α+β−φ) z^m + (α+β−αφ) z^{m−1} + ... + (α+β−αφ+γ−1) z + φ(1−α−γ):
    /// every root must have modulus at most 1 + 1e-10, as in R. The roots are not computed:
    /// the Schur–Cohn–Jury step-down test on the polynomial rescaled to that radius decides
    /// the same question in O(m²) operations without allocating (checked against the
    /// companion-matrix eigenvalues in the tests).
    @inlinable
    static func isAdmissible(_ parameters: Parameters, form: Form, m: Int) -> Bool {
        let alpha = parameters.alpha, phi = form.damped ? parameters.phi : 1
        let beta = form.trend == .none ? 0 : parameters.beta
        if phi < 0 || phi > 1 + 1e-8 { return false }
        if form.season == .none || m <= 1 {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if form.trend != .none {
                if beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
            }
            return true
        }
        let gamma = parameters.gamma
        let mm = Double(m)
        if gamma < Swift.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - mm + phi + phi * mm) / (2 * phi * mm) { return false }
        if beta < -(1 - phi) * (gamma / mm + alpha) { return false }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m + 2) { coefficients in
            let middle = alpha + beta - alpha * phi
            coefficients[0] = 1
            coefficients[1] = alpha + beta - phi
            if m >= 3 { for i in 2..<m { coefficients[i] = middle } }
            coefficients[m] = middle + gamma - 1
            coefficients[m + 1] = phi * (1 - alpha - gamma)
            return rootsWithinRadius(coefficients, radius: 1 + 1e-10)
        }
    }

    /// Whether every root of the monic polynomial `coefficients[0] zᵈ + ... + coefficients[d]`
    /// (`coefficients[0] == 1`) has modulus at most `radius`.
    ///
    /// Rescales z → radius·z and runs the Schur–Cohn step-down recursion: with reflection
    /// coefficient k = a_d, a'_i = (a_i − k a_{d−i}) / (1 − k²); all roots lie strictly inside
    /// the unit circle if and only if every |k| < 1. Overwrites `coefficients`.
    ///
    /// Reference: E. I. Jury, *Theory and Application of the z-Transform Method*, Wiley 1964;
    /// the same recursion maps AR coefficients to partial autocorrelations.
    @inlinable
    static func rootsWithinRadius(_ coefficients: UnsafeMutableBufferPointer<Double>, radius: Double) -> Bool {
        let degree = coefficients.count - 1
        var scale = 1.0
        for i in 1...degree {
            scale /= radius
            coefficients[i] *= scale
        }
        var order = degree
        while order >= 1 {
            let k = coefficients[order]
            if !(abs(k) < 1) { return false }
            let inverse = 1 / (1 - k * k)
            var low = 1, high = order - 1
            while low <= high {
                let a = coefficients[low], b = coefficients[high]
                coefficients[low] = (a - k * b) * inverse
                if low != high { coefficients[high] = (b - k * a) * inverse }
                low += 1
                high -= 1
            }
            order -= 1
        }
        return true
    }
}
