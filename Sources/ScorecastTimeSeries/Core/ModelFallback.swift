import ScorecastCore

/// Why a simpler model stood in for the one asked for: a typed reason, carried by the fitted
/// model (``FittedForecastModel/fallback``) and by its forecast (``Forecast/fallback``).
///
/// Commands count and report fallbacks by this value, never by reading the model's description.
public struct ModelFallback: Sendable, Equatable, CustomStringConvertible {
    /// Why the model asked for could not be used.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// The model could not be fitted to the series (too short, too few observations,
        /// unsuitable values).
        case modelUnfit(TimeSeriesError)
        /// No member of an ensemble could be fitted; the held-out choice among the simple
        /// models stood in.
        case noMemberFitted(String)
        /// The seasonal naive method needs a season: the series is annual.
        case annualSeriesHasNoSeason
        /// The seasonal naive method needs one whole season.
        case shorterThanOneSeason
        /// The seasonal naive method repeats the last season, and a month of it was never observed.
        case lastSeasonIncomplete
        /// The drift method needs two observed period-to-period changes.
        case tooFewChanges
        /// Every member of an ensemble fell back; the mean of their stand-ins is the forecast.
        case everyMemberFellBack
        /// The global model has no window for the series (too short, or no level).
        case globalWindowUnavailable(GlobalWindow.Unavailable)
        /// The batch could not train a global model.
        case globalModelUntrained(GlobalModelError)

        public var description: String {
            switch self {
            case .modelUnfit(let error): error.description
            case .noMemberFitted(let why): "no ensemble member could be fitted (\(why))"
            case .annualSeriesHasNoSeason: "annual series has no season"
            case .shorterThanOneSeason: "series shorter than one season"
            case .lastSeasonIncomplete: "a month of the last season was never observed"
            case .tooFewChanges: "fewer than two period-to-period changes observed"
            case .everyMemberFellBack: "every ensemble member fell back to a simpler model"
            case .globalWindowUnavailable(.tooShort(let got, let needed)):
                "series has \(got) periods; the global model's window needs at least \(needed)"
            case .globalWindowUnavailable(.noLevel): "the global model's window has no level (its recent values are missing or zero)"
            case .globalModelUntrained(let error): "no global model: \(error)"
            }
        }
    }

    /// Why.
    public var reason: Reason
    /// What stood in, as its fitted description says (`naive`).
    public var standIn: String

    public init(reason: Reason, standIn: String) {
        self.reason = reason
        self.standIn = standIn
    }

    /// `REASON: fell back to STAND-IN`.
    public var description: String { "\(reason): fell back to \(standIn)" }
}

extension AnyForecastModelSpec {
    /// `spec` as the model catalogue hands it out: where the series cannot carry the model
    /// (it throws a ``TimeSeriesError``: too short, too few observations, all zero ...), the
    /// naive method stands in and the fitted model says why, in ``FittedForecastModel/fallback``,
    /// its description (`naive (fallback)`) and notes. A batch of series is then never stopped
    /// by one short series, and nothing is dropped silently. `spec.fit` itself still throws,
    /// for callers that want the error.
    public static func fallingBackToNaive(_ spec: some ForecastModelSpec) -> AnyForecastModelSpec {
        AnyForecastModelSpec(name: spec.name) { series in
            do {
                return try spec.fit(series)
            } catch let error as TimeSeriesError {
                return FallbackFittedModel(base: try Naive().fit(series), reason: .modelUnfit(error))
            }
        }
    }
}

/// A fitted model standing in for one that could not be fitted, saying why in its
/// ``fallback``, notes and description.
struct FallbackFittedModel: FittedForecastModel {
    let base: any FittedForecastModel
    let reason: ModelFallback.Reason

    var description: String { base.description + " (fallback)" }
    var series: TimeSeries { base.series }
    var fittedValues: [Double] { base.fittedValues }
    var terms: ModelTerms { base.terms }
    var notes: [String] { ["\(reason): fell back to \(base.description)"] + base.notes }
    var fallback: ModelFallback? { ModelFallback(reason: reason, standIn: base.description) }

    /// The stand-in's forecast, its `model` saying it is a fallback.
    func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        var forecast = base.forecast(horizon: horizon, levels: levels, using: &generator)
        forecast.model = description
        return forecast
    }
}
