import ScorecastCore
import ScorecastNumerics

/// The one way Scorecast turns a series into a forecast: fit → forecast → intervals → bounds.
///
/// A pipeline is built once from what the user asked for (a ``ModelSpecification``, the
/// horizon, the interval levels, whose intervals, the calendar, the seed) and then run on any
/// number of series, each independently. `scorecast forecast`, `backtest`, `accuracy`, the
/// report, `explain`, `project` and `project-population` all forecast through it, so the same
/// request gives the same numbers everywhere.
///
/// For each series it:
/// 1. fits the specified model (``ModelCatalogue/spec(for:)``; where the family registers a
///    fallback, a simpler model stands in and ``PipelineForecast/fallback`` says why);
///    with conformal intervals (``IntervalMethod/isConformal(for:)``) the model is wrapped in
///    ``ConformalIntervals`` calibrated over the same horizon;
/// 2. forecasts `horizon` steps at `levels`, drawing simulated intervals from a generator
///    seeded with `seed` afresh for every series (so a series' forecast does not depend on
///    which series came before it, or on how many run at once);
/// 3. brings means and bounds inside the series' ``ValueBounds``: floored at zero for a
///    series with no negative value, within 0 to 100 for percentages.
///
/// The calendar GLM with its own intervals models what it can do better than a bound:
/// numerator/denominator series (``BinomialCounts``) as quasi-binomial counts, and
/// percentages on the logit scale.
///
/// - Complexity: one fit of the model per series (eleven with conformal intervals: ten
///   calibration origins and the full series; for `auto` one fit and 20 refilters,
///   ``ConformalIntervals/default(for:base:horizon:)``).
public struct ForecastPipeline: Sendable {
    /// The model.
    public let specification: ModelSpecification
    /// Periods forecast after each series ends.
    public let horizon: Int
    /// Interval levels in percent, in the order reported.
    public let levels: [Double]
    /// Whose intervals.
    public let intervals: IntervalMethod
    /// The seed of each series' generator.
    public let seed: UInt64
    /// The catalogue the model is built from (its calendar context).
    public let catalogue: ModelCatalogue
    private let spec: AnyForecastModelSpec
    private let binomialModel: CalendarGLM?

    /// Counts out of a total, per period: a percentage's numerator and denominator.
    public struct BinomialCounts: Sendable {
        /// The numerator series (the count of successes).
        public var successes: TimeSeries
        /// The denominators, aligned with `successes`.
        public var trials: [Double]

        public init(successes: TimeSeries, trials: [Double]) {
            precondition(successes.count == trials.count, "One denominator per period")
            self.successes = successes
            self.trials = trials
        }
    }

    /// A pipeline for `specification`.
    ///
    /// - Parameters:
    ///   - horizon: at least 1.
    ///   - levels: each in (0, 100).
    /// - Throws: ``ModelCatalogueError`` when the specification's options do not build
    ///   (only for a specification made without ``ModelSpecification/init(parsing:)``).
    public init(
        _ specification: ModelSpecification, horizon: Int, levels: [Double] = [80, 95], intervals: IntervalMethod = .default,
        catalogue: ModelCatalogue = .standard, seed: UInt64 = Forecast.defaultSeed
    ) throws {
        precondition(horizon >= 1, "A forecast needs at least one step")
        precondition(levels.allSatisfy { $0 > 0 && $0 < 100 }, "Interval levels are percentages in (0, 100)")
        self.specification = specification
        self.horizon = horizon
        self.levels = levels
        self.intervals = intervals
        self.seed = seed
        self.catalogue = catalogue
        let base = try catalogue.spec(for: specification)
        let conformal = intervals.isConformal(for: specification, in: catalogue)
        spec = conformal ? AnyForecastModelSpec(ConformalIntervals.default(for: specification.family, base: base, horizon: horizon)) : base
        binomialModel =
            specification.family == .glm && !conformal
            ? try CalendarGLM(options: specification.options, calendar: catalogue.calendarContext.calendar, events: catalogue.calendarContext.events)
            : nil
    }

    /// The model name as reported where one name per request is written (backtest and
    /// accuracy tables): the specification as the user wrote it.
    public var modelName: String { specification.description }

    /// Fits `series` and forecasts it, bounded by `bounds`.
    ///
    /// - Parameters:
    ///   - binomial: the series' numerator and denominator, when it has them: the calendar GLM
    ///     fits them as quasi-binomial counts; other models ignore them.
    ///   - profile: a seasonal profile to borrow when the series is too short to learn its own
    ///     (fewer than two years observed): the series' level is then fitted against it
    ///     (``ProfileLevelModel``) in place of the specified model, and the forecast says so
    ///     (``Forecast/seasonality``).
    /// - Throws: ``TimeSeriesError`` when the series cannot carry the model and the family
    ///   has no fallback (an empty series, the GLM on too little data).
    public func forecast(
        _ series: TimeSeries, bounds: ValueBounds = .nonNegativeIfObservedSo, binomial: BinomialCounts? = nil, profile: SeasonalProfile? = nil
    ) throws -> PipelineForecast {
        let fitted: AnyFittedForecastModel
        let observed = series.observedCount
        let learnsOwnSeason = observed >= 2 * series.frequency.periodsPerYear
        if let profile, !learnsOwnSeason {
            fitted = AnyFittedForecastModel(try ProfileLevelModel(profile: profile).fit(series))
        } else if let binomialModel, let binomial {
            fitted = AnyFittedForecastModel(try binomialModel.fit(successes: binomial.successes, trials: binomial.trials))
        } else if let binomialModel, bounds == .percentage {
            fitted = AnyFittedForecastModel(try binomialModel.fit(percentages: series))
        } else {
            fitted = try spec.fit(series)
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var forecast = fitted.forecast(horizon: horizon, levels: levels, using: &generator)
        forecast.fallback = fitted.fallback
        forecast.terms = fitted.terms
        if let profile, !learnsOwnSeason {
            forecast.seasonality = .borrowed(reference: profile.reference)
        } else {
            forecast.seasonality = learnsOwnSeason ? .own : .none(observedMonths: observed)
        }
        switch bounds {
        case .unbounded: break
        case .nonNegativeIfObservedSo: forecast = forecast.flooredAtZero(ifNonNegative: series)
        case .percentage: forecast = forecast.clamped(to: 0...100)
        }
        return PipelineForecast(fitted: fitted, forecast: forecast)
    }
}

/// What the pipeline made of one series: the fitted model and its bounded forecast.
public struct PipelineForecast: Sendable {
    /// The model as fitted (its description, notes, in-sample fit).
    public var fitted: AnyFittedForecastModel
    /// The forecast, bounded, with intervals at the pipeline's levels.
    public var forecast: Forecast

    /// Why a simpler model stood in; `nil` when none did.
    public var fallback: ModelFallback? { forecast.fallback }
    /// What the fit decided that a user should know, in plain words.
    public var notes: [String] { fitted.notes }
}
