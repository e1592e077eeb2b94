import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a generalized linear model could not be fitted.
public enum GLMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A response the family cannot take (a negative count, successes above trials, ...),
    /// with its row (zero-based).
    case invalidResponse(row: Int, reason: String)
    /// The design does not determine the coefficients (collinear or too few rows).
    case singularDesign(String)
    /// IRLS did not converge within the iteration limit.
    case didNotConverge(iterations: Int)

    public var description: String {
        switch self {
        case .invalidResponse(let row, let reason): "row \(row + 1): \(reason)"
        case .singularDesign(let reason): "the design matrix is singular: \(reason)"
        case .didNotConverge(let iterations): "IRLS did not converge in \(iterations) iterations"
        }
    }
}

/// A fitted generalized linear model: coefficients, their covariance, and the fit's summaries.
///
/// Conventions follow R's `glm` and `summary.glm`: `standardErrors` are scaled by
/// `dispersion`; `deviance`, `nullDeviance`, `aic` and `logLikelihood` are R's. For the
/// quasi families the likelihood and AIC are `NaN`.
public struct GLMFit: Sendable {
    public var family: GLMFamily
    /// The coefficients β, one per design column.
    public var coefficients: [Double]
    /// (XᵀWX)⁻¹ at the converged weights.
    public var unscaledCovariance: Matrix
    /// φ: 1 for Poisson, binomial and negative binomial; estimated otherwise.
    public var dispersion: Double
    /// η = Xβ + offset, one per row.
    public var linearPredictor: [Double]
    /// μ = g⁻¹(η): the expected count, or the success probability for the binomials.
    public var fittedMeans: [Double]
    /// The response as the family sees it (a proportion for the binomials).
    public var response: [Double]
    /// Prior weights (the trials for the binomials, otherwise 1).
    public var priorWeights: [Double]
    public var deviance: Double
    public var nullDeviance: Double
    public var residualDegreesOfFreedom: Int
    public var logLikelihood: Double
    public var aic: Double
    public var iterations: Int

    /// Covariance of β: φ (XᵀWX)⁻¹.
    public var covariance: Matrix {
        Matrix(
            rows: unscaledCovariance.rows, columns: unscaledCovariance.columns,
            columnMajor: unscaledCovariance.elements.map { $0 * dispersion })
    }

    /// Standard errors of β.
    public var standardErrors: [Double] {
        (0..<coefficients.count).map { (unscaledCovariance[$0, $0] * dispersion).squareRoot() }
    }

    /// Pearson residuals (y − μ) √w / √V(μ).
    public var pearsonResiduals: [Double] {
        (0..<response.count).map { i in
            (response[i] - fittedMeans[i]) * (priorWeights[i] / family.variance(fittedMeans[i])).squareRoot()
        }
    }

    /// The Pearson χ² statistic Σ (pearson residual)².
    public var pearsonChiSquared: Double { pearsonResiduals.reduce(0) { $0 + $1 * $1 } }
}

