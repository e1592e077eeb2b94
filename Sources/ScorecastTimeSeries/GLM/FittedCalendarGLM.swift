import ScorecastCore
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fitted ``CalendarGLM``: the GLM, its design, and forecasts by simulation.
///
/// Forecast intervals are quantiles of simulated draws from the predictive distribution,
/// parameter uncertainty included: each path draws coefficients β* ~ N(β̂, Cov β̂) (and, for
/// the negative binomial, log θ* ~ N(log θ̂, min(SE θ̂ / θ̂, 1)²); for the Gaussian, σ*² = σ̂² ν / χ²_ν),
/// then an observation from the family at μ* = g⁻¹(x β*): Poisson, negative binomial
/// (gamma–Poisson), Gaussian, or for the quasi-binomial a beta-binomial whose variance is the
/// estimated φ n p (1 − p), divided by the trials and reported in percent. Counts are therefore
/// never negative and percentages stay in [0, 100]; a Gaussian model of a series that never
/// went below zero is floored at zero.
///
/// Small-sample correction for the negative binomial: the maximum-likelihood θ̂ is biased
/// towards too little overdispersion in short series (the Pearson dispersion
/// φ̂ = χ²_P / (n − p) of the fit averages n / (n − p), not 1, on series simulated from the
/// model). When φ̂ > 1 the coefficient covariance is scaled by φ̂ (a quasi-likelihood
/// correction, with t intervals on n − p degrees of freedom) and the simulated observations
/// use θ′ with μ + μ²/θ′ = φ̂ (μ + μ²/θ*). See ``dispersionAdjustment``.
///
/// The point forecast is the predictive mean: exp(x β̂ + x Σ xᵀ / 2) on the log link (the
/// mean of the lognormal approximation to μ*), x β̂ on the identity link, and the mean of
/// the simulated probabilities on the logit link.
public struct FittedCalendarGLM: FittedForecastModel {
    public let series: TimeSeries
    /// Trials aligned with the series (quasi-binomial models only).
    public let trials: [Double]?
    /// Indices of the series values used in the fit.
    public let rows: [Int]
    public let design: RegressionDesign
    public let glm: GLMFit
    /// θ̂ of a negative binomial model.
    public let theta: Double?
    public let thetaStandardError: Double?
    public let simulations: Int
    public var notes: [String]
    /// The intercept; trend, seasonal, calendar and event columns as the design has them.
    public var terms: ModelTerms {
        var terms: ModelTerms = .level
        if design.trend { terms.insert(.trend) }
        if design.seasonal != .none { terms.insert(.season) }
        if design.column(named: "school_holidays") != nil { terms.insert(.schoolHolidays) }
        if design.column(named: "working_days") != nil { terms.insert(.workingDays) }
        if !design.eventNames.isEmpty { terms.insert(.events) }
        return terms
    }

    init(
        series: TimeSeries, trials: [Double]?, rows: [Int], design: RegressionDesign, glm: GLMFit,
        theta: Double?, thetaStandardError: Double?, simulations: Int, notes: [String]
    ) {
        self.series = series
        self.trials = trials
        self.rows = rows
        self.design = design
        self.glm = glm
        self.theta = theta
        self.thetaStandardError = thetaStandardError
        self.simulations = simulations
        self.notes = notes
    }

    /// φ̂ ≥ 1 by which a negative binomial fit's covariance and predictive variance are scaled
    /// (1 for the other families, whose dispersion is fixed by the family or already estimated).
    public var dispersionAdjustment: Double {
        guard theta != nil, glm.residualDegreesOfFreedom > 0 else { return 1 }
        return max(1, glm.pearsonChiSquared / Double(glm.residualDegreesOfFreedom))
    }

    /// The covariance of the coefficients used for intervals: φ (XᵀWX)⁻¹, times
    /// ``dispersionAdjustment``.
    public var coefficientCovariance: Matrix {
        let scale = dispersionAdjustment
        let covariance = glm.covariance
        return scale == 1
            ? covariance : Matrix(rows: covariance.rows, columns: covariance.columns, columnMajor: covariance.elements.map { $0 * scale })
    }

    /// Whether intervals use Student's t (dispersion estimated or adjusted).
    var usesStudentT: Bool { glm.family.estimatesDispersion || dispersionAdjustment > 1 }

