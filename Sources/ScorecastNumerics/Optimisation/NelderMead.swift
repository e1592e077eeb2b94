/// Bounded Nelder–Mead simplex minimisation.
///
/// The method of Nelder and Mead (1965), in the form given by Lagarias, Reeds, Wright and
/// Wright (1998): reflection, expansion, outside and inside contraction, and shrink toward the
/// best vertex. Bounds are handled as statsforecast's `nelder_mead` handles them
/// (`include/statsforecast/nelder_mead.h` in Nixtla/statsforecast): the start and every trial
/// point are clamped into `[lower, upper]` coordinate by coordinate, so the objective is only
/// ever evaluated inside the box.
///
/// The options are those R's `optim(method = "Nelder-Mead")` and statsforecast expose:
/// R's `abstol`, `reltol` and `maxit` (a cap on objective evaluations), statsforecast's
/// `init_step`, `zero_pert`, `tol_std`, `max_iter` and `adaptive`, and the four coefficients
/// (`alpha`, `gamma`, `rho`/`beta`, `sigma`).
///
/// The inner loop allocates nothing: the simplex, its values and the trial points live in
/// buffers made once per call, and the objective receives the same trial array each time
/// (do not keep it beyond the call).
///
/// ```swift
/// let result = NelderMead().minimize(start: [0.5, 0.5], lower: [0, 0], upper: [1, 1]) { p in
///     (p[0] - 0.2) * (p[0] - 0.2) + (p[1] - 2) * (p[1] - 2)
/// }
/// // result.point ≈ [0.2, 1.0]: the second coordinate's optimum lies on its upper bound.
/// ```
///
/// - References: J. A. Nelder and R. Mead, "A simplex method for function minimization",
///   Computer Journal 7 (1965) 308–313. J. C. Lagarias et al., "Convergence properties of the
///   Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9 (1998) 112–147. F. Gao and
///   L. Han, "Implementing the Nelder–Mead simplex algorithm with adaptive parameters",
///   Comput. Optim. Appl. 51 (2012) 259–277 (the `adaptive` coefficients).
public struct NelderMead: Sendable {
    /// How the first simplex is built around the (clamped) start `x₀`.
    public enum InitialSimplex: Sendable, Equatable {
        /// statsforecast's rule: vertex `i` moves coordinate `i` to `x₀ᵢ · (1 + step)`, or to
        /// `zeroPerturbation` when `x₀ᵢ == 0`.
        case proportional(step: Double, zeroPerturbation: Double)
        /// R `optim`'s rule: vertex `i` adds `size` to coordinate `i`, where `size` is
        /// `fraction · maxᵢ |x₀ᵢ|` (or `fraction` when the start is all zeros).
        case uniform(fraction: Double)
    }

    /// Tuning options; the defaults follow R's `optim` tolerances with statsforecast's simplex.
    public struct Options: Sendable, Equatable {
        /// Stop when the best value is at or below this (R `abstol`; default `-∞`, never).
        public var absoluteTolerance: Double = -.infinity
        /// Stop when the spread of values over the simplex is at most
        /// `relativeTolerance · (|f(x₀)| + relativeTolerance)` (R `reltol`, whose rule scales by
        /// the value at the start). Default `√ε ≈ 1.49e-8`, R's default.
        public var relativeTolerance: Double = 1.4901161193847656e-08
        /// Stop when the population standard deviation of the values over the simplex is below
        /// this (statsforecast `tol_std`; default 0, never).
        public var standardDeviationTolerance: Double = 0
        /// Cap on simplex iterations (statsforecast `max_iter`).
        public var maximumIterations: Int = 10_000
        /// Cap on objective evaluations (R `maxit`, whose default for Nelder–Mead is 500).
        public var maximumEvaluations: Int = 500
        /// The first simplex (statsforecast's default: 5 % steps, `1e-4` from zero).
        public var initialSimplex: InitialSimplex = .proportional(step: 0.05, zeroPerturbation: 1e-4)
        /// Reflection coefficient α > 0 (R `alpha`, default 1).
        public var reflection: Double = 1
        /// Expansion coefficient γ > 1 (R `gamma`, default 2).
        public var expansion: Double = 2
        /// Contraction coefficient 0 < ρ < 1 (R `beta`, statsforecast `rho`; default 0.5).
        public var contraction: Double = 0.5
        /// Shrink coefficient 0 < σ < 1 (statsforecast `sigma`; default 0.5).
        public var shrink: Double = 0.5
        /// Use Gao and Han's dimension-dependent expansion, contraction and shrink
        /// coefficients (statsforecast `adaptive`), overriding the three above.
        public var adaptive: Bool = false

