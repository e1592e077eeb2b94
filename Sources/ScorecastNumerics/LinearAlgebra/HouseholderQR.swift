import CLapack

/// A Householder QR factorisation `A = Q · [R; 0]` of an `m × n` matrix (`m ≥ n`), held in
/// LAPACK's compact form: `R` on and above the diagonal, the Householder vectors `vₖ` (with an
/// implicit leading 1) below it, and their scalars `τₖ`, so `Q = H₀ H₁ ⋯ Hₙ₋₁` with
/// `Hₖ = I − τₖ vₖ vₖᵀ`.
///
/// Two kernels produce the same compact form: LAPACK's blocked `dgeqrf`, and a hand-written,
/// pointer-based unblocked loop (the algorithm of LAPACK's `dgeqr2`/`dlarfg`). For tiny
/// problems (a 60×14 seasonal regression) the hand-written loop avoids LAPACK's call and
/// workspace overhead; `Benchmarks/` measures both. Applying `Q`, `Qᵀ` and solving with `R`
/// are short loops here, whichever kernel factorised.
///
/// - Reference: G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed. (2013),
///   §5.1.2–5.2.2; E. Anderson et al., *LAPACK Users' Guide*, 3rd ed. (1999), §5.4.
struct HouseholderQR {
    let rows: Int
    let columns: Int
    /// The compact factorisation, column-major, leading dimension `rows`.
    var storage: [Double]
    /// `τₖ`, one per column.
    var scalars: [Double]

    /// Which code factorises.
    enum Kernel {
        case lapack
        case handWritten
    }

    /// Factorises the column-major `rows × columns` matrix in `matrix` (consumed).
    init(factorising matrix: [Double], rows: Int, columns: Int, kernel: Kernel) {
        precondition(rows >= columns, "QR needs at least as many rows as columns")
        self.rows = rows
        self.columns = columns
        storage = matrix
        scalars = [Double](repeating: 0, count: columns)
        guard columns > 0 else { return }
        switch kernel {
        case .lapack:
            let info = storage.withUnsafeMutableBufferPointer { a in
                scalars.withUnsafeMutableBufferPointer { tau in
                    LAPACKE_dgeqrf(LAPACK_COL_MAJOR, lapackInt(rows), lapackInt(columns), a.baseAddress, lapackInt(rows), tau.baseAddress)
                }
            }
            precondition(info == 0, "dgeqrf rejected argument \(-info)")
        case .handWritten:
            storage.withUnsafeMutableBufferPointer { a in
                scalars.withUnsafeMutableBufferPointer { tau in
                    Self.factorUnblocked(a.baseAddress!, rows: rows, columns: columns, scalars: tau.baseAddress!)
                }
            }
        }
    }

    /// The unblocked Householder loop: for each column, the reflector that zeroes it below the
    /// diagonal (`β = −sign(α)·‖x‖`, `τ = (β − α)/β`, `v = x/(α − β)`), then that reflector
    /// applied to the columns to its right.
    static func factorUnblocked(_ a: UnsafeMutablePointer<Double>, rows m: Int, columns n: Int, scalars tau: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let column = a + k * m
            let alpha = column[k]
            var sumOfSquares = 0.0
            var i = k + 1
            while i < m {
                sumOfSquares += column[i] * column[i]
                i += 1
            }
            if sumOfSquares == 0 {
                tau[k] = 0
                continue
            }
            let norm = (alpha * alpha + sumOfSquares).squareRoot()
            let beta = alpha >= 0 ? -norm : norm
            tau[k] = (beta - alpha) / beta
            let inverse = 1 / (alpha - beta)
            i = k + 1
            while i < m {
                column[i] *= inverse
                i += 1
            }
            column[k] = beta
            let scalar = tau[k]
            var j = k + 1
            while j < n {
                let target = a + j * m
                var w = target[k]
                i = k + 1
                while i < m {
                    w += column[i] * target[i]
                    i += 1
                }
                w *= scalar
                target[k] -= w
                i = k + 1
                while i < m {
                    target[i] -= w * column[i]
                    i += 1
                }
                j += 1
            }
        }
    }

    /// `Rⱼⱼ`.
    func diagonal(_ j: Int) -> Double { storage[j + j * rows] }

    /// `b ← Qᵀ b` for a vector of length `rows`.
    func applyTranspose(to b: UnsafeMutablePointer<Double>) {
        storage.withUnsafeBufferPointer { a in
            for k in 0..<columns { reflect(a.baseAddress! + k * rows, scalar: scalars[k], from: k, b) }
        }
    }

    /// `b ← Q b` for a vector of length `rows`.
    func apply(to b: UnsafeMutablePointer<Double>) {
        storage.withUnsafeBufferPointer { a in
            for k in stride(from: columns - 1, through: 0, by: -1) {
                reflect(a.baseAddress! + k * rows, scalar: scalars[k], from: k, b)
            }
        }
    }

    @inline(__always)
    private func reflect(_ v: UnsafePointer<Double>, scalar: Double, from k: Int, _ b: UnsafeMutablePointer<Double>) {
        guard scalar != 0 else { return }
        var w = b[k]
        var i = k + 1
        while i < rows {
            w += v[i] * b[i]
            i += 1
        }
        w *= scalar
        b[k] -= w
        i = k + 1
        while i < rows {
            b[i] -= w * v[i]
            i += 1
        }
    }

    /// `x ← R⁻¹ x` for the first `columns` entries (back substitution).
    func solveR(_ x: UnsafeMutablePointer<Double>) {
        storage.withUnsafeBufferPointer { a in
            for j in stride(from: columns - 1, through: 0, by: -1) {
                x[j] /= a[j + j * rows]
                let value = x[j]
                for i in 0..<j { x[i] -= value * a[i + j * rows] }
            }
        }
    }

    /// `x ← R⁻ᵀ x` for the first `columns` entries (forward substitution).
    func solveRTranspose(_ x: UnsafeMutablePointer<Double>) {
        storage.withUnsafeBufferPointer { a in
            for j in 0..<columns {
                var value = x[j]
                for i in 0..<j { value -= a[i + j * rows] * x[i] }
                x[j] = value / a[j + j * rows]
            }
        }
    }
}
