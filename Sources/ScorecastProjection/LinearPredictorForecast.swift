import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fitted generalised linear model's predictions for future periods, ready to simulate
/// with parameter uncertainty.
///
/// Each draw takes coefficients `β* = β̂ + L z` with `z ~ N(0, I)` and `L Lᵀ` the estimated
/// covariance of `β̂` (the usual large-sample normal approximation to the sampling
/// distribution), and returns the inverse link of `X β*` for the future design rows `X`.
/// Drawing writes into caller-owned buffers and allocates nothing.
///
/// Complexity: O(p² + h·p) per draw for `p` coefficients and `h` periods.
public struct LinearPredictorForecast: Sendable {
    /// The link between the linear predictor and the mean.
    public enum Link: Sendable, Equatable {
        /// Mean = exp(η): counts.
        case log
        /// Mean = 1 / (1 + exp(−η)): probabilities.
        case logit

        @inlinable
        func inverse(_ eta: Double) -> Double {
            switch self {
            case .log: return exp(min(eta, 700))
            case .logit: return eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
            }
        }
    }

    /// The estimated coefficients `β̂`.
    public let coefficients: [Double]
    /// Lower-triangular `L` with `L Lᵀ = Cov(β̂)`.
    public let covarianceFactor: Matrix
    /// The design rows of the future periods (`horizon × p`).
    public let design: Matrix
    /// The link.
    public let link: Link

    /// A forecast from a fitted model's coefficients, their covariance and the future design.
    ///
    /// - Throws: ``LinearAlgebraError`` when the covariance is not positive definite.
    public init(coefficients: [Double], covariance: Matrix, design: Matrix, link: Link) throws {
        precondition(
            covariance.rows == coefficients.count && covariance.columns == coefficients.count,
            "covariance must be p × p")
        precondition(design.columns == coefficients.count, "design must have one column per coefficient")
        self.coefficients = coefficients
        self.covarianceFactor = try Cholesky(covariance).factor
        self.design = design
        self.link = link
    }

    /// Number of future periods.
    public var horizon: Int { design.rows }

    /// The means at the estimated coefficients (no parameter uncertainty).
    public func pointMeans() -> [Double] {
        (0..<horizon).map { row in
            var eta = 0.0
            for column in 0..<coefficients.count { eta += design[row, column] * coefficients[column] }
            return link.inverse(eta)
        }
    }

    /// Writes one draw of the future means into `means` (length `horizon`), using `scratch`
    /// (length at least `2p`) as working space.
    public func drawMeans(into means: inout [Double], scratch: inout [Double], using generator: inout some RandomNumberGenerator) {
        let p = coefficients.count
        precondition(means.count >= horizon && scratch.count >= 2 * p, "buffers too small")
        for j in 0..<p { scratch[j] = RandomVariates.standardNormal(using: &generator) }
        covarianceFactor.elements.withUnsafeBufferPointer { factor in
            for i in 0..<p {
                var value = coefficients[i]
                for j in 0...i { value += factor[i + j * p] * scratch[j] }
                scratch[p + i] = value
            }
        }
        design.elements.withUnsafeBufferPointer { x in
            let rows = horizon
            for row in 0..<rows {
                var eta = 0.0
                for j in 0..<p { eta += x[row + j * rows] * scratch[p + j] }
                means[row] = link.inverse(eta)
            }
        }
    }
}
