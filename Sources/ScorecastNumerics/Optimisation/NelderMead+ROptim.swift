extension NelderMead {
    /// Minimises `objective` by the Nelder–Mead variant R's `optim(method = "Nelder-Mead")`
    /// runs, step for step, so that models estimated in R can be reproduced.
    ///
    /// This is the compact simplex method of J. C. Nash, *Compact Numerical Methods for
    /// Computers* (2nd ed., Adam Hilger 1990, Algorithm 19), as R's `nmmin` (`src/appl/optim.c`)
    /// implements it and R forecast's `ets()` calls it. It differs from ``minimize(start:lower:upper:objective:)``
    /// (Lagarias et al.) in ways that change where a search on a flat or multi-modal surface
    /// ends:
    /// - the first simplex moves coordinate i by 10% of the largest |start coordinate| (0.1
    ///   when all are zero), growing the step tenfold while it is lost to rounding;
    /// - after a failed reflection the worst vertex is first replaced by the reflected point
    ///   when that is better than it, and a contraction toward the centroid is always tried;
    ///   the simplex shrinks toward the best vertex only when the reflection was no better than
    ///   the worst, and the search stops (failure code 10) if a shrink does not reduce the
    ///   simplex's size;
    /// - it stops when the spread of values is at most `relativeTolerance · (|f(start)| +
    ///   relativeTolerance)` or the best value is at most `absoluteTolerance`, or after more than
    ///   `maximumEvaluations` evaluations.
    /// There are no bounds: the objective returns `+∞` (or any non-finite value, treated as
    /// 1e35 as R does) outside its domain. Uses ``Options/reflection``, ``Options/contraction``,
    /// ``Options/expansion``, ``Options/absoluteTolerance``, ``Options/relativeTolerance`` and
    /// ``Options/maximumEvaluations``; ignores the others.
    ///
    /// - Returns: the best vertex and its value; `value` is `+∞` and `converged` false when the
    ///   objective is not finite at `start` (R stops with an error there).
    /// - Complexity: O(n) per iteration besides the evaluations; allocates only its buffers, once.
    public func minimizeLikeR(start: [Double], objective: ([Double]) -> Double) -> OptimisationResult {
        let n = start.count
        precondition(n > 0, "Nelder–Mead needs at least one coordinate")
        let alpha = options.reflection, beta = options.contraction, gamma = options.expansion
        let big = 1.0e35
        var point = start
        var evaluations = 0
        let first = objective(point)
        evaluations += 1
        guard first.isFinite else {
            return OptimisationResult(point: start, value: .infinity, iterations: 0, evaluations: evaluations, converged: false)
        }
        let convergenceSpread = options.relativeTolerance * (abs(first) + options.relativeTolerance)
        // Columns 0...n are vertices, column n + 1 the centroid; vertex j at simplex[j * n + i].
        var simplex = [Double](repeating: 0, count: (n + 2) * n)
        var values = [Double](repeating: 0, count: n + 2)
        let centroidColumn = n + 1
        for i in 0..<n { simplex[i] = point[i] }
        values[0] = first
        var step = 0.0
        for i in 0..<n where 0.1 * abs(point[i]) > step { step = 0.1 * abs(point[i]) }
        if step == 0 { step = 0.1 }
        var size = 0.0
        for j in 1...n {
            for i in 0..<n { simplex[j * n + i] = point[i] }
            var trialStep = step
            while simplex[j * n + j - 1] == point[j - 1] {
                simplex[j * n + j - 1] = point[j - 1] + trialStep
                trialStep *= 10
            }
            size += trialStep
        }
        var oldSize = size
        var recompute = true
        var best = 0
        var iterations = 0
        var converged = false
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let value = objective(x)
            return value.isFinite ? value : big
        }
        repeat {
            if recompute {
                for j in 0...n where j != best {
                    for i in 0..<n { point[i] = simplex[j * n + i] }
                    values[j] = evaluate(point)
                }
                recompute = false
            }
            var lowest = values[best], highest = lowest
            var worst = best
            for j in 0...n where j != best {
                let value = values[j]
                if value < lowest {
                    best = j
                    lowest = value
                }
                if value > highest {
                    worst = j
                    highest = value
                }
            }
            if highest <= lowest + convergenceSpread || lowest <= options.absoluteTolerance {
                converged = true
                break
            }
            iterations += 1
            for i in 0..<n {
                var total = -simplex[worst * n + i]
                for j in 0...n { total += simplex[j * n + i] }
                simplex[centroidColumn * n + i] = total / Double(n)
            }
            for i in 0..<n {
                point[i] = (1 + alpha) * simplex[centroidColumn * n + i] - alpha * simplex[worst * n + i]
            }
            let reflectedValue = evaluate(point)
            if reflectedValue < lowest {
                // Expansion; the centroid column keeps the reflected point.
                values[centroidColumn] = reflectedValue
                for i in 0..<n {
                    let expanded = gamma * point[i] + (1 - gamma) * simplex[centroidColumn * n + i]
                    simplex[centroidColumn * n + i] = point[i]
                    point[i] = expanded
                }
                let expandedValue = evaluate(point)
                if expandedValue < reflectedValue {
                    for i in 0..<n { simplex[worst * n + i] = point[i] }
                    values[worst] = expandedValue
                } else {
                    for i in 0..<n { simplex[worst * n + i] = simplex[centroidColumn * n + i] }
                    values[worst] = reflectedValue
                }
            } else {
                if reflectedValue < highest {
                    for i in 0..<n { simplex[worst * n + i] = point[i] }
                    values[worst] = reflectedValue
                }
                for i in 0..<n {
                    point[i] = (1 - beta) * simplex[worst * n + i] + beta * simplex[centroidColumn * n + i]
                }
                let contractedValue = evaluate(point)
                if contractedValue < values[worst] {
                    for i in 0..<n { simplex[worst * n + i] = point[i] }
                    values[worst] = contractedValue
                } else if reflectedValue >= highest {
                    recompute = true
                    size = 0
                    for j in 0...n where j != best {
                        for i in 0..<n {
                            let anchor = simplex[best * n + i]
                            simplex[j * n + i] = beta * (simplex[j * n + i] - anchor) + anchor
                            size += abs(simplex[j * n + i] - anchor)
                        }
                    }
                    if size < oldSize {
                        oldSize = size
                    } else {
                        break
                    }
                }
            }
        } while evaluations <= options.maximumEvaluations
        return OptimisationResult(
            point: Array(simplex[(best * n)..<((best + 1) * n)]), value: values[best],
            iterations: iterations, evaluations: evaluations, converged: converged)
    }
}
