import ScorecastCore

/// The model families the command line can name, and how each is built.
///
/// Each family registers one ``Entry`` in ``registered`` (in `ModelCatalogue+Registered.swift`),
/// one line per family: its summary, whether `auto` may choose it, whose intervals it reports
/// by default, and the parser of its options. ``spec(for:)`` turns a ``ModelSpecification``
/// into a spec that fits series.
///
/// Calendar-aware models (`glm`) are bound to a ``CalendarContext``: the calendar whose
/// regressors they use and the intervention events. When the context says a calendar was
/// given (`--calendar england`), `auto` chooses per series, by error on held-out recent
/// periods, between its ensemble and the calendar GLM (``automaticSpec()``).
public struct ModelCatalogue: Sendable {
    /// What calendar-aware models are bound to.
    public struct CalendarContext: Sendable {
        /// The calendar the `glm` entry uses (`nil` for none).
        public var calendar: EnglandCalendar?
        /// Intervention events for the `glm` entry, one dummy per name.
        public var events: [InterventionEvent]
        /// Whether a calendar was asked for: then `auto` also considers the calendar GLM.
        public var isCalendarGiven: Bool

        /// The default: the England calendar with the default school terms for `glm`, no
        /// events, and `auto` as without a calendar.
        public init(calendar: EnglandCalendar? = EnglandCalendar(), events: [InterventionEvent] = [], isCalendarGiven: Bool = false) {
            self.calendar = calendar
            self.events = events
            self.isCalendarGiven = isCalendarGiven
        }
    }

    /// One registered model family.
    public struct Entry: Sendable {
        /// The family.
        public let family: ModelFamily
        /// One line for `--help`, `scorecast models` and the README.
        public let summary: String
        /// Whether `auto`'s last resort (the held-out choice, ``AutomaticModel``) considers it.
        public let isAutomaticCandidate: Bool
        /// Whether `--intervals default` calibrates this family's intervals conformally.
        public let conformalByDefault: Bool
        let make: @Sendable (_ options: String?, _ catalogue: ModelCatalogue) throws -> AnyForecastModelSpec

        /// Registers `family`, built by `make` from the text after the colon (`nil` when none)
        /// within `catalogue` (for the calendar and for members named by other entries).
        /// Throw ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for options
        /// the family does not understand.
        public init<Spec: ForecastModelSpec>(
            _ family: ModelFamily, _ summary: String, automaticCandidate: Bool = false, conformalByDefault: Bool = false,
            make: @escaping @Sendable (_ options: String?, _ catalogue: ModelCatalogue) throws -> Spec
        ) {
            self.family = family
            self.summary = summary
            self.isAutomaticCandidate = automaticCandidate
            self.conformalByDefault = conformalByDefault
            self.make = { AnyForecastModelSpec(try make($0, $1)) }
        }

        /// Registers a family without options.
        public init<Spec: ForecastModelSpec>(
            _ family: ModelFamily, _ summary: String, automaticCandidate: Bool = false, conformalByDefault: Bool = false, _ spec: Spec
        ) {
            self.init(family, summary, automaticCandidate: automaticCandidate, conformalByDefault: conformalByDefault) { options, _ in
                if let options { throw ModelCatalogueError.invalidOptions(model: family.rawValue, options: options, expected: "no options") }
                return spec
            }
        }

        /// The family's name, as the command line writes it.
        public var name: String { family.rawValue }
    }

    /// Every registered family, in the order `--help` lists them (`auto` first).
    public static let entries: [Entry] = registered
    /// What the calendar-aware entries are bound to, and whether `auto` considers them.
    public let calendarContext: CalendarContext
    /// The global model the `global` entry forecasts with, once trained on a batch (or why
    /// it could not be), and the horizon it was trained for; `nil` before
    /// (``ForecastPipeline/training(on:jobs:options:)``).
    public var trainedGlobalModel: TrainedGlobalModel? = nil

    public init(calendarContext: CalendarContext = CalendarContext()) {
        self.calendarContext = calendarContext
    }

    /// Every registered model: `glm` with the default England calendar and no events, `auto`
    /// without a calendar.
    public static let standard = ModelCatalogue()

    /// Every registered model, the calendar-aware ones bound to `context`.
    public static func standard(calendar context: CalendarContext) -> ModelCatalogue {
        ModelCatalogue(calendarContext: context)
    }

    /// The registered entries (the same for every catalogue).
    public var entries: [Entry] { Self.entries }

    /// The names `--model` accepts, `auto` first.
    public var names: [String] { Self.entries.map(\.name) }

    /// The registration of `family`.
    public static func registration(of family: ModelFamily) -> Entry {
        guard let entry = entries.first(where: { $0.family == family }) else {
            preconditionFailure("model family \(family) is not registered in ModelCatalogue+Registered.swift")
        }
        return entry
    }

    /// The specs `auto` chooses among when its ensemble cannot be fitted.
    public var automaticCandidates: [AnyForecastModelSpec] {
        Self.entries.filter(\.isAutomaticCandidate).compactMap { try? $0.make(nil, self) }
    }

    /// The spec that fits `specification`, bound to this catalogue's calendar.
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for options
    ///   the family rejects.
    public func spec(for specification: ModelSpecification) throws -> AnyForecastModelSpec {
        try Self.registration(of: specification.family).make(specification.options, self)
    }

    /// The spec named `text` (`snaive`, `ets:MAdM`, `auto`): ``ModelSpecification/init(parsing:)``
    /// then ``spec(for:)``.
    public func spec(named text: String) throws -> AnyForecastModelSpec {
        try spec(for: ModelSpecification(parsing: text))
    }
}

extension ModelCatalogue {
    /// `auto`: the ensemble (``Ensemble/automatic(catalogue:fallback:)``); when
    /// ``CalendarContext/isCalendarGiven``, the per-series choice by held-out error
    /// (``AutomaticModel``) between that ensemble and the calendar GLM (the `glm` entry).
    ///
    /// The GLM must earn its place on the series' own last season, held out: a calendar effect
    /// that ETS and theta's fixed seasonal pattern cannot follow (Easter moving between March
    /// and April, working days, events) shows there; on a series without one, the ensemble
    /// usually wins. The notes say which was chosen.
    public func automaticSpec() -> AnyForecastModelSpec {
        let ensemble = Ensemble.automatic(catalogue: self, fallback: AutomaticModel(candidates: automaticCandidates))
        guard calendarContext.isCalendarGiven, let calendarModel = try? spec(for: ModelSpecification(.glm)) else { return ensemble }
        let named = AnyForecastModelSpec(name: ModelFamily.ensemble.rawValue) { try ensemble.fit($0) }
        return AnyForecastModelSpec(AutomaticModel(candidates: [named, calendarModel]))
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
