import ScorecastCore

/// `--model auto`: chooses one model per series by its accuracy on the series' own recent past.
///
/// The last v periods are held out (v = one season, m, for seasonal data, 4 for annual, and
/// at most a quarter of the series); every candidate is fitted to the rest and forecasts the
/// held-out periods; the candidate with the lowest mean absolute error there is refitted to
/// the whole series. Candidates that cannot fit the shortened series are skipped; when the
/// series is too short to hold anything out, the first candidate that fits is used. The fit's
/// notes say which model was chosen and why.
///
/// This is the holdout form of model selection by rolling-origin evaluation: L. J. Tashman,
/// "Out-of-sample tests of forecasting accuracy", IJF 16(4), 2000.
public struct AutomaticModel: ForecastModelSpec {
    /// The models to choose among, in order of preference when errors tie.
    public var candidates: [AnyForecastModelSpec]

    public init(candidates: [AnyForecastModelSpec]) {
        precondition(!candidates.isEmpty, "auto needs at least one candidate model")
        self.candidates = candidates
    }

    public var name: String { "auto" }

    /// The number of periods held out to compare the candidates on a series of `count` periods.
    public static func holdoutLength(count: Int, seasonalPeriod: Int) -> Int {
        min(seasonalPeriod == 1 ? 4 : seasonalPeriod, count / 4)
    }

    public func fit(_ series: TimeSeries) throws -> AnyFittedForecastModel {
        let holdout = Self.holdoutLength(count: series.count, seasonalPeriod: series.seasonalPeriod)
        let training = series.prefix(series.count - holdout)
        let actual = Array(series.values.suffix(holdout))
        var best: (candidate: AnyForecastModelSpec, error: Double)?
        if holdout > 0 && training.observedCount >= 2 && actual.contains(where: { !$0.isNaN }) {
            for candidate in candidates {
                guard let fitted = try? candidate.fit(training) else { continue }
                let forecast = fitted.forecast(horizon: holdout, levels: [])
                let error = AccuracyMetrics.meanAbsoluteError(actual: actual, forecast: forecast.mean)
                if error.isFinite && (best == nil || error < best!.error) { best = (candidate, error) }
            }
        }
        if let best, let chosen = try? best.candidate.fit(series) {
            let note = "auto chose \(best.candidate.name): lowest mean absolute error (\(best.error)) on the last \(holdout) periods held out"
            return AnyFittedForecastModel(NotedFit(base: chosen, extraNotes: [note]))
        }
        var failures: [String] = []
        for candidate in candidates {
            do {
                let chosen = try candidate.fit(series)
                let note = "auto chose \(candidate.name): the series is too short to compare models on held-out periods"
                return AnyFittedForecastModel(NotedFit(base: chosen, extraNotes: [note]))
            } catch {
                failures.append("\(candidate.name): \(error)")
            }
        }
        throw TimeSeriesError.unsuitable(series: series.name, reason: "no candidate model could be fitted (\(failures.joined(separator: "; ")))")
    }
}

/// A fitted model with notes added by whatever chose it.
struct NotedFit: FittedForecastModel {
    let base: AnyFittedForecastModel
    let extraNotes: [String]

    var description: String { base.description }
    var series: TimeSeries { base.series }
    var fittedValues: [Double] { base.fittedValues }
    var terms: ModelTerms { base.terms }
    var notes: [String] { base.notes + extraNotes }
    var fallback: ModelFallback? { base.fallback }

    func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        base.forecast(horizon: horizon, levels: levels, using: &generator)
    }
}
