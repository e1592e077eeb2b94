import ScorecastCore
import ScorecastNumerics

/// The mean method: every forecast is the mean of the observed values (R's `meanf()`).
///
/// The interval is Student-t: `ȳ ± t_{n−1} · s · √(1 + 1/n)`, s the sample standard
/// deviation and n the number of observed values (R counts missing values in n; this counts
/// only what was observed). A single observation gives `NaN` bounds, with a note.
public struct MeanForecast: ForecastModelSpec {
    public init() {}
    public var name: String { "mean" }

    public func fit(_ series: TimeSeries) throws -> FittedMean {
        try BaselineSupport.requireObservations(series)
        let observed = series.values.filter { !$0.isNaN }
        let count = Double(observed.count)
        let mean = observed.reduce(0, +) / count
        let standardDeviation = (observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
        var notes = BaselineSupport.missingValueNotes(series, how: "left out of the mean")
        if observed.count < 2 { notes.append("one observation: no prediction interval can be estimated") }
        return FittedMean(series: series, mean: mean, standardDeviation: standardDeviation, observedCount: observed.count, notes: notes)
    }
}

/// The fitted mean method.
public struct FittedMean: FittedForecastModel {
    public let series: TimeSeries
    /// The mean of the observed values: every forecast and fitted value.
    public let mean: Double
    /// The sample standard deviation of the observed values.
    public let standardDeviation: Double
    /// How many values were observed.
    public let observedCount: Int
    public let notes: [String]
    /// A level.
    public var terms: ModelTerms { .level }

    public var description: String { "mean" }
    public var fittedValues: [Double] { [Double](repeating: mean, count: series.count) }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let means = [Double](repeating: mean, count: horizon)
        let count = Double(observedCount)
        let intervals = levels.map { level in
            let width =
                observedCount > 1
                ? StudentT.quantile(0.5 + level / 200, degreesOfFreedom: count - 1) * standardDeviation * (1 + 1 / count).squareRoot()
                : Double.nan
            return PredictionInterval(level: level, lower: means.map { $0 - width }, upper: means.map { $0 + width })
        }
        return Forecast(start: series.end.advanced(by: 1), mean: means, intervals: intervals, model: description)
    }
}