        public init() {}
    }

    /// The options this optimiser runs with.
    public var options: Options

    /// An optimiser with the given options.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Minimises `objective` over the box `[lower, upper]` starting from `start`.
    ///
    /// - Parameters:
    ///   - start: the starting point; clamped into the box first.
    ///   - lower: lower bounds, one per coordinate (`-.infinity` for none).
    ///   - upper: upper bounds, one per coordinate (`+.infinity` for none).
    ///   - objective: the function to minimise. A NaN value is treated as `+∞` (worse than
    ///     anything), so an objective may return NaN where it is undefined.
    /// - Returns: the best vertex of the final simplex and its value.
    /// - Complexity: `O(n)` work per iteration besides the one or two objective evaluations
    ///   (shrink steps evaluate `n` points), for `n` coordinates.
    public func minimize(
        start: [Double],
        lower: [Double],
        upper: [Double],
        objective: ([Double]) -> Double
    ) -> OptimisationResult {
        let n = start.count
        precondition(n > 0, "Nelder–Mead needs at least one coordinate")
        precondition(lower.count == n && upper.count == n, "Bounds need one entry per coordinate")
        precondition(zip(lower, upper).allSatisfy { $0 <= $1 }, "Each lower bound must not exceed its upper bound")

        var reflection = options.reflection
        var expansion = options.expansion
        var contraction = options.contraction
        var shrink = options.shrink
        if options.adaptive {
            let dimension = Double(n)
            reflection = 1
            expansion = 1 + 2 / dimension
            contraction = 0.75 - 1 / (2 * dimension)
            shrink = 1 - 1 / dimension
        }

        // Vertex k occupies simplex[k * n ..< (k + 1) * n].
        var simplex = [Double](repeating: 0, count: (n + 1) * n)
        var values = [Double](repeating: 0, count: n + 1)
        var centroid = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var reflected = [Double](repeating: 0, count: n)
        var evaluations = 0

        func evaluate(_ point: [Double]) -> Double {
            evaluations += 1
            let value = objective(point)
            return value.isNaN ? .infinity : value
        }

        for i in 0..<n { trial[i] = min(max(start[i], lower[i]), upper[i]) }
        let startValue = evaluate(trial)
        for k in 0...n {
            for i in 0..<n { simplex[k * n + i] = trial[i] }
        }
        values[0] = startValue
        let uniformSize: Double = {
            guard case .uniform(let fraction) = options.initialSimplex else { return 0 }
            let largest = trial.reduce(0) { max($0, abs($1)) }
            return largest > 0 ? fraction * largest : fraction
        }()
        for i in 0..<n {
            let origin = trial[i]
            var moved: Double
            switch options.initialSimplex {
            case .proportional(let step, let zeroPerturbation):
                moved = origin == 0 ? zeroPerturbation : origin * (1 + step)
            case .uniform:
                moved = origin + uniformSize
            }
            var clamped = min(max(moved, lower[i]), upper[i])
            if clamped == origin {
                // The step ran into a bound: step the other way so the simplex keeps its volume.
                clamped = min(max(origin - (moved - origin), lower[i]), upper[i])
            }
            simplex[(i + 1) * n + i] = clamped
            trial[i] = clamped
            values[i + 1] = evaluate(trial)
            trial[i] = origin
        }

        let convergenceSpread = options.relativeTolerance * (abs(startValue) + options.relativeTolerance)
        var iterations = 0
        var converged = false
        var best = 0

        while true {
            // Best, worst and second-worst vertices by one scan.
            best = 0
            var worst = 0
            for k in 1...n {
                if values[k] < values[best] { best = k }
                if values[k] > values[worst] { worst = k }
            }
            if worst == best { worst = best == 0 ? 1 : 0 }
            var secondWorst = best
            for k in 0...n where k != worst && values[k] > values[secondWorst] { secondWorst = k }

            let bestValue = values[best]
            let worstValue = values[worst]
            if bestValue <= options.absoluteTolerance || (worstValue.isFinite && worstValue - bestValue <= convergenceSpread) {
                converged = true
                break
            }
            if options.standardDeviationTolerance > 0 {
                var mean = 0.0
                for value in values { mean += value }
                mean /= Double(n + 1)
                var sumOfSquares = 0.0
                for value in values { sumOfSquares += (value - mean) * (value - mean) }
                if (sumOfSquares / Double(n + 1)).squareRoot() < options.standardDeviationTolerance {
                    converged = true
                    break
                }
            }
            if iterations >= options.maximumIterations || evaluations >= options.maximumEvaluations { break }
            iterations += 1

            for i in 0..<n { centroid[i] = 0 }
            for k in 0...n where k != worst {
                for i in 0..<n { centroid[i] += simplex[k * n + i] }
            }
            for i in 0..<n { centroid[i] /= Double(n) }

            // Reflection.
            for i in 0..<n {
                let value = centroid[i] + reflection * (centroid[i] - simplex[worst * n + i])
                reflected[i] = min(max(value, lower[i]), upper[i])
            }
            let reflectedValue = evaluate(reflected)

            if reflectedValue < bestValue {
                // Expansion.
                for i in 0..<n {
                    let value = centroid[i] + expansion * (reflected[i] - centroid[i])
                    trial[i] = min(max(value, lower[i]), upper[i])
                }
                let expandedValue = evaluate(trial)
                if expandedValue < reflectedValue {
                    replace(vertex: worst, with: trial, value: expandedValue, in: &simplex, values: &values, n: n)
                } else {
                    replace(vertex: worst, with: reflected, value: reflectedValue, in: &simplex, values: &values, n: n)
                }
                continue
            }
            if reflectedValue < values[secondWorst] {
                replace(vertex: worst, with: reflected, value: reflectedValue, in: &simplex, values: &values, n: n)
                continue
            }
            if reflectedValue < worstValue {
                // Outside contraction, toward the reflected point.
                for i in 0..<n {
                    let value = centroid[i] + contraction * (reflected[i] - centroid[i])
                    trial[i] = min(max(value, lower[i]), upper[i])
                }
                let contractedValue = evaluate(trial)
                if contractedValue <= reflectedValue {
                    replace(vertex: worst, with: trial, value: contractedValue, in: &simplex, values: &values, n: n)
                    continue
                }
            } else {
                // Inside contraction, toward the worst vertex.
                for i in 0..<n {
                    let value = centroid[i] + contraction * (simplex[worst * n + i] - centroid[i])
                    trial[i] = min(max(value, lower[i]), upper[i])
                }
                let contractedValue = evaluate(trial)
                if contractedValue < worstValue {
                    replace(vertex: worst, with: trial, value: contractedValue, in: &simplex, values: &values, n: n)
                    continue
                }
            }
            // Shrink every vertex toward the best.
            for k in 0...n where k != best {
                for i in 0..<n {
                    let anchor = simplex[best * n + i]
                    let value = anchor + shrink * (simplex[k * n + i] - anchor)
                    trial[i] = min(max(value, lower[i]), upper[i])
                    simplex[k * n + i] = trial[i]
                }
                values[k] = evaluate(trial)
            }
        }

        let point = Array(simplex[(best * n)..<((best + 1) * n)])
        return OptimisationResult(
            point: point, value: values[best], iterations: iterations, evaluations: evaluations, converged: converged
        )
    }

    /// Minimises `objective` without bounds (every coordinate in `(-∞, ∞)`).
    public func minimize(start: [Double], objective: ([Double]) -> Double) -> OptimisationResult {
        let unbounded = [Double](repeating: .infinity, count: start.count)
        return minimize(start: start, lower: unbounded.map { -$0 }, upper: unbounded, objective: objective)
    }

    @inline(__always)
    private func replace(vertex: Int, with point: [Double], value: Double, in simplex: inout [Double], values: inout [Double], n: Int) {
        for i in 0..<n { simplex[vertex * n + i] = point[i] }
        values[vertex] = value
    }
}
