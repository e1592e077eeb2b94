import CLapack

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Cholesky factorisation `A = L · Lᵀ` of a symmetric positive-definite matrix.
///
/// Factorised once by LAPACK `dpotrf` (lower triangle), then used for any number of solves
/// (`dpotrs`), the inverse (`dpotri`) or the log-determinant. Only the lower triangle of the
/// input is read.
///
/// - Reference: G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed. (2013), §4.2.
public struct Cholesky: Sendable, Equatable {
    /// The lower-triangular factor `L` (the strict upper triangle is zero).
    public let factor: Matrix

    /// Factorises `matrix`.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(leadingMinor:)`` when a leading minor
    ///   is not positive.
    /// - Complexity: `n³/3` flops for an `n × n` matrix.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        precondition(matrix.rows == matrix.columns, "Cholesky needs a square matrix")
        let n = matrix.rows
        var lower = matrix
        if n > 0 {
            let info = lower.elements.withUnsafeMutableBufferPointer { a in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), lapackInt(n), a.baseAddress, lapackInt(n))
            }
            if info > 0 { throw .notPositiveDefinite(leadingMinor: Int(info)) }
            precondition(info == 0, "dpotrf rejected argument \(-info)")
        }
        for j in 0..<n {
            for i in 0..<j { lower.elements[i + j * n] = 0 }
        }
        factor = lower
    }

    /// The order `n` of the factorised matrix.
    public var order: Int { factor.rows }

    /// Solves `A · x = b`.
    /// - Complexity: `2n²` flops.
    public func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "Right-hand side needs \(order) elements")
        return solve(Matrix(rows: order, columns: 1, columnMajor: b)).elements
    }

    /// Solves `A · X = B` for every column of `B` at once.
    /// - Complexity: `2n²` flops per column.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "Right-hand side needs \(order) rows")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        let info = factor.elements.withUnsafeBufferPointer { l in
            x.elements.withUnsafeMutableBufferPointer { rhs in
                LAPACKE_dpotrs(
                    LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), lapackInt(order), lapackInt(b.columns),
                    l.baseAddress, lapackInt(order), rhs.baseAddress, lapackInt(order)
                )
            }
        }
        precondition(info == 0, "dpotrs rejected argument \(-info)")
        return x
    }

    /// The inverse `A⁻¹` (symmetric, both triangles filled), by `dpotri`.
    /// - Complexity: `2n³/3` flops.
    public var inverse: Matrix {
        var result = factor
        let n = order
        guard n > 0 else { return result }
        let info = result.elements.withUnsafeMutableBufferPointer { a in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), lapackInt(n), a.baseAddress, lapackInt(n))
        }
        precondition(info == 0, "dpotri failed on a valid Cholesky factor (info \(info))")
        for j in 0..<n {
            for i in 0..<j { result.elements[i + j * n] = result.elements[j + i * n] }
        }
        return result
    }

    /// `log det A = 2 Σ log Lᵢᵢ`.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<order { sum += log(factor.elements[i + i * order]) }
        return 2 * sum
    }
}
