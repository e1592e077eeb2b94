import CLapack

/// Linear least squares: the `β` minimising `Σᵢ wᵢ (yᵢ − xᵢᵀβ)²`.
///
/// Two methods, both on the system LAPACK:
/// - ``Method/qr``: Householder QR (`dgels`), for full-rank designs; the fast default. A pivot
///   `|Rⱼⱼ| ≤ ε · max(n, p) · maxᵢ |Rᵢᵢ|` (columns scaled to unit norm) counts as rank
///   deficiency and throws. The
///   triangular factor `R` then gives `(XᵀWX)⁻¹ = R⁻¹R⁻ᵀ` (`dpotri`) without forming `XᵀX`.
/// - ``Method/svd``: rank-revealing SVD (`dgelsd`), which returns the numerical rank and the
///   minimum-norm solution when the design is rank-deficient.
///
/// Weights enter as rows scaled by `√wᵢ`. Before factorising, every column is scaled to unit
/// Euclidean norm (and the coefficients scaled back): the solution is unchanged in exact
/// arithmetic, and badly scaled designs such as high-degree polynomials (NIST's Filip) keep
/// their accuracy.
///
/// - Reference: Å. Björck, *Numerical Methods for Least Squares Problems*, SIAM (1996),
///   §2.7 (column scaling) and §2.8 (weights); LAPACK Users' Guide §2.4.2.
public enum LeastSquares {
    /// How the least-squares problem is factorised.
    public enum Method: Sendable, Equatable {
        /// Householder QR; throws on a rank-deficient design. `kernel` picks LAPACK or the
        /// hand-written loop (``QRKernel/automatic`` by size); `refinement` adds Björck's
        /// iterative refinement with compensated residuals (see ``LeastSquares``).
        case qr(kernel: QRKernel = .automatic, refinement: Bool = false)
        /// Singular value decomposition through LAPACK `dgelsd`: singular values below
        /// `relativeTolerance · σ_max` count as zero (default `ε · max(rows, columns)`, as NumPy's `lstsq`).
        case svd(relativeTolerance: Double? = nil)

        /// QR with the automatic kernel and no refinement: the fast default.
        public static var qr: Method { .qr() }
        /// SVD with the default tolerance.
        public static var svd: Method { .svd() }
    }

    /// Which code computes a QR least-squares solution.
    public enum QRKernel: Sendable, Equatable {
        /// The hand-written kernel for designs with at most ``handWrittenLimit`` elements,
        /// LAPACK above that (the crossover measured in `Benchmarks/`).
        case automatic
        /// LAPACK: the `dgels` driver, or `dgeqrf` when refining.
        case lapack
        /// The pointer-based Householder loop in Swift.
        case handWritten
    }

    /// Designs with at most this many elements (`rows × columns`) use the hand-written QR under
    /// ``QRKernel/automatic``. Measured (`Benchmarks/`, target `LinearAlgebra`): the
    /// hand-written loop is ahead at 60×14 and behind `dgels` from 120×20 on, where LAPACK's
    /// blocked code outweighs its call overhead.
    public static let handWrittenLimit = 1_024

    /// Solves the (weighted) least-squares problem `design · β ≈ response`.
    ///
    /// - Parameters:
    ///   - design: the `n × p` design matrix `X`.
    ///   - response: the `n` observations `y`.
    ///   - weights: optional non-negative case weights `w` (as R's `lm(weights =)`); rows with
    ///     weight 0 do not count toward the residual degrees of freedom.
    ///   - method: ``Method/qr`` (default) or ``Method/svd``.
    /// - Throws: ``LinearAlgebraError/underdetermined(rows:columns:)`` when fewer rows with
    ///   positive weight than columns; ``LinearAlgebraError/rankDeficient(column:)`` from QR on
    ///   a rank-deficient design; ``LinearAlgebraError/didNotConverge`` if the SVD fails.
    /// - Complexity: `O(n p²)` flops.
    public static func solve(
        design: Matrix,
        response: [Double],
        weights: [Double]? = nil,
        method: Method = .qr
    ) throws(LinearAlgebraError) -> LeastSquaresSolution {
        precondition(response.count == design.rows, "Response needs one value per design row (\(design.rows)), got \(response.count)")
        let responses = Matrix(rows: design.rows, columns: 1, columnMajor: response)
        return try solve(design: design, responses: responses, weights: weights, method: method)[0]
    }

