import ScorecastCore

/// Naive2, the M-competitions' benchmark: the naive method on the seasonally adjusted series.
///
/// When the series passes the 90% autocorrelation test for seasonality (``SeasonalityTest``
/// with n ≥ 3m, as the M4 benchmark code), it is divided by the seasonal indices of a
/// classical multiplicative decomposition (``ClassicalDecomposition``), forecast by the
/// naive method, and the forecasts and their naive intervals are multiplied back by the
/// indices of the forecast periods. Otherwise Naive2 is the naive method. A series with
/// values ≤ 0 or seasonal indices near zero is not adjusted (multiplicative seasonality is
/// undefined there); the fit says so in its notes.
///
/// Reference: S. Makridakis and M. Hibon, "The M3-Competition", IJF 16(4), 2000; S. Makridakis,
/// E. Spiliotis and V. Assimakopoulos, "The M4 Competition", IJF 36(1), 2020 (benchmark code).
public struct Naive2: ForecastModelSpec {
    /// The seasonality test that decides whether to adjust.
    public var seasonalityTest: SeasonalityTest

    public init(seasonalityTest: SeasonalityTest = SeasonalityTest(criticalValue: 1.645, minimumLength: .threeSeasons)) {
        self.seasonalityTest = seasonalityTest
    }

    public var name: String { "naive2" }

    public func fit(_ series: TimeSeries) throws -> FittedNaive2 {
        try BaselineSupport.requireObservations(series)
        var notes: [String] = []
        var indices: [Double]?
        if seasonalityTest.isSeasonal(series) {
            if series.values.contains(where: { $0 <= 0 }) {
                notes.append("seasonal by the 90% ACF test, but values ≤ 0 rule out multiplicative adjustment: not adjusted")
            } else if let decomposition = try? ClassicalDecomposition.decompose(series, type: .multiplicative),
                decomposition.seasonal.allSatisfy({ $0.isFinite && abs($0) >= 1e-4 })
            {
                indices = Array(decomposition.seasonal.prefix(series.seasonalPeriod))
            } else {
                notes.append("seasonal by the 90% ACF test, but the seasonal indices are unusable (near zero or undefined): not adjusted")
            }
        }
        let period = series.seasonalPeriod
        let adjustedValues = series.values.indices.map { index in
            indices.map { series.values[index] / $0[index % period] } ?? series.values[index]
        }
        let adjusted = TimeSeries(name: series.name, start: series.start, values: adjustedValues)
        let naive = try Naive().fit(adjusted)
        return FittedNaive2(series: series, seasonalIndices: indices, naive: naive, notes: naive.notes + notes)
    }
}

/// The fitted Naive2 method.
public struct FittedNaive2: FittedForecastModel {
    public let series: TimeSeries
    /// The multiplicative seasonal index of each position of the cycle, counted from the
    /// series' first period; `nil` when the series was not adjusted.
    public let seasonalIndices: [Double]?
    /// The naive method fitted to the seasonally adjusted series.
    public let naive: FittedLagWalk
    public let notes: [String]
    /// A level, with a season when the series was seasonally adjusted.
    public var terms: ModelTerms { seasonalIndices == nil ? .level : [.level, .season] }

    public var description: String { seasonalIndices == nil ? "naive2 (not seasonally adjusted)" : "naive2 (seasonally adjusted)" }

    private func index(at offset: Int) -> Double {
        seasonalIndices.map { $0[offset % $0.count] } ?? 1
    }

    public var fittedValues: [Double] {
        naive.fittedValues.enumerated().map { $1 * index(at: $0) }
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let adjusted = naive.forecast(horizon: horizon, levels: levels, using: &generator)
        let factors = (0..<horizon).map { index(at: series.count + $0) }
        func scale(_ values: [Double]) -> [Double] { zip(values, factors).map { $0 * $1 } }
        return Forecast(
            start: adjusted.start,
            mean: scale(adjusted.mean),
            intervals: adjusted.intervals.map { PredictionInterval(level: $0.level, lower: scale($0.lower), upper: scale($0.upper)) },
            model: description
        )
    }
}
