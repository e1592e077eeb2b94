import ScorecastCore

/// A random walk at lag `lag`, with or without drift, fitted to one series: the engine of the
/// naive, seasonal naive and drift methods, computed as R's `forecast::lagwalk` (8.20).
///
/// In-sample, each value is predicted by the value `lag` periods earlier; a missing value is
/// replaced by the one `lag` periods before it (so the walk carries across gaps). With drift,
/// the mean of the lag differences is added and its standard error enters the intervals.
/// Forecasts repeat the last `lag` (gap-filled) values, plus `k · drift` at step `k` of each
/// cycle; the variance at step h with k = ⌈h / lag⌉ is `σ² k + (k · se(drift))²`, σ² the mean
/// squared residual (divided by its count less one when there is drift).
///
/// Reference: R. J. Hyndman and G. Athanasopoulos, *Forecasting: Principles and Practice*,
/// 3rd ed., §5.5 (benchmark methods and their prediction intervals).
public struct FittedLagWalk: FittedForecastModel {
    public let description: String
    public let series: TimeSeries
    public let fittedValues: [Double]
    public let notes: [String]
    /// The lag of the walk: 1 for naive and drift, m for seasonal naive.
    public let lag: Int
    /// The last `lag` gap-filled values, which the forecasts repeat.
    public let lastValues: [Double]
    /// The drift per lag step (0 without drift).
    public let drift: Double
    /// The standard error of the drift (0 without drift).
    public let driftStandardError: Double
    /// The residual variance σ².
    public let residualVariance: Double
    /// Why naive stands in for seasonal naive or drift; `nil` when it does not.
    public let fallback: ModelFallback?
    /// The last value (lag 1) or the last season (lag m), with a trend when it drifts.
    public var terms: ModelTerms {
        var terms: ModelTerms = lag > 1 ? [.level, .season] : .level
        if drift != 0 { terms.insert(.trend) }
        return terms
    }

    /// Fits the walk. `series` must have at least `lag` periods and one observed value;
    /// the specs check this and fall back before calling.
    init(series: TimeSeries, lag: Int, withDrift: Bool, description: String, notes: [String], fallback: ModelFallback.Reason? = nil) {
        self.fallback = fallback.map { ModelFallback(reason: $0, standIn: "naive") }
        precondition(lag >= 1 && series.count >= lag, "The walk needs at least one full lag of data")
        let values = series.values
        var filled = values
        for index in lag..<max(lag, filled.count) where filled[index].isNaN {
            filled[index] = filled[index - lag]
        }
        var fitted = [Double](repeating: .nan, count: values.count)
        for index in lag..<max(lag, values.count) { fitted[index] = filled[index - lag] }
        var drift = 0.0, driftStandardError = 0.0
        var residuals = zip(values, fitted).map { $0 - $1 }.filter { !$0.isNaN }
        if withDrift {
            let count = Double(residuals.count)
            drift = residuals.reduce(0, +) / count
            let variance = residuals.reduce(0) { $0 + ($1 - drift) * ($1 - drift) } / (count - 1)
            driftStandardError = (variance / count).squareRoot()
            fitted = fitted.map { $0 + drift }
            residuals = residuals.map { $0 - drift }
        }
        let degreesOfFreedom = residuals.count - (drift != 0 ? 1 : 0)
        self.residualVariance = residuals.reduce(0) { $0 + $1 * $1 } / Double(degreesOfFreedom)
        self.description = description
        self.series = series
        self.fittedValues = fitted
        self.notes = notes
        self.lag = lag
        self.lastValues = Array(filled.suffix(lag))
        self.drift = drift
        self.driftStandardError = driftStandardError
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let steps = (0..<horizon).map { Double($0 / lag + 1) }
        let mean = (0..<horizon).map { lastValues[$0 % lag] + steps[$0] * drift }
        let standardErrors = steps.map { (residualVariance * $0 + ($0 * driftStandardError) * ($0 * driftStandardError)).squareRoot() }
        return Forecast(
            start: series.end.advanced(by: 1),
            mean: mean,
            intervals: levels.map { PredictionInterval.normal(level: $0, mean: mean, standardErrors: standardErrors) },
            model: description
        )
    }

    /// Whether every value the forecasts repeat is known.
    var hasCompleteLastCycle: Bool { !lastValues.contains { $0.isNaN } }
}

/// The common checks of the benchmark methods: a series with something observed, and a note
/// on missing values that the method carried across.
enum BaselineSupport {
    static func requireObservations(_ series: TimeSeries) throws {
        guard series.observedCount > 0 else { throw TimeSeriesError.empty(series: series.name) }
    }

    static func missingValueNotes(_ series: TimeSeries, how: String) -> [String] {
        let missing = series.count - series.observedCount
        return missing == 0 ? [] : ["\(missing) missing value\(missing == 1 ? "" : "s"): \(how)"]
    }

    /// The series without its leading and trailing missing values (interior gaps stay).
    static func trimmed(_ series: TimeSeries) -> TimeSeries {
        guard let first = series.values.firstIndex(where: { !$0.isNaN }),
            let last = series.values.lastIndex(where: { !$0.isNaN })
        else { return series }
        return TimeSeries(name: series.name, start: series.start.advanced(by: first), values: Array(series.values[first...last]))
    }
}