/// Generalized linear models fitted by iteratively reweighted least squares.
///
/// Each iteration forms the working response z = η + (y − μ) dη/dμ and weights
/// w = prior · (dμ/dη)² / V(μ), and solves the weighted least-squares problem by Householder QR
/// on LAPACK (``LeastSquares``). Iteration stops when the relative change of the deviance,
/// |D − D_old| / (|D| + 0.1), falls below `tolerance` (R's `glm.control` criterion), with step
/// halving when a step makes the deviance non-finite or larger.
///
/// Reference: P. McCullagh and J. A. Nelder, *Generalized Linear Models*, 2nd ed. (1989),
/// §2.5; R's `glm.fit`.
public enum GeneralizedLinearModel {
    /// Fits `family` to `response` on `design`.
    ///
    /// - Parameters:
    ///   - design: the n × p design matrix (include an intercept column if wanted).
    ///   - response: counts, values, or (binomial families) numbers of successes.
    ///   - trials: the binomial families' numbers of trials (required for them, ignored otherwise).
    ///   - offset: an optional known part of the linear predictor.
    ///   - start: optional starting coefficients (otherwise the family's starting means).
    /// - Throws: ``GLMError``.
    /// - Complexity: O(n p²) per iteration; a handful of iterations.
    public static func fit(
        design: Matrix, response: [Double], trials: [Double]? = nil, offset: [Double]? = nil,
        family: GLMFamily, start: [Double]? = nil, tolerance: Double = 1e-12, maximumIterations: Int = 100
    ) throws(GLMError) -> GLMFit {
        let n = design.rows
        let p = design.columns
        precondition(response.count == n, "response needs one value per design row")
        let offset = offset ?? [Double](repeating: 0, count: n)
        var y = response
        var priorWeights = [Double](repeating: 1, count: n)
        for i in 0..<n {
            let value = response[i]
            guard value.isFinite else { throw .invalidResponse(row: i, reason: "missing or infinite response") }
            switch family {
            case .poisson, .quasiPoisson, .negativeBinomial:
                if value < 0 { throw .invalidResponse(row: i, reason: "a count must not be negative") }
            case .binomial, .quasiBinomial:
                guard let trials else { preconditionFailure("binomial families need trials") }
                let total = trials[i]
                guard total > 0, value >= 0, value <= total else {
                    throw .invalidResponse(row: i, reason: "successes must lie in 0...trials with trials > 0")
                }
                y[i] = value / total
                priorWeights[i] = total
            case .gaussian:
                break
            }
        }
        if n < p { throw .singularDesign("\(n) rows for \(p) coefficients") }

        var eta = [Double](repeating: 0, count: n)
        var mu = [Double](repeating: 0, count: n)
        if let start {
            let xb = design * start
            for i in 0..<n {
                eta[i] = xb[i] + offset[i]
                mu[i] = family.mean(linearPredictor: eta[i])
            }
        } else {
            for i in 0..<n {
                mu[i] = family.startingMean(y[i], weight: priorWeights[i])
                eta[i] = family.link(mu[i])
            }
        }
        func deviance(_ mu: [Double]) -> Double {
            var total = 0.0
            for i in 0..<n { total += family.unitDeviance(y[i], mean: mu[i], weight: priorWeights[i]) }
            return total
        }
        var currentDeviance = deviance(mu)
        var coefficients = start ?? [Double](repeating: 0, count: p)
        var workingResponse = [Double](repeating: 0, count: n)
        var workingWeights = [Double](repeating: 0, count: n)
        var iterations = 0
        var converged = false

        func solve() throws(GLMError) -> LeastSquaresSolution {
            for i in 0..<n {
                let derivative = family.meanDerivative(linearPredictor: eta[i])
                workingResponse[i] = eta[i] - offset[i] + (y[i] - mu[i]) / derivative
                workingWeights[i] = priorWeights[i] * derivative * derivative / family.variance(mu[i])
            }
            do {
                return try LeastSquares.solve(design: design, response: workingResponse, weights: workingWeights)
            } catch {
                throw .singularDesign("\(error)")
            }
        }

        while iterations < maximumIterations {
            iterations += 1
            let solution = try solve()
            var candidate = solution.coefficients
            var candidateEta = solution.fittedValues.enumerated().map { $0.element + offset[$0.offset] }
            var candidateMu = candidateEta.map { family.mean(linearPredictor: $0) }
            var candidateDeviance = deviance(candidateMu)
            var halvings = 0
            while (!candidateDeviance.isFinite || candidateDeviance > currentDeviance * (1 + 1e-10) + 1e-10) && iterations > 1 && halvings < 30 {
                halvings += 1
                candidate = zip(candidate, coefficients).map { ($0 + $1) / 2 }
                let xb = design * candidate
                candidateEta = (0..<n).map { xb[$0] + offset[$0] }
                candidateMu = candidateEta.map { family.mean(linearPredictor: $0) }
                candidateDeviance = deviance(candidateMu)
            }
            let change = abs(candidateDeviance - currentDeviance) / (abs(candidateDeviance) + 0.1)
            coefficients = candidate
            eta = candidateEta
            mu = candidateMu
            currentDeviance = candidateDeviance
            if change < tolerance {
                converged = true
                break
            }
        }
        if !converged { throw .didNotConverge(iterations: iterations) }
        // The covariance at the converged weights.
        let final = try solve()

        let rank = final.rank
        let residualDegreesOfFreedom = priorWeights.filter { $0 > 0 }.count - rank
        var dispersion = 1.0
        switch family {
        case .gaussian:
            dispersion = residualDegreesOfFreedom > 0 ? currentDeviance / Double(residualDegreesOfFreedom) : .nan
        case .quasiPoisson, .quasiBinomial:
            var chiSquared = 0.0
            for i in 0..<n { chiSquared += priorWeights[i] * (y[i] - mu[i]) * (y[i] - mu[i]) / family.variance(mu[i]) }
            dispersion = residualDegreesOfFreedom > 0 ? chiSquared / Double(residualDegreesOfFreedom) : .nan
        default:
            break
        }

        let nullDeviance: Double
        if offset.allSatisfy({ $0 == 0 }) {
            let totalWeight = priorWeights.reduce(0, +)
            let weightedMean = zip(y, priorWeights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
            nullDeviance = deviance([Double](repeating: weightedMean, count: n))
        } else {
            let ones = Matrix(rows: n, columns: 1, repeating: 1)
            nullDeviance =
                (try? fit(design: ones, response: response, trials: trials, offset: offset, family: family, tolerance: tolerance))?.deviance ?? .nan
        }

        let logLikelihood = logLikelihood(family: family, y: y, mu: mu, priorWeights: priorWeights, deviance: currentDeviance)
        let parameters = Double(rank) + (family == .gaussian ? 1 : 0)
        return GLMFit(
            family: family, coefficients: coefficients, unscaledCovariance: final.unscaledCovariance,
            dispersion: dispersion, linearPredictor: eta, fittedMeans: mu, response: y, priorWeights: priorWeights,
            deviance: currentDeviance, nullDeviance: nullDeviance, residualDegreesOfFreedom: residualDegreesOfFreedom,
            logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * parameters, iterations: iterations)
    }

    /// The maximised log-likelihood as R's `logLik.glm` computes it (NaN for quasi families).
    static func logLikelihood(family: GLMFamily, y: [Double], mu: [Double], priorWeights: [Double], deviance: Double) -> Double {
        let n = y.count
        switch family {
        case .gaussian:
            let count = Double(n)
            return -0.5 * count * (log(2 * Double.pi * deviance / count) + 1)
        case .poisson:
            var total = 0.0
            for i in 0..<n { total += (y[i] > 0 ? y[i] * log(mu[i]) : 0) - mu[i] - lgamma(y[i] + 1) }
            return total
        case .negativeBinomial(let theta):
            return negativeBinomialLogLikelihood(y: y, mu: mu, theta: theta)
        case .binomial:
            var total = 0.0
            for i in 0..<n {
                let trials = priorWeights[i]
                let successes = (y[i] * trials).rounded()
                let failures = trials - successes
                total +=
                    lgamma(trials + 1) - lgamma(successes + 1) - lgamma(failures + 1)
                    + (successes > 0 ? successes * log(mu[i]) : 0) + (failures > 0 ? failures * log1p(-mu[i]) : 0)
            }
            return total
        case .quasiPoisson, .quasiBinomial:
            return .nan
        }
    }

    /// Σ log f(yᵢ; μᵢ, θ) for the negative binomial with mean μ and size θ.
    static func negativeBinomialLogLikelihood(y: [Double], mu: [Double], theta: Double) -> Double {
        var total = 0.0
        for i in 0..<y.count {
            total +=
                lgamma(theta + y[i]) - lgamma(theta) - lgamma(y[i] + 1) + theta * log(theta)
                + (y[i] > 0 ? y[i] * log(mu[i]) : 0) - (theta + y[i]) * log(theta + mu[i])
        }
        return total
    }
}