    /// Solves one least-squares problem per column of `responses`, all sharing `design` (and
    /// `weights`), with a single factorisation.
    ///
    /// Many series regressed on one design (the same calendar and seasonal dummies for every
    /// indicator) cost little more than one: LAPACK's drivers take all right-hand sides in one
    /// call, and the hand-written kernel reuses its factors. Results equal those of
    /// ``solve(design:response:weights:method:)`` column by column.
    ///
    /// - Returns: one solution per column of `responses`, in order.
    /// - Complexity: `O(n p²)` flops once, plus `O(n p)` per response.
    public static func solve(
        design: Matrix,
        responses: Matrix,
        weights: [Double]? = nil,
        method: Method = .qr
    ) throws(LinearAlgebraError) -> [LeastSquaresSolution] {
        let rows = design.rows
        let columns = design.columns
        precondition(responses.rows == rows, "Responses need one row per design row (\(rows)), got \(responses.rows)")
        if let weights {
            precondition(weights.count == rows, "Weights need one value per design row (\(rows)), got \(weights.count)")
            precondition(!weights.contains { $0 < 0 }, "Weights must be non-negative")
        }
        let effectiveRows = weights.map { $0.reduce(0) { $1 > 0 ? $0 + 1 : $0 } } ?? rows
        if effectiveRows < columns { throw .underdetermined(rows: effectiveRows, columns: columns) }

        var problem = ScaledProblem(design: design, responses: responses, weights: weights)
        var scaledCoefficients: [[Double]]
        var rank: Int
        var scaledCovariance: Matrix
        switch method {
        case .qr(let kernel, let refinement):
            if let zero = problem.columnScale.firstIndex(of: 0) { throw .rankDeficient(column: zero) }
            let handWritten = kernel == .handWritten || (kernel == .automatic && rows * columns <= handWrittenLimit)
            if !handWritten && !refinement {
                (scaledCoefficients, scaledCovariance) = try problem.solveByQR()
            } else {
                let factorisation = try problem.factorise(kernel: handWritten ? .handWritten : .lapack)
                scaledCoefficients = problem.solve(with: factorisation)
                if refinement {
                    for k in 0..<responses.columns {
                        for j in 0..<columns { scaledCoefficients[k][j] /= problem.columnScale[j] }
                        refine(
                            &scaledCoefficients[k], design: design, response: responses.column(k), weights: weights,
                            factorisation: factorisation, columnScale: problem.columnScale)
                        for j in 0..<columns { scaledCoefficients[k][j] *= problem.columnScale[j] }
                    }
                }
                scaledCovariance = inverseOfGram(fromUpperTriangular: factorisation.storage, leadingDimension: rows, order: columns)
            }
            rank = columns
        case .svd(let relativeTolerance):
            let tolerance = relativeTolerance ?? Double.ulpOfOne * Double(max(rows, columns))
            (scaledCoefficients, scaledCovariance, rank) = try problem.solveBySVD(relativeTolerance: tolerance)
        }

        // Undo the column scaling: β = D⁻¹β̃ and (XᵀWX)⁻¹ = D⁻¹ (X̃ᵀX̃)⁻¹ D⁻¹.
        let scale = problem.columnScale
        for j in 0..<columns {
            for i in 0..<columns {
                let divisor = scale[i] * scale[j]
                scaledCovariance.elements[i + j * columns] = divisor > 0 ? scaledCovariance.elements[i + j * columns] / divisor : 0
            }
        }
        var coefficientMatrix = Matrix(rows: columns, columns: responses.columns)
        for k in 0..<responses.columns {
            for j in 0..<columns {
                coefficientMatrix.elements[j + k * columns] = scale[j] > 0 ? scaledCoefficients[k][j] / scale[j] : 0
            }
        }
        // One response: dgemv, whose rounding differs from dgemm's in the last bits.
        let fitted =
            responses.columns == 1
            ? Matrix(rows: rows, columns: 1, columnMajor: design.multiplied(by: coefficientMatrix.elements))
            : design.multiplied(by: coefficientMatrix)
        return (0..<responses.columns).map { k in
            var residuals = [Double](repeating: 0, count: rows)
            var residualSumOfSquares = 0.0
            for i in 0..<rows {
                residuals[i] = responses.elements[i + k * rows] - fitted.elements[i + k * rows]
                residualSumOfSquares += (weights?[i] ?? 1) * residuals[i] * residuals[i]
            }
            return LeastSquaresSolution(
                coefficients: coefficientMatrix.column(k),
                fittedValues: fitted.column(k),
                residuals: residuals,
                residualSumOfSquares: residualSumOfSquares,
                rank: rank,
                residualDegreesOfFreedom: effectiveRows - rank,
                unscaledCovariance: scaledCovariance
            )
        }
    }
}

/// The weighted, column-scaled problem `X̃ β̃ ≈ Ỹ` with `X̃ = W^½ X D⁻¹`, `Ỹ = W^½ Y`, for one
/// or more responses `Y`.
struct ScaledProblem {
    let rows: Int
    let columns: Int
    /// Number of responses (right-hand sides).
    let responseCount: Int
    /// Leading dimension of `responses`: `max(rows, columns)`, as LAPACK's drivers need.
    let responseStride: Int
    /// `X̃`, column-major, overwritten by the factorisations.
    var design: [Double]
    /// `Ỹ`, column-major with leading dimension `responseStride`.
    var responses: [Double]
    /// `D`: the Euclidean norms of the weighted columns (0 for an all-zero column).
    var columnScale: [Double]

