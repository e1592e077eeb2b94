import ScorecastCore
import ScorecastNumerics

/// The standard Theta method exactly as R's `forecast::thetaf()` (8.20) computes it.
///
/// 1. Seasonality: the 90% autocorrelation test at lag m when `n > 2m`; if seasonal, the
///    series is divided by its classical multiplicative seasonal indices (unless one is within
///    10⁻⁴ of zero).
/// 2. Simple exponential smoothing of the adjusted series, `α` and `ℓ₀` by least squares of
///    the one-step errors (R: `ses()`, i.e. `ets(x, "ANN", opt.crit = "mse")`).
/// 3. Drift: half the least-squares slope `b` of the adjusted series on time; the forecast
///    `h` steps ahead is `ℓₙ + (b/2) (h − 1 + (1 − (1 − α)ⁿ)/α)` (Hyndman & Billah 2003).
/// 4. Reseasonalised with the last year's indices.
/// 5. Intervals `± z σ √((h − 1) α² + 1)` with `σ² = SSE / (n − 2)`, on the adjusted scale and
///    not reseasonalised: R's choice, kept so that the numbers match.
///
/// R minimises the SES loss with Nelder–Mead from `α ≈ 0.2` and keeps the first basin it
/// reaches. Here the loss is minimised exactly in `ℓ₀` and, in `α`, downhill from the same
/// start then by Brent (``ThetaEstimation``), so the same basin is found. (On M3's N1458 that
/// basin is not the global one: α = 0.05 rather than 10⁻⁴; the theta models of
/// ``ThetaModel`` search globally.)
///
/// References: V. Assimakopoulos, K. Nikolopoulos, "The theta model: a decomposition approach
/// to forecasting", IJF 16(4), 2000; R. J. Hyndman, B. Billah, "Unmasking the Theta method",
/// IJF 19(2), 2003; R. J. Hyndman et al., `forecast` 8.20, `thetaf`.
public struct StandardTheta: ForecastModelSpec {
    public init() {}

    public var name: String { "theta:thetaf" }

    public func fit(_ series: TimeSeries) throws -> FittedStandardTheta {
        let input = try ThetaInput(series)
        let count = input.series.count
        guard count >= 4 else { throw TimeSeriesError.tooShort(series: series.name, needed: 4, got: count) }
        let adjustment = ThetaSeasonalAdjustment(input.series, rule: .thetaf)
        let adjusted = adjustment.adjusted
        let smoothing = ThetaEstimation.simpleExponentialSmoothing(adjusted, localFromRStart: true)
        let alpha = smoothing.alpha
        var level = smoothing.initialLevel
        var smoothed = [Double](repeating: 0, count: count)
        for (index, value) in adjusted.enumerated() {
            smoothed[index] = level
            level = alpha * value + (1 - alpha) * level
        }
        let slope = adjusted.withUnsafeBufferPointer { ThetaStateSpace.trendLine($0).slope }
        // R fits before it reseasonalises: in-sample fitted values are the SES fit times the indices.
        let fitted = input.alignedFittedValues(smoothed, adjustment: adjustment, original: series)
        let notes = input.notes(with: adjustment)
        return FittedStandardTheta(
            series: series, fittedValues: fitted, notes: notes,
            alpha: Swift.max(1e-10, alpha), finalLevel: level, drift: slope / 2,
            variance: smoothing.sumOfSquares / Double(count - 2), sampleSize: count,
            adjustment: adjustment, trailingGap: input.trailingGap)
    }
}

/// R `thetaf`'s fit: SES on the seasonally adjusted series plus half the trend slope.
public struct FittedStandardTheta: FittedForecastModel {
    public let series: TimeSeries
    public let fittedValues: [Double]
    public let notes: [String]
    /// The SES smoothing parameter (at least 10⁻¹⁰, as R clamps it).
    public let alpha: Double
    /// The SES level after the last observation.
    public let finalLevel: Double
    /// Half the least-squares slope of the adjusted series.
    public let drift: Double
    /// R's `sigma2`: the SES sum of squared errors over `n − 2`.
    public let variance: Double
    /// Number of values fitted.
    public let sampleSize: Int
    /// The seasonal adjustment used.
    public let adjustment: ThetaSeasonalAdjustment
    let trailingGap: Int
    /// A level and a trend (the θ = 0 line), with a season when seasonally adjusted.
    public var terms: ModelTerms { adjustment.isSeasonal ? [.level, .trend, .season] : [.level, .trend] }

    public var description: String { adjustment.isSeasonal ? "Theta (thetaf, seasonal)" : "Theta (thetaf)" }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let steps = horizon + trailingGap
        let offset = (1 - pow(1 - alpha, Double(sampleSize))) / alpha
        let adjustedMean = (0..<steps).map { finalLevel + drift * (Double($0) + offset) }
        let factors = adjustment.forecastFactors(horizon: steps, period: series.seasonalPeriod)
        let mean = Array(adjustment.reseasonalise(adjustedMean, factors: factors).suffix(horizon))
        let standardErrors = (0..<steps).suffix(horizon).map { variance.squareRoot() * (Double($0) * alpha * alpha + 1).squareRoot() }
        let intervals = levels.map { level in
            let z = Normal.standardQuantile(0.5 + level / 200)
            return PredictionInterval(
                level: level,
                lower: zip(mean, standardErrors).map { $0 - z * $1 },
                upper: zip(mean, standardErrors).map { $0 + z * $1 })
        }
        return Forecast(start: series.end.advanced(by: 1), mean: mean, intervals: intervals, model: description)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
