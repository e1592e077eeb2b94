import CLapack

/// Roots of real polynomials.
public enum PolynomialRoots {
    /// A complex root.
    public struct Root: Sendable, Equatable {
        public var real: Double
        public var imaginary: Double
        /// The modulus |z|.
        public var modulus: Double { (real * real + imaginary * imaginary).squareRoot() }
    }

    /// The roots of c₀ + c₁ z + ... + c_d z^d, coefficients in increasing order as R's
    /// `polyroot()` takes them.
    ///
    /// Computed as the eigenvalues of the companion matrix by LAPACK's nonsymmetric eigensolver
    /// (`dgeev`: Hessenberg reduction and the shifted QR algorithm), the method of MATLAB's
    /// `roots`. Trailing zero coefficients lower the degree; leading zeros (c₀ = 0) give roots at 0.
    ///
    /// - Returns: d roots in LAPACK's order (conjugate pairs adjacent), or `[]` for a constant.
    /// - Complexity: O(d³).
    public static func roots(increasingCoefficients coefficients: [Double]) -> [Root] {
        var degree = coefficients.count - 1
        while degree > 0 && coefficients[degree] == 0 { degree -= 1 }
        guard degree >= 1 else { return [] }
        let n = degree
        let leading = coefficients[degree]
        // Companion matrix (column-major): first row −c_{d−1}/c_d ... −c₀/c_d, ones below the diagonal.
        var companion = [Double](repeating: 0, count: n * n)
        for j in 0..<n { companion[0 + j * n] = -coefficients[degree - 1 - j] / leading }
        for i in 1..<n { companion[i + (i - 1) * n] = 1 }
        var real = [Double](repeating: 0, count: n)
        var imaginary = [Double](repeating: 0, count: n)
        var unusedLeft = [Double](repeating: 0, count: 1)
        var unusedRight = [Double](repeating: 0, count: 1)
        let info = LAPACKE_dgeev(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")),
            scorecast_lapack_int(n), &companion, scorecast_lapack_int(n), &real, &imaginary,
            &unusedLeft, 1, &unusedRight, 1)
        precondition(info >= 0, "dgeev rejected argument \(-info)")
        guard info == 0 else { return [] }
        return (0..<n).map { Root(real: real[$0], imaginary: imaginary[$0]) }
    }
}
