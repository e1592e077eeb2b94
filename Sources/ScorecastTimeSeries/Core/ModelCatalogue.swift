/// The models the command line can name: `--model NAME` or `--model NAME:OPTIONS`.
///
/// Each model family registers one ``Entry`` in ``ModelCatalogue/registered`` (in
/// `ModelCatalogue+Registered.swift`), one line per family. A name may carry options after a
/// colon (`ets:MAdM`, `theta:dotm`); the entry's factory parses them. `auto` is built in: the
/// mean of ETS and the theta models (``Ensemble/automatic(catalogue:fallback:)``). The members
/// stand naive in for themselves where a series is too short for them, and the ensemble leaves
/// such members out while any member fits; the held-out choice among the entries marked as
/// automatic candidates (``AutomaticModel``) is the last resort, for a series no member can
/// even fall back on.
///
/// Calendar-aware models (`glm`) are bound to a ``CalendarContext``: the calendar whose
/// regressors they use and the intervention events. When the context says a calendar was
/// given (`--calendar england`), `auto` chooses per series, by error on held-out recent
/// periods, between that ensemble and the calendar GLM (``automaticSpec()``).
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
    /// What the calendar-aware entries are bound to, and whether `auto` considers them.
    public let calendarContext: CalendarContext

    public init(entries: [Entry], calendarContext: CalendarContext = CalendarContext()) {
        self.entries = entries
        self.calendarContext = calendarContext
    }

    /// Every registered model, and `auto`: `glm` with the default England calendar and no
    /// events, `auto` without a calendar.
    public static let standard = ModelCatalogue.standard(calendar: CalendarContext())

    /// Every registered model, the calendar-aware ones bound to `context`.
    public static func standard(calendar context: CalendarContext) -> ModelCatalogue {
        ModelCatalogue(entries: registered(context), calendarContext: context)
    }

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
            return automaticSpec()
        }
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw ModelCatalogueError.unknownModel(text, known: names)
        }
        return try entry.make(options)
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
        guard calendarContext.isCalendarGiven, let calendarModel = try? spec(named: "glm") else { return ensemble }
        let named = AnyForecastModelSpec(name: "ensemble") { try ensemble.fit($0) }
        return AnyForecastModelSpec(AutomaticModel(candidates: [named, calendarModel]))
    }

    /// One line on what `auto` does, for `--help` and `scorecast models`.
    public static let automaticSummary =
        "the mean of ets, theta, theta:stm, theta:dotm and arima (a member too short for its model is left out; where every member is, naive, saying so); with --calendar england, per series whichever of that ensemble and the calendar GLM (glm) has the lower error on the last season held out"
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
