import CLapack

/// The thin singular value decomposition `A = U · diag(σ) · Vᵀ`, by LAPACK `dgesdd`.
///
/// For an `m × n` matrix with `k = min(m, n)`: `U` is `m × k` with orthonormal columns, the
/// singular values `σ₁ ≥ … ≥ σₖ ≥ 0`, and `Vᵀ` is `k × n`.
///
/// - Reference: J. Demmel, *Applied Numerical Linear Algebra*, SIAM (1997), §3.2 and §5.4
///   (divide and conquer).
public struct SingularValueDecomposition: Sendable, Equatable {
    /// `U`, `m × k`.
    public let leftSingularVectors: Matrix
    /// `σ`, descending.
    public let singularValues: [Double]
    /// `Vᵀ`, `k × n`.
    public let rightSingularVectorsTransposed: Matrix

    /// Decomposes `matrix`.
    /// - Throws: ``LinearAlgebraError/didNotConverge`` if `dgesdd` fails to converge.
    /// - Complexity: `O(m n k)` flops.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        let (m, n) = (matrix.rows, matrix.columns)
        let k = min(m, n)
        var a = matrix.elements
        var u = Matrix(rows: m, columns: k)
        var vt = Matrix(rows: k, columns: n)
        var s = [Double](repeating: 0, count: k)
        if k > 0 {
            let info = a.withUnsafeMutableBufferPointer { aBuffer in
                s.withUnsafeMutableBufferPointer { sBuffer in
                    u.elements.withUnsafeMutableBufferPointer { uBuffer in
                        vt.elements.withUnsafeMutableBufferPointer { vtBuffer in
                            LAPACKE_dgesdd(
                                LAPACK_COL_MAJOR, Int8(UInt8(ascii: "S")), lapackInt(m), lapackInt(n),
                                aBuffer.baseAddress, lapackInt(m), sBuffer.baseAddress,
                                uBuffer.baseAddress, lapackInt(m), vtBuffer.baseAddress, lapackInt(max(1, k))
                            )
                        }
                    }
                }
            }
            if info > 0 { throw .didNotConverge }
            precondition(info == 0, "dgesdd rejected argument \(-info)")
        }
        leftSingularVectors = u
        singularValues = s
        rightSingularVectorsTransposed = vt
    }

    /// The 2-norm condition number `σ₁ / σₖ` (`+∞` when singular).
    public var conditionNumber: Double {
        guard let largest = singularValues.first, let smallest = singularValues.last else { return .nan }
        return smallest > 0 ? largest / smallest : .infinity
    }

    /// The numerical rank: singular values above `relativeTolerance · σ₁` (default
    /// `ε · max(m, n)`, as NumPy's `matrix_rank`).
    public func rank(relativeTolerance: Double? = nil) -> Int {
        guard let largest = singularValues.first else { return 0 }
        let tolerance =
            relativeTolerance
            ?? Double.ulpOfOne * Double(max(leftSingularVectors.rows, rightSingularVectorsTransposed.columns))
        return singularValues.reduce(0) { $1 > tolerance * largest ? $0 + 1 : $0 }
    }

    /// `(AᵀA)⁺ = V diag(1/σᵢ²) Vᵀ` over the first `rank` singular values.
    func pseudoInverseOfGram(rank: Int) -> Matrix {
        let n = rightSingularVectorsTransposed.columns
        let k = rightSingularVectorsTransposed.rows
        var result = Matrix(rows: n, columns: n)
        for r in 0..<min(rank, k) {
            let weight = 1 / (singularValues[r] * singularValues[r])
            for j in 0..<n {
                let vj = rightSingularVectorsTransposed.elements[r + j * k] * weight
                for i in 0..<n {
                    result.elements[i + j * n] += rightSingularVectorsTransposed.elements[r + i * k] * vj
                }
            }
        }
        return result
    }
}

extension Matrix {
    /// The 2-norm condition number `σ_max / σ_min`, from the singular values (`dgesdd`).
    ///
    /// `+∞` for a singular matrix; NaN when the SVD does not converge (NaN input).
    public var conditionNumber: Double {
        (try? SingularValueDecomposition(self).conditionNumber) ?? .nan
    }
}
