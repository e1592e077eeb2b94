import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

/// `glm:OPTIONS` as the model catalogue passes it: each token sets one setting, the name
/// round-trips, and anything else is a catalogue error naming what was expected.
@Suite struct CalendarGLMOptionsTests {
    @Test(arguments: [
        (options: String?.none, family: CalendarGLM.Family.automatic, seasonal: SeasonalTerms?.none, trend: true, calendar: true, name: "glm"),
        ("negbin", .negativeBinomial, nil, true, true, "glm:negbin"),
        ("poisson", .poisson, nil, true, true, "glm:poisson"),
        ("gaussian", .gaussian, nil, true, true, "glm:gaussian"),
        ("automatic", .automatic, nil, true, true, "glm"),
        ("fourier2", .automatic, .fourier(order: 2), true, true, "glm:fourier2"),
        ("dummies", .automatic, .dummies, true, true, "glm:dummies"),
        ("noseason", .automatic, SeasonalTerms.none, true, true, "glm:noseason"),
        ("negbin,fourier2", .negativeBinomial, .fourier(order: 2), true, true, "glm:negbin,fourier2"),
        ("dummies,POISSON,notrend", .poisson, .dummies, false, true, "glm:poisson,dummies,notrend"),
        ("nocalendar,fourier6", .automatic, .fourier(order: 6), true, false, "glm:fourier6,nocalendar"),
    ])
    func optionsSetTheSpec(options: String?, family: CalendarGLM.Family, seasonal: SeasonalTerms?, trend: Bool, calendar: Bool, name: String) throws {
        let spec = try CalendarGLM(options: options, calendar: EnglandCalendar(), events: [])
        #expect(spec.family == family)
        #expect(spec.seasonal == seasonal)
        #expect(spec.trend == trend)
        #expect((spec.calendar != nil) == calendar)
        #expect(spec.name == name)
        // The name's options rebuild the same spec.
        let rebuilt = try CalendarGLM(options: spec.options.isEmpty ? nil : spec.options, calendar: EnglandCalendar())
        #expect(rebuilt.name == spec.name)
    }

    @Test(arguments: [
        "", "negbin,", "binomial", "fourier7", "fourier0", "fourier02", "negbin,poisson", "dummies,fourier2", "notrend,notrend", "trend", "glm",
    ])
    func badOptionsAreCatalogueErrors(options: String) {
        let error = #expect(throws: ModelCatalogueError.self) {
            try CalendarGLM(options: options, calendar: EnglandCalendar())
        }
        guard case .invalidOptions(model: "glm", options: options, expected: let expected)? = error else {
            Issue.record("expected invalidOptions, got \(String(describing: error))")
            return
        }
        #expect(expected.contains("fourier1 ... fourier6"))
    }

    @Test func noCalendarStaysWithoutOne() throws {
        let spec = try CalendarGLM(options: "negbin", calendar: nil)
        #expect(spec.calendar == nil)
        #expect(spec.name == "glm:negbin,nocalendar")
    }
}
