/// The outcome of a batch's training step, as a catalogue carries it to the specs that
/// forecast with it (`global`, `auto:global`): the model or why there is none, and the horizon
/// the pipeline asked for.
public struct TrainedGlobalModel: Sendable {
    /// The model, or why the batch could not train one.
    public var result: Result<GlobalModel, GlobalModelError>
    /// The pipeline's horizon (what `auto:global` calibrates its other members over).
    public var horizon: Int
    /// Whether the `auto` member of a combination gets its conformal intervals (as
    /// `--model auto` does), or its own (`--intervals model`).
    public var calibratesAutomatic: Bool

    public init(_ result: Result<GlobalModel, GlobalModelError>, horizon: Int, calibratesAutomatic: Bool = true) {
        self.result = result
        self.horizon = horizon
        self.calibratesAutomatic = calibratesAutomatic
    }
}
