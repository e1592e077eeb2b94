import ScorecastCore
import ScorecastNumerics

/// A forecasting method with its settings, before it has seen data.
///
/// A spec is a small value (`ETS(error: .multiplicative, ...)`, `SeasonalNaive()`); `fit`
/// estimates it on one series and returns the fitted model, which holds everything the
/// forecast needs. Only a fitted model can forecast.
public protocol ForecastModelSpec: Sendable {
    associatedtype Fitted: FittedForecastModel
    /// The name the command line uses for this spec (`snaive`, `ets`, `ets:MAdM`, ...).
    var name: String { get }
    /// Estimates the model on `series`.
    ///
    /// - Throws: ``TimeSeriesError`` when the series cannot carry the model (too short,
    ///   unsuitable values). Specs that can fall back to a simpler model do so and say
    ///   what they did in ``FittedForecastModel/notes`` instead of throwing.
    func fit(_ series: TimeSeries) throws -> Fitted
}

/// A model estimated on one series: in-sample fit, and forecasts with intervals.
public protocol FittedForecastModel: Sendable {
    /// What was actually fitted, e.g. `ETS(M,Ad,M)` or `naive (fallback: series too short)`.
    var description: String { get }
    /// The series the model was fitted to.
    var series: TimeSeries { get }
    /// One-step-ahead in-sample fitted values, aligned with `series.values` (`NaN` where none).
    var fittedValues: [Double] { get }
    /// Anything the fit decided that a user should know (fallbacks, exclusions), in plain words.
    var notes: [String] { get }
    /// Why a simpler model stands in for the one asked for; `nil` when it does not.
    var fallback: ModelFallback? { get }
    /// The components the fitted model has (level, trend, season, calendar, events): what
    /// its forecasts may be said to account for.
    var terms: ModelTerms { get }
    /// Forecasts `horizon` periods after the end of the series, with a central prediction
    /// interval at each of `levels` (percentages in (0, 100)).
    ///
    /// Models whose intervals are simulated draw from `generator`, so a seeded generator
    /// reproduces them exactly.
    func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast
}

extension FittedForecastModel {
    /// No fallback: the model asked for was fitted.
    public var fallback: ModelFallback? { nil }

    /// In-sample residuals: `series.values - fittedValues` (additive, on the data's scale).
    public var residuals: [Double] {
        zip(series.values, fittedValues).map { $0 - $1 }
    }

    /// Forecasts with the default seeded generator (seed 2021), so repeated calls agree.
    public func forecast(horizon: Int, levels: [Double]) -> Forecast {
        var generator = Xoshiro256StarStar(seed: Forecast.defaultSeed)
        return forecast(horizon: horizon, levels: levels, using: &generator)
    }
}

/// A prediction interval at one coverage level for every forecast step.
public struct PredictionInterval: Sendable, Equatable {
    /// The nominal coverage in percent, e.g. 80 or 95.
    public var level: Double
    /// Lower bounds, one per step.
    public var lower: [Double]
    /// Upper bounds, one per step.
    public var upper: [Double]

    public init(level: Double, lower: [Double], upper: [Double]) {
        precondition(lower.count == upper.count, "Interval bounds must have one value per step")
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// Point forecasts and prediction intervals for the periods after a series ends.
public struct Forecast: Sendable, Equatable {
    /// The seed used when no generator is given.
    public static let defaultSeed: UInt64 = 2021

    /// The first forecast period.
    public var start: Period
    /// Point forecasts (the mean of the predictive distribution unless a model says otherwise).
    public var mean: [Double]
    /// Intervals, in the order of the requested levels.
    public var intervals: [PredictionInterval]
    /// What produced the forecast, e.g. `ETS(A,N,A)`.
    public var model: String
    /// Why a simpler model than the one asked for produced it; `nil` when none did. Set by
    /// ``ForecastPipeline`` from the fitted model's ``FittedForecastModel/fallback``.
    public var fallback: ModelFallback?
    /// The fitted model's terms; set by ``ForecastPipeline`` (a bare model's forecast says
    /// only `level`).
    public var terms: ModelTerms = .level
    /// Where the seasonal pattern came from; set by ``ForecastPipeline``.
    public var seasonality: SeasonalitySource?

    public init(start: Period, mean: [Double], intervals: [PredictionInterval], model: String, fallback: ModelFallback? = nil) {
        precondition(intervals.allSatisfy { $0.lower.count == mean.count }, "Intervals must cover every step")
        self.start = start
        self.mean = mean
        self.intervals = intervals
        self.model = model
        self.fallback = fallback
    }

    /// Number of steps.
    public var horizon: Int { mean.count }

    /// The forecast periods.
    public var periods: [Period] { (0..<mean.count).map { start.advanced(by: $0) } }

    /// The interval at `level`, if it was requested.
    public func interval(level: Double) -> PredictionInterval? {
        intervals.first { abs($0.level - level) < 1e-9 }
    }

    /// The same forecast with every value (mean and bounds) raised to at least `floor`:
    /// used for counts, which are never forecast negative.
    public func clamped(atLeast floor: Double) -> Forecast {
        var copy = self
        copy.mean = mean.map { Swift.max($0, floor) }
        copy.intervals = intervals.map {
            PredictionInterval(level: $0.level, lower: $0.lower.map { Swift.max($0, floor) }, upper: $0.upper.map { Swift.max($0, floor) })
        }
        return copy
    }

    /// The same forecast with every value (mean and bounds) brought into `range`: used for
    /// percentages, which stay within 0 to 100.
    public func clamped(to range: ClosedRange<Double>) -> Forecast {
        var copy = self
        func clamp(_ value: Double) -> Double { Swift.min(Swift.max(value, range.lowerBound), range.upperBound) }
        copy.mean = mean.map(clamp)
        copy.intervals = intervals.map {
            PredictionInterval(level: $0.level, lower: $0.lower.map(clamp), upper: $0.upper.map(clamp))
        }
        return copy
    }

    /// The forecast floored at zero when `series` has observed values and none is negative
    /// (counts, caseloads, rates); unchanged otherwise. Models whose errors are Gaussian (the
    /// baselines, additive ETS, theta) put some probability below zero; for such data it
    /// belongs at zero, so the bounds are the quantiles of the censored distribution.
    public func flooredAtZero(ifNonNegative series: TimeSeries) -> Forecast {
        var observed = false
        for value in series.values where !value.isNaN {
            if value < 0 { return self }
            observed = true
        }
        return observed ? clamped(atLeast: 0) : self
    }
}
