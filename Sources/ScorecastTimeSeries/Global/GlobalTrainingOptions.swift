import ScorecastCore

/// What a global model is trained with, beside the batch: the window's shape (its horizon and
/// calendar come from the pipeline and the batch), the boosters' parameters and the cap on
/// training windows. The defaults are what `--model global` uses.
///
/// The default model is the sixth pass's choice (`docs/engineering-notes/issue-24.md`): light
/// direct boosters (``GlobalBoostingParameters/lightDirect`` on at most 30,000 windows a step)
/// averaged with a recursive booster (``GlobalRecursiveMember``). Over four seeds it is within
/// 0.03 sMAPE and 0.003 MASE of the deep direct model (300 trees of depth 6 a step) at both
/// validation origins of M3 monthly, in `auto`'s combination, for about a quarter of its
/// training time.
public struct GlobalTrainingOptions: Sendable, Equatable {
    /// Normalised lags per window.
    public var lags = 24
    /// Values averaged into the window's level.
    public var levelLength = 12
    /// Features beside the lags: none by default, the design. Season position and
    /// history length each failed the fourth pass's rule (join only if sMAPE and MASE improve
    /// at both validation origins; `docs/engineering-notes/issue-24.md`).
    public var features: [GlobalFeature] = []
    /// The direct boosters' parameters (their seed is replaced by the training seed below).
    public var parameters = GlobalBoostingParameters.lightDirect
    /// The seed of the window sampling and of the boosters; `nil` (the default) takes the
    /// pipeline's. The validation study sets it to measure how much a result moves with the
    /// seed alone.
    public var seed: UInt64?
    /// Windows per direct booster beyond which they are sampled (seeded). M3 monthly gives
    /// about 100,000 windows a step; the cap keeps a very large batch (every council × every
    /// indicator) to a training time and memory that a laptop affords.
    public var maximumRowsPerStep = 30_000
    /// The recursive member averaged with the direct boosters, or `nil` for the direct
    /// boosters alone (``GlobalRecursiveMember``; its seed is the training seed too).
    public var recursive: GlobalRecursiveMember? = GlobalRecursiveMember()

    public init() {}

    /// The window settings for `horizon` steps of `frequency` series.
    public func settings(horizon: Int, frequency: Frequency) -> GlobalWindowSettings {
        GlobalWindowSettings(horizon: horizon, frequency: frequency, lags: lags, levelLength: levelLength, features: features)
    }
}
