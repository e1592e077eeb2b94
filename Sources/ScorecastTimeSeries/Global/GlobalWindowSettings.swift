import ScorecastCore

/// A feature the global model adds to a window's normalised lags.
public enum GlobalFeature: String, Sendable, Hashable, CaseIterable {
    /// The origin's position in its season (1 for January in a monthly series): with one
    /// booster per step, it also fixes the month being forecast.
    case seasonPosition = "season-position"
    /// How many periods of history the series has at the origin (log scale, capped at ten
    /// years): short histories behave differently from long ones.
    case historyLength = "history-length"
    /// The logarithm of the window's level (the divisor of the lags): lets the trees treat
    /// small counts (noisy, bounded by zero) apart from large aggregates.
    case logLevel = "log-level"
}

/// The shape of the global model's windows: what a series must give the model and what the
/// model predicts. Saved with the model (``GlobalModel``) and checked against every batch it
/// forecasts.
///
/// A window at origin `t` (the last observed period) is the last ``lags`` values up to `t`,
/// each divided by the window's *level*: the mean absolute value of the last ``levelLength``
/// observed values. Lags before the series starts, and missing values, are missing features
/// (XGBoost learns where to send them), so a series shorter than the window is padded, not
/// dropped; a series needs ``minimumHistory`` periods and a level above zero. The targets are
/// the next ``horizon`` values divided by the same level; forecasts are the predictions
/// multiplied back.
///
/// The defaults follow the sketch: 24 lags over a level of 12 (two seasons of a
/// monthly series normalised by the last year's mean) and no other feature; the season
/// position and the history length can be added (`--global-features`), but neither improved
/// sMAPE and MASE at both validation origins of M3 monthly
/// (`docs/engineering-notes/issue-24.md`, fourth pass).
public struct GlobalWindowSettings: Sendable, Equatable {
    /// Values before the origin given to the model.
    public var lags: Int
    /// Values whose mean absolute value is the window's level.
    public var levelLength: Int
    /// Steps forecast: one booster each.
    public var horizon: Int
    /// The calendar of the series (the season position needs it).
    public var frequency: Frequency
    /// Features beside the lags, in this order.
    public var features: [GlobalFeature]
    /// Periods a series must have (observed or not) at an origin, so the level has a season to
    /// average: ``levelLength``.
    public var minimumHistory: Int { levelLength }

    /// The default monthly window for `horizon` steps.
    public init(
        horizon: Int, frequency: Frequency = .monthly, lags: Int = 24, levelLength: Int = 12,
        features: [GlobalFeature] = []
    ) {
        precondition(horizon >= 1 && lags >= 1 && levelLength >= 1 && levelLength <= lags, "A window needs lags ≥ level length ≥ 1 and a horizon")
        precondition(Set(features).count == features.count, "Each feature once")
        self.horizon = horizon
        self.frequency = frequency
        self.lags = lags
        self.levelLength = levelLength
        self.features = features
    }

    /// Columns of a window: the lags, then the features.
    public var columns: Int { lags + features.count }
}
