/// The outcome of a multivariate minimisation.
///
/// `point` is the best point the optimiser found and `value` the objective there, whether or
/// not the convergence test was met: an optimiser that stops at its iteration cap still
/// reports its best point, with `converged == false`.
public struct OptimisationResult: Sendable, Equatable {
    /// The best point found.
    public var point: [Double]
    /// The objective at `point`.
    public var value: Double
    /// Iterations of the method (simplex steps for Nelder–Mead, line searches for BFGS).
    public var iterations: Int
    /// Number of objective evaluations, including any spent on numerical gradients.
    public var evaluations: Int
    /// Whether the method's convergence test was met before its iteration or evaluation cap.
    public var converged: Bool

    public init(point: [Double], value: Double, iterations: Int, evaluations: Int, converged: Bool) {
        self.point = point
        self.value = value
        self.iterations = iterations
        self.evaluations = evaluations
        self.converged = converged
    }
}

/// The outcome of a one-dimensional minimisation.
public struct ScalarOptimisationResult: Sendable, Equatable {
    /// The best point found.
    public var point: Double
    /// The objective at `point`.
    public var value: Double
    /// Iterations (one objective evaluation each, after the first).
    public var iterations: Int
    /// Whether the interval shrank below the tolerance before the iteration cap.
    public var converged: Bool

    public init(point: Double, value: Double, iterations: Int, converged: Bool) {
        self.point = point
        self.value = value
        self.iterations = iterations
        self.converged = converged
    }
}
