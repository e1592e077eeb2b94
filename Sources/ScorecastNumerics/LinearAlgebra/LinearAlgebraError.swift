/// Why a factorisation or solve could not be completed on the data given.
///
/// Shape mismatches are programmer errors and stop with a precondition; these cases are
/// properties of the numbers, which callers fitting models to real data must handle.
public enum LinearAlgebraError: Error, Equatable, Sendable {
    /// The matrix is not (numerically) positive definite: the leading minor of this order
    /// (1-based, as LAPACK's `dpotrf` reports it) is not positive.
    case notPositiveDefinite(leadingMinor: Int)
    /// The design matrix does not have full column rank; `column` (0-based) is the first
    /// column found to depend on the others. Use ``LeastSquares/Method/svd`` for a
    /// minimum-norm solution of a rank-deficient problem.
    case rankDeficient(column: Int)
    /// Fewer rows (observations with positive weight) than columns (parameters).
    case underdetermined(rows: Int, columns: Int)
    /// An iterative LAPACK routine (SVD, eigendecomposition) did not converge.
    case didNotConverge
}
