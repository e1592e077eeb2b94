/// A model as the user names it: a family and the family's options (`ets:MAdM`, `theta:dotm`,
/// `arima:1,1,1`, `glm:negbin,fourier2`, `auto`).
///
/// This is the one place a model name is parsed (``init(parsing:)``) and printed
/// (``description``): commands, the report and the projection hold a specification, never a
/// name, and decide by its ``family``. The options are the family's own small grammar; they
/// are checked when the specification is parsed, by the family's registered parser, so a
/// specification that exists can always be built (``ModelCatalogue/spec(for:)``).
public struct ModelSpecification: Hashable, Sendable, CustomStringConvertible {
    /// The family.
    public let family: ModelFamily
    /// The text after the colon, exactly as the family's parser accepted it (`nil` for none).
    public let options: String?

    /// The specification of `family` with no options.
    public init(_ family: ModelFamily) {
        self.family = family
        self.options = nil
    }

    /// `family` with `options` taken as valid: for the model layer's own constants (the
    /// ensemble's default members), which the catalogue tests build.
    init(_ family: ModelFamily, uncheckedOptions options: String) {
        self.family = family
        self.options = options
    }

    /// The default model: `auto`.
    public static let automatic = ModelSpecification(.automatic)

    /// `auto:local`: `auto` fitted to each series alone, never the global model; what
    /// forecasts one series at a time use (the report's indicators, `check-borrowing`).
    public static let automaticLocal = ModelSpecification(.automatic, uncheckedOptions: "local")

    /// `ets:select`: the single exponential smoothing form with the smallest AICc, as R's
    /// `ets()` chooses it, with the fast estimator (naive where the series is too short); what the projections use to
    /// extrapolate one series.
    public static let automaticETS = ModelSpecification(.ets, uncheckedOptions: "select")

    /// Parses `NAME` or `NAME:OPTIONS` (the family name in any case) and checks the options
    /// with the family's registered parser.
    ///
    /// - Throws: ``ModelCatalogueError/unknownModel(_:known:)`` for a name no family has,
    ///   ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for options the family
    ///   does not understand.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let family = ModelFamily(rawValue: String(parts[0]).lowercased()) else {
            throw ModelCatalogueError.unknownModel(text, known: ModelFamily.allCases.map(\.rawValue))
        }
        self.family = family
        self.options = parts.count > 1 ? String(parts[1]) : nil
        _ = try ModelCatalogue.standard.spec(for: self)
    }

    /// `NAME` or `NAME:OPTIONS`: what ``init(parsing:)`` reads back to the same specification.
    public var description: String {
        options.map { "\(family.rawValue):\($0)" } ?? family.rawValue
    }
}
