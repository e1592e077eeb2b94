/// The models the command line can name: `--model NAME` or `--model NAME:OPTIONS`.
///
/// Each model family registers one ``Entry`` in ``ModelCatalogue/registered`` (in
/// `ModelCatalogue+Registered.swift`), one line per family. A name may carry options after a
/// colon (`ets:MAdM`, `theta:dotm`); the entry's factory parses them. `auto` is built in: the
/// mean of ETS and the theta models (``Ensemble/automatic(catalogue:fallback:)``), falling back
/// per series to the held-out choice among the entries marked as automatic candidates
/// (``AutomaticModel``) when no ensemble member can fit.
public struct ModelCatalogue: Sendable {
    /// One named model family.
    public struct Entry: Sendable {
        /// The name before any colon, e.g. `ets`.
        public let name: String
        /// One line for `--help` and the README.
        public let summary: String
        /// Whether `auto` considers this model.
        public let isAutomaticCandidate: Bool
        let make: @Sendable (_ options: String?) throws -> AnyForecastModelSpec

        /// Registers `name`, built by `make` from the text after the colon (`nil` when none).
        /// Throw ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for options
        /// the family does not understand.
        public init<Spec: ForecastModelSpec>(
            _ name: String, _ summary: String, automaticCandidate: Bool = false,
            make: @escaping @Sendable (_ options: String?) throws -> Spec
        ) {
            self.name = name
            self.summary = summary
            self.isAutomaticCandidate = automaticCandidate
            self.make = { AnyForecastModelSpec(try make($0)) }
        }

        /// Registers a model without options.
        public init<Spec: ForecastModelSpec>(_ name: String, _ summary: String, automaticCandidate: Bool = false, _ spec: Spec) {
            self.init(name, summary, automaticCandidate: automaticCandidate) { options in
                guard options == nil else { throw ModelCatalogueError.invalidOptions(model: name, options: options!, expected: "no options") }
                return spec
            }
        }
    }

    /// The entries, in the order `--help` lists them.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Every registered model, and `auto`.
    public static let standard = ModelCatalogue(entries: registered)

    /// The names `--model` accepts, `auto` first.
    public var names: [String] { ["auto"] + entries.map(\.name) }

    /// The specs `auto` chooses among when its ensemble cannot be fitted.
    public var automaticCandidates: [AnyForecastModelSpec] {
        entries.filter(\.isAutomaticCandidate).compactMap { try? $0.make(nil) }
    }

    /// The spec named `text` (`snaive`, `ets:MAdM`, `auto`).
    ///
    /// - Throws: ``ModelCatalogueError`` for an unknown name or options the model rejects.
    public func spec(named text: String) throws -> AnyForecastModelSpec {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).lowercased()
        let options = parts.count > 1 ? String(parts[1]) : nil
        if name == "auto" {
            if let options { throw ModelCatalogueError.invalidOptions(model: "auto", options: options, expected: "no options") }
            return Ensemble.automatic(catalogue: self, fallback: AutomaticModel(candidates: automaticCandidates))
        }
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw ModelCatalogueError.unknownModel(text, known: names)
        }
        return try entry.make(options)
    }
}

/// Why a model name could not be turned into a spec.
public enum ModelCatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No model has this name.
    case unknownModel(String, known: [String])
    /// The model does not understand the options after the colon.
    case invalidOptions(model: String, options: String, expected: String)

    public var description: String {
        switch self {
        case .unknownModel(let name, let known):
            "unknown model '\(name)'; expected one of: \(known.joined(separator: ", "))"
        case .invalidOptions(let model, let options, let expected):
            "model '\(model)' does not understand options '\(options)'; expected \(expected)"
        }
    }
}
