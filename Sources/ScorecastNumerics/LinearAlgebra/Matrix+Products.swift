import CLapack

extension Matrix {
    /// The product `op(self) · op(other)` through BLAS `dgemm`, where `op` optionally transposes.
    ///
    /// - Parameters:
    ///   - other: the right-hand factor.
    ///   - transposingSelf: use `selfᵀ` instead of `self`.
    ///   - transposingOther: use `otherᵀ` instead of `other`.
    /// - Complexity: `O(m · k · n)` flops, done by the system BLAS (OpenBLAS).
    public func multiplied(by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false) -> Matrix {
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let otherK = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(k == otherK, "Matrix product needs matching inner dimensions (\(k) and \(otherK))")
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0 else { return result }
        if k == 0 { return result }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(
                        CblasColMajor,
                        transposingSelf ? CblasTrans : CblasNoTrans,
                        transposingOther ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k),
                        1, a.baseAddress, blasInt(Swift.max(1, rows)),
                        b.baseAddress, blasInt(Swift.max(1, other.rows)),
                        0, c.baseAddress, blasInt(Swift.max(1, m))
                    )
                }
            }
        }
        return result
    }

    /// The product `op(self) · vector` through BLAS `dgemv`.
    ///
    /// - Complexity: `O(rows · columns)` flops.
    public func multiplied(by vector: [Double], transposingSelf: Bool = false) -> [Double] {
        let inner = transposingSelf ? rows : columns
        let outer = transposingSelf ? columns : rows
        precondition(vector.count == inner, "Matrix–vector product needs \(inner) elements, got \(vector.count)")
        var result = [Double](repeating: 0, count: outer)
        guard outer > 0, inner > 0 else { return result }
        elements.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(
                        CblasColMajor, transposingSelf ? CblasTrans : CblasNoTrans,
                        blasInt(rows), blasInt(columns), 1, a.baseAddress, blasInt(Swift.max(1, rows)),
                        x.baseAddress, 1, 0, y.baseAddress, 1
                    )
                }
            }
        }
        return result
    }

    /// Matrix product through BLAS `dgemm`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.multiplied(by: rhs)
    }

    /// Matrix–vector product through BLAS `dgemv`.
    public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
        lhs.multiplied(by: rhs)
    }

    /// The main diagonal.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { elements[$0 + $0 * rows] }
    }
}

/// Converts a dimension to the BLAS integer type, stopping if it does not fit.
@inline(__always)
func blasInt(_ value: Int) -> Int32 {
    Int32(value)
}

/// Converts a dimension to LAPACK's integer type (`lapack_int`, 32-bit on Debian's LP64 build).
@inline(__always)
func lapackInt(_ value: Int) -> scorecast_lapack_int {
    scorecast_lapack_int(value)
}
