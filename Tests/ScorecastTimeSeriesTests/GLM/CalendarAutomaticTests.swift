import ScorecastCore
import ScorecastNumerics
import ScorecastTestSupport
import Testing

@testable import ScorecastTimeSeries

/// `auto` with and without a calendar, through the model catalogue as the CLI builds it.
@Suite struct CalendarAutomaticTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func autoWithACalendarChoosesTheGLMWhereTheCalendarDrivesTheSeries(seed: UInt64) throws {
        let series = SchoolHolidaySimulation.series(seed: seed)
        let withCalendar = ModelCatalogue.standard(calendar: .init(isCalendarGiven: true))
        let fitted = try withCalendar.spec(named: "auto").fit(series)
        #expect(fitted.notes.contains { $0.hasPrefix("auto chose glm:") }, "\(fitted.notes)")
        #expect(fitted.description.hasPrefix("GLM("))
        let forecast = fitted.forecast(horizon: 12, levels: [95])
        #expect(forecast.mean.allSatisfy { $0 >= 0 } && forecast.intervals[0].lower.allSatisfy { $0 >= 0 })

        // Without a calendar, auto is the ensemble: the GLM is never considered.
        for catalogue in [ModelCatalogue.standard, ModelCatalogue.standard(calendar: .init(isCalendarGiven: false))] {
            let plain = try catalogue.spec(named: "auto").fit(series)
            #expect(!plain.description.contains("GLM"))
            #expect(!plain.notes.contains { $0.contains("glm") })
        }
    }

    /// The catalogue binds `glm` to its context: no calendar, a council's events.
    @Test func catalogueBindsTheCalendarAndEvents() throws {
        let series = SchoolHolidaySimulation.series(seed: 9)
        let closure = InterventionEvent(
            name: "closure", start: CalendarDate(year: 2018, month: 3, day: 1), end: CalendarDate(year: 2018, month: 6, day: 30))
        let plain = try ModelCatalogue.standard.spec(named: "glm").fit(series)
        let noCalendar = try ModelCatalogue.standard(calendar: .init(calendar: nil)).spec(named: "glm").fit(series)
        let withEvents = try ModelCatalogue.standard(calendar: .init(events: [closure])).spec(named: "glm:poisson").fit(series)
        #expect(plain.description.contains("calendar"))
        #expect(!noCalendar.description.contains("calendar"))
        #expect(withEvents.description == "GLM(poisson, trend on, \((withEvents.base as! FittedCalendarGLM).design.seasonal), calendar, events)")
        #expect(throws: ModelCatalogueError.self) { try ModelCatalogue.standard.spec(named: "glm:weekly") }
    }
}