    init(design matrix: Matrix, responses y: Matrix, weights: [Double]?) {
        rows = matrix.rows
        columns = matrix.columns
        responseCount = y.columns
        responseStride = max(1, rows, columns)
        design = matrix.elements
        responses = [Double](repeating: 0, count: responseStride * responseCount)
        for k in 0..<responseCount {
            for i in 0..<rows { responses[i + k * responseStride] = y.elements[i + k * rows] }
        }
        if let weights {
            for i in 0..<rows {
                let root = weights[i].squareRoot()
                for k in 0..<responseCount { responses[i + k * responseStride] *= root }
                for j in 0..<columns { design[i + j * rows] *= root }
            }
        }
        columnScale = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            var norm = 0.0
            design.withUnsafeBufferPointer { a in
                norm = cblas_dnrm2(blasInt(rows), a.baseAddress! + j * rows, 1)
            }
            columnScale[j] = norm
            if norm > 0 {
                let inverse = 1 / norm
                for i in 0..<rows { design[i + j * rows] *= inverse }
            }
        }
    }

    /// The first `columns` entries of each response column (where LAPACK leaves solutions).
    private var leadingBlock: [[Double]] {
        (0..<responseCount).map { k in Array(responses[(k * responseStride)..<(k * responseStride + columns)]) }
    }

    /// `dgels` on the scaled problem, then `(X̃ᵀX̃)⁻¹` from its `R` by `dpotri`.
    mutating func solveByQR() throws(LinearAlgebraError) -> ([[Double]], Matrix) {
        let (rows, columns, count, stride) = (self.rows, self.columns, self.responseCount, self.responseStride)
        let leading = max(1, rows)
        let info = design.withUnsafeMutableBufferPointer { a in
            responses.withUnsafeMutableBufferPointer { b in
                LAPACKE_dgels(
                    LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), lapackInt(rows), lapackInt(columns), lapackInt(count),
                    a.baseAddress, lapackInt(leading), b.baseAddress, lapackInt(stride)
                )
            }
        }
        if info > 0 { throw .rankDeficient(column: Int(info) - 1) }
        precondition(info == 0, "dgels rejected argument \(-info)")
        // dgels only stops on an exactly zero pivot; with unit-norm columns, |Rⱼⱼ| is the part
        // of column j not explained by the columns before it, so a tiny one is collinearity.
        if let column = firstNegligiblePivot(inUpperTriangular: design, leadingDimension: leading) {
            throw .rankDeficient(column: column)
        }
        return (leadingBlock, inverseOfGram(fromUpperTriangular: design, leadingDimension: leading, order: columns))
    }

    /// The QR factorisation of `X̃` by the given kernel, with the rank check on `R`.
    func factorise(kernel: HouseholderQR.Kernel) throws(LinearAlgebraError) -> HouseholderQR {
        let factorisation = HouseholderQR(factorising: design, rows: rows, columns: columns, kernel: kernel)
        if let column = firstNegligiblePivot(inUpperTriangular: factorisation.storage, leadingDimension: rows) {
            throw .rankDeficient(column: column)
        }
        return factorisation
    }

    /// `β̃ = R⁻¹ (Qᵀ ỹ)₁..ₚ` for every response.
    func solve(with factorisation: HouseholderQR) -> [[Double]] {
        var work = responses
        work.withUnsafeMutableBufferPointer { b in
            for k in 0..<responseCount {
                let column = b.baseAddress! + k * responseStride
                factorisation.applyTranspose(to: column)
                factorisation.solveR(column)
            }
        }
        return (0..<responseCount).map { k in Array(work[(k * responseStride)..<(k * responseStride + columns)]) }
    }

    /// The first column whose pivot `|Rⱼⱼ|` is at most `ε · max(rows, columns) · maxᵢ |Rᵢᵢ|`
    /// (the same relative threshold as the SVD method's default), if any.
    func firstNegligiblePivot(inUpperTriangular buffer: [Double], leadingDimension: Int) -> Int? {
        var largest = 0.0
        for j in 0..<columns { largest = max(largest, abs(buffer[j + j * leadingDimension])) }
        let threshold = Double.ulpOfOne * Double(max(rows, columns)) * largest
        return (0..<columns).first { abs(buffer[$0 + $0 * leadingDimension]) <= threshold }
    }

    /// `dgelsd` on the scaled problem; `(X̃ᵀX̃)⁺` from the SVD of `X̃` (`dgesdd`).
    mutating func solveBySVD(relativeTolerance: Double) throws(LinearAlgebraError) -> ([[Double]], Matrix, Int) {
        let (rows, columns, count, stride) = (self.rows, self.columns, self.responseCount, self.responseStride)
        let scaledDesign = Matrix(rows: rows, columns: columns, columnMajor: design)
        var singularValues = [Double](repeating: 0, count: min(rows, columns))
        var rank: scorecast_lapack_int = 0
        let info = design.withUnsafeMutableBufferPointer { a in
            responses.withUnsafeMutableBufferPointer { b in
                singularValues.withUnsafeMutableBufferPointer { s in
                    LAPACKE_dgelsd(
                        LAPACK_COL_MAJOR, lapackInt(rows), lapackInt(columns), lapackInt(count),
                        a.baseAddress, lapackInt(max(1, rows)), b.baseAddress, lapackInt(stride),
                        s.baseAddress, relativeTolerance, &rank
                    )
                }
            }
        }
        if info > 0 { throw .didNotConverge }
        precondition(info == 0, "dgelsd rejected argument \(-info)")
        let decomposition = try SingularValueDecomposition(scaledDesign)
        return (leadingBlock, decomposition.pseudoInverseOfGram(rank: Int(rank)), Int(rank))
    }
}

