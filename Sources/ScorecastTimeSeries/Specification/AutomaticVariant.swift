/// Which `auto` a specification names: its options read once, here, for the registry entry
/// that builds it and for the pipeline's questions about it (does it train on the batch,
/// does it always use the global model).
public enum AutomaticVariant: CaseIterable, Sendable {
    /// `auto`: the per-series ensemble, combined with the global model once trained on a
    /// batch of at least ``GlobalCombination/minimumBatchForAutomatic`` series.
    case plain
    /// `auto:global`: combined with the global model on any batch.
    case global
    /// `auto:local`: the per-series ensemble alone; never trains on the batch.
    case local

    /// The variant `options` name (`nil` for plain `auto`; the name in any case).
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for any other
    ///   text.
    public init(options: String?) throws(ModelCatalogueError) {
        guard let options else {
            self = .plain
            return
        }
        switch options.lowercased() {
        case "global": self = .global
        case "local": self = .local
        default:
            throw .invalidOptions(model: ModelFamily.automatic.rawValue, options: options, expected: "no options, global or local")
        }
    }

    /// Whether the variant learns across the batch (every one but `auto:local`).
    public var trainsOnBatch: Bool { self != .local }

    /// Whether its forecasts come from the global model whatever the batch's size.
    public var alwaysUsesGlobalModel: Bool { self == .global }
}

extension ModelSpecification {
    /// The `auto` variant this specification names; `nil` for every other family. (A
    /// specification's options were checked when it was parsed, so an `auto` one always has
    /// a variant.)
    public var automaticVariant: AutomaticVariant? {
        family == .automatic ? try? AutomaticVariant(options: options) : nil
    }
}
