import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A negative binomial GLM with its dispersion θ estimated by maximum likelihood.
///
/// Var(Y) = μ + μ²/θ; θ → ∞ is the Poisson. `glm` is the fit of the coefficients at the
/// estimated θ (its standard errors treat θ as known, as `summary(glm.nb(...))` does).
public struct NegativeBinomialFit: Sendable {
    /// The GLM at the maximum-likelihood θ.
    public var glm: GLMFit
    /// θ̂.
    public var theta: Double
    /// The standard error of θ̂ from the observed information (as `glm.nb`'s `SE.theta`).
    public var thetaStandardError: Double
    /// Maximised log-likelihood over β and θ.
    public var logLikelihood: Double { glm.logLikelihood }
    /// AIC counting θ as a parameter (as `glm.nb`).
    public var aic: Double { glm.aic + 2 }
}

extension GeneralizedLinearModel {
    /// Fits a negative binomial GLM (log link), estimating θ by maximum likelihood.
    ///
    /// Alternates, as `MASS::glm.nb` does: a Poisson fit gives the first means; then θ is
    /// maximised for the current means (Newton–Raphson on the score, ``maximumLikelihoodTheta``),
    /// the GLM is refitted at that θ, and so on until the log-likelihood and θ both settle
    /// (relative changes below `tolerance`). When the data show no overdispersion θ̂ runs off
    /// to infinity; it is capped at 1e8 (numerically Poisson).
    ///
    /// Reference: W. N. Venables and B. D. Ripley, *Modern Applied Statistics with S*, 4th ed.
    /// (2002), §7.4; R's `MASS::glm.nb` and `theta.ml`.
    public static func fitNegativeBinomial(
        design: Matrix, response: [Double], offset: [Double]? = nil, tolerance: Double = 1e-12, maximumIterations: Int = 100
    ) throws(GLMError) -> NegativeBinomialFit {
        var fit = try fit(design: design, response: response, offset: offset, family: .poisson, tolerance: tolerance)
        var theta = maximumLikelihoodTheta(y: fit.response, mu: fit.fittedMeans).theta
        var logLikelihood = negativeBinomialLogLikelihood(y: fit.response, mu: fit.fittedMeans, theta: theta)
        for _ in 0..<maximumIterations {
            fit = try GeneralizedLinearModel.fit(
                design: design, response: response, offset: offset, family: .negativeBinomial(theta: theta),
                start: fit.coefficients, tolerance: tolerance)
            let previousTheta = theta
            let previousLogLikelihood = logLikelihood
            theta = maximumLikelihoodTheta(y: fit.response, mu: fit.fittedMeans, start: theta).theta
            logLikelihood = negativeBinomialLogLikelihood(y: fit.response, mu: fit.fittedMeans, theta: theta)
            if abs(logLikelihood - previousLogLikelihood) <= tolerance * (abs(logLikelihood) + 1)
                && abs(theta - previousTheta) <= 1e-10 * theta
            {
                break
            }
        }
        fit = try GeneralizedLinearModel.fit(
            design: design, response: response, offset: offset, family: .negativeBinomial(theta: theta),
            start: fit.coefficients, tolerance: tolerance)
        let estimate = maximumLikelihoodTheta(y: fit.response, mu: fit.fittedMeans, start: theta)
        return NegativeBinomialFit(glm: fit, theta: theta, thetaStandardError: estimate.standardError)
    }

    /// The maximum-likelihood θ of a negative binomial with known means μ, and its standard error.
    ///
    /// Newton–Raphson on the score
    /// U(θ) = Σ [ψ(θ + y) − ψ(θ) + log θ + 1 − log(θ + μ) − (y + θ)/(μ + θ)]
    /// with the observed information I(θ) = −U′(θ), from the method-of-moments start
    /// θ₀ = n / Σ (y/μ − 1)² (as `MASS::theta.ml`). SE = 1/√I(θ̂).
    public static func maximumLikelihoodTheta(y: [Double], mu: [Double], start: Double? = nil) -> (theta: Double, standardError: Double) {
        let n = y.count
        func score(_ theta: Double) -> Double {
            var total = 0.0
            for i in 0..<n {
                total +=
                    SpecialFunctions.digamma(theta + y[i]) - SpecialFunctions.digamma(theta) + log(theta) + 1
                    - log(theta + mu[i]) - (y[i] + theta) / (mu[i] + theta)
            }
            return total
        }
        func information(_ theta: Double) -> Double {
            var total = 0.0
            for i in 0..<n {
                total +=
                    -SpecialFunctions.trigamma(theta + y[i]) + SpecialFunctions.trigamma(theta) - 1 / theta
                    + 2 / (mu[i] + theta) - (y[i] + theta) / ((mu[i] + theta) * (mu[i] + theta))
            }
            return total
        }
        let cap = 1e8
        var theta: Double
        if let start, start > 0, start.isFinite {
            theta = start
        } else {
            var moments = 0.0
            for i in 0..<n { moments += (y[i] / mu[i] - 1) * (y[i] / mu[i] - 1) }
            theta = moments > 0 ? Double(n) / moments : cap
        }
        theta = min(theta, cap)
        for _ in 0..<200 {
            let u = score(theta)
            let info = information(theta)
            var step = info > 0 ? u / info : (u > 0 ? theta : -theta / 2)
            // Keep θ positive: never step below half the current value.
            if theta + step <= 0 { step = -theta / 2 }
            let next = min(theta + step, cap)
            if abs(next - theta) <= 1e-12 * theta || next == cap && theta == cap {
                theta = next
                break
            }
            theta = next
        }
        let info = information(theta)
        return (theta, info > 0 ? 1 / info.squareRoot() : .nan)
    }
}
