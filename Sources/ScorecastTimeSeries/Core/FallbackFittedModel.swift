extension AnyForecastModelSpec {
    /// `spec` as the model catalogue hands it out: where the series cannot carry the model
    /// (it throws a ``TimeSeriesError``: too short, too few observations, all zero ...), the
    /// naive method stands in and the fitted model says why, in its description
    /// (`naive (fallback)`) and notes. A batch of series is then never stopped by one short
    /// series, and nothing is dropped silently. `spec.fit` itself still throws, for callers
    /// that want the error.
    public static func fallingBackToNaive(_ spec: some ForecastModelSpec) -> AnyForecastModelSpec {
        AnyForecastModelSpec(name: spec.name) { series in
            do {
                return try spec.fit(series)
            } catch let error as TimeSeriesError {
                return FallbackFittedModel(base: try Naive().fit(series), reason: error.description)
            }
        }
    }
}

/// A fitted model standing in for one that could not be fitted, saying why in its notes and
/// description.
struct FallbackFittedModel: FittedForecastModel {
    let base: any FittedForecastModel
    let reason: String

    var description: String { base.description + " (fallback)" }
    var series: TimeSeries { base.series }
    var fittedValues: [Double] { base.fittedValues }
    var notes: [String] { ["\(reason): fell back to \(base.description)"] + base.notes }

    /// The stand-in's forecast, its `model` saying it is a fallback.
    func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        var forecast = base.forecast(horizon: horizon, levels: levels, using: &generator)
        forecast.model = description
        return forecast
    }
}
