import CLapack

/// The eigendecomposition `A = V · diag(λ) · Vᵀ` of a symmetric matrix, by LAPACK `dsyevr`
/// (relatively robust representations).
///
/// Only the lower triangle of the input is read. Eigenvalues are in ascending order and the
/// columns of `V` are orthonormal eigenvectors.
///
/// - Reference: I. S. Dhillon and B. N. Parlett, "Multiple representations to compute
///   orthogonal eigenvectors of symmetric tridiagonal matrices", Linear Algebra Appl. 387
///   (2004) 1–28; LAPACK Users' Guide §2.3.4.1.
public struct SymmetricEigendecomposition: Sendable, Equatable {
    /// `λ`, ascending.
    public let eigenvalues: [Double]
    /// `V`: column `j` is the unit eigenvector of `eigenvalues[j]`.
    public let eigenvectors: Matrix

    /// Decomposes the symmetric `matrix`.
    /// - Throws: ``LinearAlgebraError/didNotConverge`` if `dsyevr` fails.
    /// - Complexity: `O(n³)` flops.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        precondition(matrix.rows == matrix.columns, "Eigendecomposition needs a square matrix")
        let n = matrix.rows
        var a = matrix.elements
        var values = [Double](repeating: 0, count: n)
        var vectors = Matrix(rows: n, columns: n)
        if n > 0 {
            var found: scorecast_lapack_int = 0
            var support = [scorecast_lapack_int](repeating: 0, count: 2 * n)
            let info = a.withUnsafeMutableBufferPointer { aBuffer in
                values.withUnsafeMutableBufferPointer { w in
                    vectors.elements.withUnsafeMutableBufferPointer { z in
                        support.withUnsafeMutableBufferPointer { isuppz in
                            LAPACKE_dsyevr(
                                LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "A")), Int8(UInt8(ascii: "L")),
                                lapackInt(n), aBuffer.baseAddress, lapackInt(n), 0, 0, 0, 0, 0, &found,
                                w.baseAddress, z.baseAddress, lapackInt(n), isuppz.baseAddress
                            )
                        }
                    }
                }
            }
            if info > 0 { throw .didNotConverge }
            precondition(info == 0, "dsyevr rejected argument \(-info)")
        }
        eigenvalues = values
        eigenvectors = vectors
    }
}
