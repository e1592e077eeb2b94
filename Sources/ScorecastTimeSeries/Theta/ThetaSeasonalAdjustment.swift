import ScorecastCore

/// The seasonal adjustment every theta model starts from: the 90% autocorrelation test at lag m,
/// then a classical decomposition whose seasonal indices are removed before fitting and put
/// back on the forecasts.
///
/// Two rules are offered. ``Rule/thetaf`` is R `forecast::thetaf` 8.20 exactly: test when
/// `n > 2m`, multiplicative decomposition, and no adjustment at all when an index is within
/// 10⁻⁴ of zero. ``Rule/positiveAware`` (the Fiorucci et al. models, as statsforecast fits
/// them) divides by multiplicative indices only when the data are positive and every index is
/// at least 0.01, and subtracts additive ones otherwise, so series with zeros or negatives
/// are still adjusted sensibly.
public struct ThetaSeasonalAdjustment: Sendable, Equatable {
    /// Which decision rule produced this adjustment.
    public enum Rule: Sendable, Equatable {
        /// R `thetaf`: multiplicative only.
        case thetaf
        /// Multiplicative for positive data with indices ≥ 0.01, additive otherwise.
        case positiveAware
    }

    /// The series with the seasonal component removed (the series itself when not seasonal).
    public var adjusted: [Double]
    /// The seasonal component over the sample, `nil` when not seasonal.
    public var seasonal: [Double]?
    /// How the component combines.
    public var type: DecompositionType
    /// What was decided, in words (for a fitted model's description and notes).
    public var note: String?

    /// Whether a seasonal component was removed.
    public var isSeasonal: Bool { seasonal != nil }

    /// Tests and decomposes `series` (no missing values) under `rule`.
    public init(_ series: TimeSeries, rule: Rule) {
        adjusted = series.values
        seasonal = nil
        type = .multiplicative
        note = nil
        let test = SeasonalityTest(minimumLength: .moreThanTwoSeasons)
        guard test.isSeasonal(series.values, period: series.seasonalPeriod) else { return }
        switch rule {
        case .thetaf:
            guard let decomposition = try? ClassicalDecomposition.decompose(series, type: .multiplicative) else { return }
            if decomposition.seasonal.contains(where: { abs($0) < 1e-4 }) {
                note = "seasonal indices close to zero: non-seasonal theta used"
                return
            }
            seasonal = decomposition.seasonal
            adjusted = decomposition.seasonallyAdjusted
        case .positiveAware:
            let positive = series.values.allSatisfy { $0 > 0 }
            if positive, let decomposition = try? ClassicalDecomposition.decompose(series, type: .multiplicative),
                decomposition.seasonal.allSatisfy({ $0 >= 0.01 })
            {
                seasonal = decomposition.seasonal
                adjusted = decomposition.seasonallyAdjusted
            } else if let decomposition = try? ClassicalDecomposition.decompose(series, type: .additive) {
                type = .additive
                seasonal = decomposition.seasonal
                adjusted = decomposition.seasonallyAdjusted
                note = "additive seasonal adjustment (data not all positive or an index below 0.01)"
            }
        }
    }

    /// The seasonal factors for `horizon` steps after the sample: the last full cycle of the
    /// in-sample component repeated (R `thetaf`, `snaive` of the seasonal component), or
    /// the neutral value when not seasonal.
    public func forecastFactors(horizon: Int, period: Int) -> [Double] {
        guard let seasonal else { return [Double](repeating: type == .additive ? 0 : 1, count: horizon) }
        let cycle = Array(seasonal.suffix(period))
        return (0..<horizon).map { cycle[$0 % cycle.count] }
    }

    /// Puts the seasonal component back on adjusted-scale values `values` (`factors` from
    /// ``forecastFactors(horizon:period:)`` or the in-sample component).
    public func reseasonalise(_ values: [Double], factors: [Double]) -> [Double] {
        guard isSeasonal else { return values }
        return zip(values, factors).map { type == .additive ? $0 + $1 : $0 * $1 }
    }
}