    /// `negbin`, `poisson`, `gaussian` or `quasibinomial`.
    public var familyName: String {
        switch glm.family {
        case .negativeBinomial: "negbin"
        case .poisson: "poisson"
        case .quasiPoisson: "quasipoisson"
        case .gaussian: "gaussian"
        case .binomial: "binomial"
        case .quasiBinomial: "quasibinomial"
        }
    }

    public var description: String {
        "GLM(\(familyName), trend \(design.trend ? "on" : "off"), \(design.seasonal)\(design.hasCalendar ? ", calendar" : "")\(design.eventNames.isEmpty ? "" : ", events"))"
    }

    /// Number of estimated parameters (coefficients, plus θ or σ²).
    public var parameterCount: Int {
        glm.coefficients.count + (theta != nil || glm.family == .gaussian ? 1 : 0)
    }

    /// AIC (NaN for the quasi-binomial).
    public var aic: Double { theta != nil ? glm.aic + 2 : glm.aic }

    /// AICc = AIC + 2k(k + 1)/(n − k − 1).
    public var aicc: Double {
        let k = Double(parameterCount)
        let n = Double(rows.count)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// The scale of the output: 100 for percentages, otherwise 1.
    var outputScale: Double { glm.family.isBinomial ? 100 : 1 }

    /// Whether forecasts must stay at or above zero (counts, percentages, non-negative data).
    var isNonNegative: Bool {
        glm.family != .gaussian || rows.allSatisfy { series.values[$0] >= 0 }
    }

    /// The fitted mean of every period of the series (percent for proportions).
    public var fittedValues: [Double] {
        series.periods.map { expectedValue(for: $0) }
    }

    /// The plug-in mean g⁻¹(x β̂) at `period` (percent for proportions).
    public func expectedValue(for period: Period) -> Double {
        let x = design.row(for: period)
        var eta = 0.0
        for j in x.indices { eta += x[j] * glm.coefficients[j] }
        return glm.family.mean(linearPredictor: eta) * outputScale
    }

    /// The linear predictor x β̂ and its variance x Σ xᵀ at `period`.
    public func linearPredictor(for period: Period) -> (value: Double, variance: Double) {
        let x = design.row(for: period)
        let covariance = coefficientCovariance
        var eta = 0.0, variance = 0.0
        for j in x.indices {
            eta += x[j] * glm.coefficients[j]
            for k in x.indices { variance += x[j] * covariance[j, k] * x[k] }
        }
        return (eta, variance)
    }

    /// The trials assumed for future periods: the mean of the last 12 observed.
    var futureTrials: Double {
        guard let trials else { return 1 }
        let recent = rows.suffix(12).map { trials[$0] }
        return (recent.reduce(0, +) / Double(recent.count)).rounded()
    }

    /// `count` draws from the predictive distribution at each of `periods` (one array per
    /// period), with parameter uncertainty. Percent for proportions.
    public func simulate(periods: [Period], count: Int, trials: [Double]? = nil, using generator: inout some RandomNumberGenerator) -> [[Double]] {
        let p = glm.coefficients.count
        let rowsOfX = periods.map { design.row(for: $0) }
        let factor = choleskyFactor(coefficientCovariance)
        let inflation = dispersionAdjustment
        var draws = [[Double]](repeating: [Double](repeating: 0, count: count), count: periods.count)
        var z = [Double](repeating: 0, count: p)
        var beta = [Double](repeating: 0, count: p)
        let residualDegrees = Double(max(glm.residualDegreesOfFreedom, 1))
        let trialsPerPeriod = trials ?? [Double](repeating: futureTrials, count: periods.count)
        for s in 0..<count {
            for j in 0..<p { z[j] = RandomVariates.standardNormal(using: &generator) }
            for j in 0..<p {
                var value = glm.coefficients[j]
                for k in 0...j { value += factor[j, k] * z[k] }
                beta[j] = value
            }
            var thetaDraw = theta ?? 0
            if let theta, let se = thetaStandardError, se.isFinite {
                // A flat likelihood (θ̂ far into the Poisson region) gives a huge SE; the
                // log-scale spread is capped at 1 so that draws stay plausible.
                thetaDraw = theta * exp(RandomVariates.standardNormal(using: &generator) * min(se / theta, 1))
            }
            var sigma = 0.0
            if glm.family == .gaussian {
                let chiSquared = 2 * RandomVariates.gamma(shape: residualDegrees / 2, using: &generator)
                sigma = (glm.dispersion * residualDegrees / chiSquared).squareRoot()
            }
            for (h, x) in rowsOfX.enumerated() {
                var eta = 0.0
                for j in 0..<p { eta += x[j] * beta[j] }
                // A wild coefficient draw must not overflow the samplers.
                let drawnMean = glm.family.mean(linearPredictor: eta)
                let mu = drawnMean.isFinite ? min(drawnMean, 1e12) : 1e12
                let value: Double
                switch glm.family {
                case .poisson:
                    value = Double(RandomVariates.poisson(mean: mu, using: &generator))
                case .negativeBinomial:
                    // Variance φ̂ (μ + μ²/θ*): size θ′ = μ² / (φ̂ μ + φ̂ μ²/θ* − μ).
                    let variance = inflation * (mu + (thetaDraw.isFinite ? mu * mu / thetaDraw : 0))
                    let size = variance > mu * (1 + 1e-9) ? mu * mu / (variance - mu) : .infinity
                    value =
                        size.isFinite && size < 1e8 && size > 0
                        ? Double(RandomVariates.negativeBinomial(mean: mu, size: size, using: &generator))
                        : Double(RandomVariates.poisson(mean: mu, using: &generator))
                case .quasiPoisson:
                    let excess = glm.dispersion - 1
                    value =
                        excess > 1e-9
                        ? Double(RandomVariates.negativeBinomial(mean: mu, size: mu / excess, using: &generator))
                        : Double(RandomVariates.poisson(mean: mu, using: &generator))
                case .gaussian:
                    value = mu + sigma * RandomVariates.standardNormal(using: &generator)
                case .binomial, .quasiBinomial:
                    let n = max(1, trialsPerPeriod[h])
                    // Beta-binomial with intra-class correlation ρ = (φ − 1)/(n − 1): variance φ n p (1 − p).
                    var probability = mu
                    if glm.family == .quasiBinomial, glm.dispersion > 1, n > 1 {
                        let rho = min((glm.dispersion - 1) / (n - 1), 0.999)
                        let precision = 1 / rho - 1
                        let a = RandomVariates.gamma(shape: mu * precision, using: &generator)
                        let b = RandomVariates.gamma(shape: (1 - mu) * precision, using: &generator)
                        probability = a + b > 0 ? a / (a + b) : mu
                    }
                    value = Double(RandomVariates.binomial(trials: Int(n), probability: probability, using: &generator)) / n * 100
                }
                draws[h][s] = value
            }
        }
        return draws
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        precondition(horizon > 0, "horizon must be positive")
        let start = series.end.advanced(by: 1)
        let periods = (0..<horizon).map { start.advanced(by: $0) }
        var draws = simulate(periods: periods, count: simulations, using: &generator)
        var mean: [Double] = []
        for (h, period) in periods.enumerated() {
            let (eta, variance) = linearPredictor(for: period)
            switch glm.family {
            case .poisson, .quasiPoisson, .negativeBinomial: mean.append(exp(eta + variance / 2))
            case .gaussian: mean.append(eta)
            case .binomial, .quasiBinomial: mean.append(draws[h].reduce(0, +) / Double(draws[h].count))
            }
            draws[h].sort()
        }
        let intervals = levels.map { level in
            let tail = (1 - level / 100) / 2
            return PredictionInterval(
                level: level,
                lower: draws.map { SampleQuantile.type7(sorted: $0, probability: tail) },
                upper: draws.map { SampleQuantile.type7(sorted: $0, probability: 1 - tail) })
        }
        let forecast = Forecast(start: start, mean: mean, intervals: intervals, model: description)
        return isNonNegative ? forecast.clamped(atLeast: 0) : forecast
    }
}

/// The lower Cholesky factor of a covariance matrix, with a small ridge if rounding has made
/// it indefinite.
func choleskyFactor(_ covariance: Matrix) -> Matrix {
    var ridge = 0.0
    let scale = (0..<covariance.rows).map { covariance[$0, $0] }.max() ?? 1
    for _ in 0..<10 {
        var adjusted = covariance
        for j in 0..<covariance.rows { adjusted[j, j] += ridge }
        if let factor = try? Cholesky(adjusted) { return factor.factor }
        ridge = ridge == 0 ? scale * 1e-12 : ridge * 100
    }
    return Matrix(rows: covariance.rows, columns: covariance.columns)
}
