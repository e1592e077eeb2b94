import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// Which calendar's regressors a calendar-aware model uses.
enum CalendarChoice: String, ExpressibleByArgument, CaseIterable {
    /// Bank holidays of England and Wales and English school terms.
    case england
    /// No calendar regressors.
    case none
}

/// `--calendar`, `--term-dates FILE` and `--events FILE`, shared by `effects`, `explain` and
/// `forecast --model glm`.
struct CalendarOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Calendar regressors: england (bank holidays and school terms) or none. Default: england for effects, explain and --model glm; none for other models.",
            valueName: "name"))
    var calendar: CalendarChoice?

    @Option(
        help: ArgumentHelp(
            "CSV start,end,kind of a council's school holidays (ISO dates, inclusive); replaces the default term model in the school years it covers.",
            valueName: "file"))
    var termDates: String?

    @Option(help: ArgumentHelp("CSV start,end,event of interventions (e.g. school closures); one dummy per event name.", valueName: "file"))
    var events: String?

    func validate() throws {
        if calendar == CalendarChoice.none && termDates != nil {
            throw ValidationError("--term-dates needs --calendar england.")
        }
    }

    /// Whether a calendar was asked for: `--calendar england`, or `--term-dates`, which needs it.
    var isCalendarGiven: Bool { calendar == .england || (calendar == nil && termDates != nil) }

    /// The England calendar with the default or the council's school holidays; `nil` for none.
    /// `defaultChoice` applies when `--calendar` is not given (england whenever `--term-dates` is).
    func englandCalendar(default defaultChoice: CalendarChoice) throws -> EnglandCalendar? {
        let choice = calendar ?? (termDates != nil ? .england : defaultChoice)
        guard choice == .england else { return nil }
        if let termDates { return EnglandCalendar(schools: try DateRangeFile.schoolCalendar(path: termDates)) }
        return EnglandCalendar()
    }

    /// The intervention events, if a file was given.
    func interventionEvents() throws -> [InterventionEvent] {
        guard let events else { return [] }
        return try DateRangeFile.events(path: events)
    }
}

/// `--family` and `--seasonal` for calendar-aware GLMs.
struct GLMOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Error distribution: automatic (Poisson or negative binomial for counts, Gaussian otherwise), poisson, negbin or gaussian. Series with numerator and denominator are always quasi-binomial.",
            valueName: "family"))
    var family: CalendarGLM.Family = .automatic

    @Option(help: ArgumentHelp("Seasonal terms: fourier1 ... fourier6, dummies, none, or auto (by AICc).", valueName: "terms"))
    var seasonal: String?

    /// The seasonal terms asked for (`nil` for automatic), or the given default.
    func seasonalTerms(default defaultTerms: SeasonalTerms?) throws -> SeasonalTerms? {
        guard let seasonal else { return defaultTerms }
        switch seasonal {
        case "auto": return nil
        case "dummies": return .dummies
        case "none": return SeasonalTerms.none
        default:
            if seasonal.hasPrefix("fourier"), let order = Int(seasonal.dropFirst(7)), (1...6).contains(order) {
                return .fourier(order: order)
            }
            throw ValidationError("--seasonal expects fourier1 ... fourier6, dummies, none or auto; found '\(seasonal)'.")
        }
    }
}

extension CalendarGLM.Family: ExpressibleByArgument {}

extension ObservedSeries {
    /// Denominators to model the series as successes out of trials, when every observed value
    /// has a numerator and a denominator; `nil` otherwise.
    var binomialTrials: [Double]? {
        var any = false
        for index in series.values.indices where !series.values[index].isNaN {
            guard !numerators[index].isNaN, !denominators[index].isNaN else { return nil }
            any = true
        }
        return any ? denominators : nil
    }

    /// The numerators and denominators for the forecasting pipeline, when every observed value
    /// has both; `nil` otherwise.
    var binomialCounts: ForecastPipeline.BinomialCounts? {
        binomialTrials.map { ForecastPipeline.BinomialCounts(successes: numeratorSeries, trials: $0) }
    }

    /// The numerators as a series (for a binomial model), aligned with the values.
    var numeratorSeries: TimeSeries {
        TimeSeries(name: series.name, start: series.start, values: zip(series.values, numerators).map { $0.isNaN ? .nan : $1 })
    }
}
