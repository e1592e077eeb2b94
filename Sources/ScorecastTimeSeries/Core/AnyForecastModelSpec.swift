import ScorecastCore

/// A model spec of any type: what the catalogue hands out, so a command can fit a model
/// chosen by name at run time.
public struct AnyForecastModelSpec: ForecastModelSpec {
    public let name: String
    private let fitBody: @Sendable (TimeSeries) throws -> any FittedForecastModel

    /// Wraps `spec`.
    public init<Spec: ForecastModelSpec>(_ spec: Spec) {
        if let alreadyErased = spec as? AnyForecastModelSpec {
            self = alreadyErased
            return
        }
        self.name = spec.name
        self.fitBody = { try spec.fit($0) }
    }

    /// Wraps a fit closure under `name` (for specs assembled at run time, such as `auto`).
    public init(name: String, fit: @escaping @Sendable (TimeSeries) throws -> any FittedForecastModel) {
        self.name = name
        self.fitBody = fit
    }

    public func fit(_ series: TimeSeries) throws -> AnyFittedForecastModel {
        let fitted = try fitBody(series)
        return fitted as? AnyFittedForecastModel ?? AnyFittedForecastModel(fitted)
    }
}

/// A fitted model of any type.
public struct AnyFittedForecastModel: FittedForecastModel {
    /// The wrapped fitted model.
    public let base: any FittedForecastModel

    public init(_ base: any FittedForecastModel) {
        self.base = (base as? AnyFittedForecastModel)?.base ?? base
    }

    public var description: String { base.description }
    public var series: TimeSeries { base.series }
    public var fittedValues: [Double] { base.fittedValues }
    public var terms: ModelTerms { base.terms }
    public var notes: [String] { base.notes }
    public var fallback: ModelFallback? { base.fallback }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        base.forecast(horizon: horizon, levels: levels, using: &generator)
    }
}
