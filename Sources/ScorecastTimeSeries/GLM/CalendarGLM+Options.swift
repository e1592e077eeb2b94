import ScorecastCore

extension CalendarGLM {
    /// What `glm:OPTIONS` accepts, for error messages and `--help`.
    public static let optionsSummary =
        "comma-separated: a family (negbin, poisson, gaussian; default automatic), seasonal terms (fourier1 ... fourier6, dummies, noseason; default by AICc), notrend, nocalendar"

    /// The spec named by the catalogue's `glm` or `glm:OPTIONS`, bound to a calendar and events.
    ///
    /// `OPTIONS` is a comma-separated list of at most one token of each kind:
    /// - family: `negbin`, `poisson`, `gaussian` or `automatic` (the default: Poisson or
    ///   negative binomial for counts by the overdispersion test, Gaussian otherwise);
    /// - seasonal terms: `fourier1` ... `fourier6`, `dummies` or `noseason` (default: chosen by AICc);
    /// - `notrend`: no linear trend;
    /// - `nocalendar`: no calendar regressors, whatever `calendar` is.
    ///
    /// For example `glm:negbin,fourier2`, `glm:poisson,dummies,notrend`.
    ///
    /// - Parameters:
    ///   - options: the text after the colon, `nil` when there is none.
    ///   - calendar: the calendar whose regressors the model uses (`nil` for none).
    ///   - events: intervention events, one dummy per name.
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for an unknown
    ///   token, or two tokens of one kind.
    public init(options: String?, calendar: EnglandCalendar?, events: [InterventionEvent] = []) throws {
        self.init(calendar: calendar, events: events)
        guard let options else { return }
        func invalid(_ why: String) -> ModelCatalogueError {
            .invalidOptions(model: "glm", options: options, expected: why + Self.optionsSummary)
        }
        var familySet = false, seasonalSet = false, trendSet = false, calendarSet = false
        for token in options.lowercased().split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if let family = Family(rawValue: token) {
                guard !familySet else { throw invalid("one family; ") }
                familySet = true
                self.family = family
            } else if let terms = Self.seasonalTerms(option: token) {
                guard !seasonalSet else { throw invalid("one choice of seasonal terms; ") }
                seasonalSet = true
                seasonal = terms
            } else if token == "notrend" {
                guard !trendSet else { throw invalid("notrend once; ") }
                trendSet = true
                trend = false
            } else if token == "nocalendar" {
                guard !calendarSet else { throw invalid("nocalendar once; ") }
                calendarSet = true
                self.calendar = nil
            } else {
                throw invalid("")
            }
        }
    }

    /// `fourier1` ... `fourier6`, `dummies` or `noseason` as seasonal terms; `nil` for anything else.
    static func seasonalTerms(option: String) -> SeasonalTerms? {
        switch option {
        case "dummies": return .dummies
        case "noseason": return SeasonalTerms.none
        default:
            guard option.hasPrefix("fourier"), let order = Int(option.dropFirst(7)), (1...6).contains(order),
                String(order) == option.dropFirst(7)
            else { return nil }
            return .fourier(order: order)
        }
    }

    /// The options that rebuild this spec (`negbin,fourier2`); empty for the defaults.
    public var options: String {
        var tokens: [String] = []
        if family != .automatic { tokens.append(family.rawValue) }
        switch seasonal {
        case nil: break
        case SeasonalTerms.none?: tokens.append("noseason")
        case .dummies?: tokens.append("dummies")
        case .fourier(let order)?: tokens.append("fourier\(order)")
        }
        if !trend { tokens.append("notrend") }
        if calendar == nil { tokens.append("nocalendar") }
        return tokens.joined(separator: ",")
    }
}

extension CalendarGLM {
    /// The `glm[:OPTIONS]` spec of the model catalogue: the calendar GLM, or the naive method
    /// where the series cannot carry it (fewer than three observations, every count zero), the
    /// fitted model saying so. ``fit(_:)`` itself throws instead, for `explain` and `effects`.
    static func catalogueSpec(options: String?, calendar: EnglandCalendar?, events: [InterventionEvent]) throws -> AnyForecastModelSpec {
        .fallingBackToNaive(try CalendarGLM(options: options, calendar: calendar, events: events))
    }
}
