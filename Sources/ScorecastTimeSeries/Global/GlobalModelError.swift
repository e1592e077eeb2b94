import ScorecastCore

/// Why a global model could not be trained, or cannot forecast a batch.
public enum GlobalModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec was used before the batch's training step (``ForecastPipeline/training(on:jobs:options:)``).
    case notTrained
    /// No series of the batch is long enough to train on and hold out a horizon for the
    /// intervals: at least one needs `needed` periods.
    case tooLittleData(needed: Int)
    /// `auto` was asked to learn across a batch of `series` series, fewer than the `minimum`
    /// from which the global model joins it (``GlobalCombination/minimumBatchForAutomatic``).
    case batchTooSmall(series: Int, minimum: Int)
    /// A series is of another calendar than the model's windows.
    case frequencyMismatch(series: String, model: Frequency, found: Frequency)
    /// More steps were asked for than the model has boosters.
    case horizonBeyondModel(model: Int, asked: Int)
    /// XGBoost failed.
    case xgboost(XGBoostError)

    public var description: String {
        switch self {
        case .notTrained:
            "the global model learns from a whole batch and was not trained on one (ForecastPipeline.training(on:jobs:options:))"
        case .tooLittleData(let needed):
            "no series of the batch has the \(needed) periods the global model needs to train and calibrate its intervals"
        case .batchTooSmall(let series, let minimum):
            "a batch of \(series) series; auto learns across series from \(minimum)"
        case .frequencyMismatch(let series, let model, let found):
            "series '\(series)' is \(found); the global model's windows are \(model)"
        case .horizonBeyondModel(let model, let asked):
            "the global model forecasts \(model) steps; \(asked) were asked for"
        case .xgboost(let error): error.description
        }
    }
}
