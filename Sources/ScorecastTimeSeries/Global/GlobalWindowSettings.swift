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

extension GlobalFeature {
    /// `features` as a model file and `--global-features` write them: `none`, or the names
    /// comma-separated in order.
    public static func listText(_ features: [GlobalFeature]) -> String {
        features.isEmpty ? "none" : features.map(\.rawValue).joined(separator: ",")
    }

    /// The features ``listText(_:)`` wrote.
    ///
    /// - Throws: ``GlobalFeatureListError`` naming the first name that is not a feature or
    ///   names one already listed (a window has each feature once).
    public static func list(parsing text: String) throws(GlobalFeatureListError) -> [GlobalFeature] {
        guard text != "none" else { return [] }
        var features: [GlobalFeature] = []
        for name in text.split(separator: ",") {
            guard let feature = GlobalFeature(rawValue: String(name)), !features.contains(feature) else {
                throw GlobalFeatureListError(found: String(name))
            }
            features.append(feature)
        }
        return features
    }
}

/// A features list (``GlobalFeature/list(parsing:)``) with an unknown or repeated name.
public struct GlobalFeatureListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offending name.
    public let found: String

    public var description: String {
        "expected none or features among \(GlobalFeature.allCases.map(\.rawValue).joined(separator: ", ")), each once; found '\(found)'"
    }
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
    /// Periods a series must have for the calibration pass to score it: a window of
    /// ``minimumHistory`` periods and one more before the cut, then the ``horizon`` held out.
    var minimumCalibrationLength: Int { minimumHistory + 1 + horizon }

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