/// `(RᵀR)⁻¹` for the upper-triangular `R` held in the top `order × order` block of a
/// column-major buffer, by LAPACK `dpotri`; both triangles filled.
func inverseOfGram(fromUpperTriangular buffer: [Double], leadingDimension: Int, order: Int) -> Matrix {
    var triangle = [Double](repeating: 0, count: order * order)
    for j in 0..<order {
        for i in 0...j where i < order { triangle[i + j * order] = buffer[i + j * leadingDimension] }
    }
    if order > 0 {
        let info = triangle.withUnsafeMutableBufferPointer { r in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), lapackInt(order), r.baseAddress, lapackInt(order))
        }
        precondition(info == 0, "dpotri failed on a nonsingular triangular factor (info \(info))")
    }
    for j in 0..<order {
        for i in (j + 1)..<max(j + 1, order) { triangle[i + j * order] = triangle[j + i * order] }
    }
    return Matrix(rows: order, columns: order, columnMajor: triangle)
}

/// The result of ``LeastSquares/solve(design:response:weights:method:)``.
///
/// Follows R's `lm` conventions: residuals are on the response scale (`y − Xβ`, unweighted),
/// the residual sum of squares is weighted, and standard errors use
/// `σ̂² = RSS / (n₊ − rank)` with `n₊` the number of rows with positive weight.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// The coefficients `β`, one per design column.
    public var coefficients: [Double]
    /// `Xβ`.
    public var fittedValues: [Double]
    /// `y − Xβ`.
    public var residuals: [Double]
    /// `Σ wᵢ (yᵢ − xᵢᵀβ)²`.
    public var residualSumOfSquares: Double
    /// The numerical rank of the (weighted) design.
    public var rank: Int
    /// Residual degrees of freedom, `n₊ − rank`.
    public var residualDegreesOfFreedom: Int
    /// `(XᵀWX)⁻¹` (the Moore–Penrose pseudo-inverse when rank-deficient): multiply by `σ̂²` for
    /// the coefficient covariance. GLM fitting by IRLS needs it unscaled.
    public var unscaledCovariance: Matrix

    public init(
        coefficients: [Double], fittedValues: [Double], residuals: [Double], residualSumOfSquares: Double,
        rank: Int, residualDegreesOfFreedom: Int, unscaledCovariance: Matrix
    ) {
        self.coefficients = coefficients
        self.fittedValues = fittedValues
        self.residuals = residuals
        self.residualSumOfSquares = residualSumOfSquares
        self.rank = rank
        self.residualDegreesOfFreedom = residualDegreesOfFreedom
        self.unscaledCovariance = unscaledCovariance
    }

    /// `σ̂² = RSS / (n₊ − rank)`; NaN when there are no residual degrees of freedom.
    public var residualVariance: Double {
        residualDegreesOfFreedom > 0 ? residualSumOfSquares / Double(residualDegreesOfFreedom) : .nan
    }

    /// The residual standard error `σ̂`.
    public var residualStandardError: Double { residualVariance.squareRoot() }

    /// The estimated covariance of the coefficients, `σ̂² (XᵀWX)⁻¹`.
    public var covariance: Matrix {
        let variance = residualVariance
        return Matrix(
            rows: unscaledCovariance.rows, columns: unscaledCovariance.columns,
            columnMajor: unscaledCovariance.elements.map { $0 * variance })
    }

    /// The coefficients' standard errors, `√(σ̂² [(XᵀWX)⁻¹]ⱼⱼ)`.
    public var standardErrors: [Double] {
        let variance = residualVariance
        return unscaledCovariance.diagonal.map { ($0 * variance).squareRoot() }
    }
}
