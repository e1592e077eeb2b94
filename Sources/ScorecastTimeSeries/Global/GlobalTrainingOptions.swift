import ScorecastCore

/// What a global model is trained with, beside the batch: the window's shape (its horizon and
/// calendar come from the pipeline and the batch), the boosters' parameters and the cap on
/// training windows. The defaults are what `--model global` uses.
public struct GlobalTrainingOptions: Sendable, Equatable {
    /// Normalised lags per window.
    public var lags = 24
    /// Values averaged into the window's level.
    public var levelLength = 12
    /// Features beside the lags: none by default, the design. Season position and
    /// history length each failed the fourth pass's rule (join only if sMAPE and MASE improve
    /// at both validation origins; `docs/engineering-notes/issue-24.md`).
    public var features: [GlobalFeature] = []
    /// The boosters' parameters (their seed is replaced by the training seed below).
    public var parameters = GlobalBoostingParameters()
    /// The seed of the window sampling and of the boosters; `nil` (the default) takes the
    /// pipeline's. The validation study sets it to measure how much a result moves with the
    /// seed alone.
    public var seed: UInt64?
    /// Windows per booster beyond which they are sampled.
    public var maximumRowsPerStep = GlobalModel.defaultMaximumRowsPerStep
    /// The recursive member averaged with the direct boosters, or `nil` for none
    /// (``GlobalRecursiveMember``; its seed is the pipeline's too).
    public var recursive: GlobalRecursiveMember? = nil

    public init() {}

    /// The window settings for `horizon` steps of `frequency` series.
    public func settings(horizon: Int, frequency: Frequency) -> GlobalWindowSettings {
        GlobalWindowSettings(horizon: horizon, frequency: frequency, lags: lags, levelLength: levelLength, features: features)
    }
}
