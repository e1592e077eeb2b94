/// Björck's iterative refinement of a least-squares solution through the augmented system
///
///     [ I   Ã ] [ s ]   [ W^½ y ]
///     [ Ãᵀ  0 ] [ x̃ ] = [   0   ],   Ã = W^½ X D⁻¹,  x̃ = D β,
///
/// reusing the QR factorisation of `Ã`. Each step forms the residuals of both equations from
/// the original data with compensated (error-free transformation) arithmetic, so they are
/// accurate to about twice working precision, then solves for corrections with `Q` and `R`:
/// `h = R⁻ᵀ g`, `c = Qᵀ f`, `δx̃ = R⁻¹ (c₁ − h)`, `δs = Q [h; c₂]`.
///
/// Plain QR (and SVD) solutions carry an error of order `κ(Ã)² ε ‖r‖/‖Ã‖‖x‖` for problems with
/// large residuals; refining both `s` and `x̃` removes it when `κ(Ã) ε ≪ 1` (NIST Wampler4
/// and Wampler5 are such problems). Stops after three steps or when the correction is below
/// `ε` relative to every coefficient.
///
/// - References: Å. Björck, "Iterative refinement of linear least squares solutions I",
///   BIT 7 (1967) 257–278; T. Ogita, S. M. Rump and S. Oishi, "Accurate sum and dot product",
///   SIAM J. Sci. Comput. 26 (2005) 1955–1988 (TwoSum, TwoProduct, Dot2).
func refine(
    _ coefficients: inout [Double],
    design: Matrix,
    response: [Double],
    weights: [Double]?,
    factorisation: HouseholderQR,
    columnScale: [Double]
) {
    let m = design.rows
    let n = design.columns
    let rootWeights = weights?.map { $0.squareRoot() }
    var scaledResidual = [Double](repeating: 0, count: m)  // s
    var f = [Double](repeating: 0, count: m)
    var g = [Double](repeating: 0, count: m)  // first n entries used: h, then δx̃
    var x = design.elements

    /// `W^½ (y − Xβ) − s` for row `i`, to about twice working precision.
    func augmentedResidual(_ i: Int, _ elements: UnsafePointer<Double>) -> Double {
        var sum = response[i]
        var error = 0.0
        for j in 0..<n {
            let (product, productError) = twoProduct(-elements[i + j * m], coefficients[j])
            let (total, sumError) = twoSum(sum, product)
            sum = total
            error += productError + sumError
        }
        let root = rootWeights?[i] ?? 1
        let (scaled, scaledError) = twoProduct(root, sum)
        let (difference, differenceError) = twoSum(scaled, -scaledResidual[i])
        return difference + (scaledError + differenceError + root * error)
    }

    x.withUnsafeMutableBufferPointer { elements in
        let a = UnsafePointer(elements.baseAddress!)
        for i in 0..<m { scaledResidual[i] = augmentedResidual(i, a) }
        for _ in 0..<3 {
            for i in 0..<m { f[i] = augmentedResidual(i, a) }
            // g = −Ãᵀ s = −D⁻¹ Xᵀ W^½ s, compensated.
            for j in 0..<n {
                var sum = 0.0
                var error = 0.0
                for i in 0..<m {
                    let weighted = (rootWeights?[i] ?? 1) * scaledResidual[i]
                    let (product, productError) = twoProduct(a[i + j * m], weighted)
                    let (total, sumError) = twoSum(sum, product)
                    sum = total
                    error += productError + sumError
                }
                g[j] = -(sum + error) / columnScale[j]
            }
            let largestChange = f.withUnsafeMutableBufferPointer { fBuffer in
                g.withUnsafeMutableBufferPointer { gBuffer -> Double in
                    let c = fBuffer.baseAddress!
                    let h = gBuffer.baseAddress!
                    factorisation.solveRTranspose(h)  // h = R⁻ᵀ g
                    factorisation.applyTranspose(to: c)  // c = Qᵀ f
                    var largestChange = 0.0
                    for j in 0..<n {
                        let correction = c[j] - h[j]
                        c[j] = h[j]  // c becomes [h; c₂]
                        h[j] = correction
                    }
                    factorisation.solveR(h)  // δx̃ = R⁻¹ (c₁ − h)
                    factorisation.apply(to: c)  // δs = Q [h; c₂]
                    for j in 0..<n {
                        let change = h[j] / columnScale[j]
                        coefficients[j] += change
                        let relative = coefficients[j] == 0 ? abs(change) : abs(change / coefficients[j])
                        largestChange = max(largestChange, relative)
                    }
                    for i in 0..<m { scaledResidual[i] += c[i] }
                    return largestChange
                }
            }
            if largestChange <= Double.ulpOfOne { break }
        }
    }
}

/// `a + b = s + e` exactly (Knuth's TwoSum).
@inline(__always)
func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
    let sum = a + b
    let bVirtual = sum - a
    let error = (a - (sum - bVirtual)) + (b - bVirtual)
    return (sum, error)
}

/// `a · b = p + e` exactly, by a fused multiply-add.
@inline(__always)
func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
    let product = a * b
    return (product, (-product).addingProduct(a, b))
}
