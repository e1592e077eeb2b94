extension ThetaFamily {
    /// The `theta[:option]` spec of the model catalogue: the theta model, or the naive method
    /// where the series is too short or otherwise unfit for it (the fitted model says so).
    static func catalogueSpec(option: String?) throws -> AnyForecastModelSpec {
        let theta = try spec(option: option)
        return AnyForecastModelSpec(name: theta.name) { series in
            do {
                return try theta.fit(series)
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

    func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        base.forecast(horizon: horizon, levels: levels, using: &generator)
    }
}
