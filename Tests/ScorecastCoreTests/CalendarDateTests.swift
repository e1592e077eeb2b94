import Testing

@testable import ScorecastCore

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2000-02-29", 11_016, 2), ("2021-08-01", 18_840, 7),
        ("1969-12-31", -1, 3), ("2024-12-25", 20_082, 3), ("1600-03-01", -135_080, 3),
    ])
    func dayNumberAndWeekday(text: String, dayNumber: Int, weekday: Int) throws {
        let date = try #require(CalendarDate(parsing: text))
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(date.description == text)
    }

    @Test func roundTripsEveryDayFor1583To2400() {
        var date = CalendarDate(year: 1583, month: 1, day: 1)
        let end = CalendarDate(year: 2400, month: 12, day: 31)
        var expected = (year: 1583, month: 1, day: 1)
        while date <= end {
            let components = date.components
            #expect(components == expected)
            if expected.day < CalendarDate.daysInMonth(year: expected.year, month: expected.month) {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
            date = date.advanced(by: 1)
        }
    }

    @Test(arguments: ["2021-02-29", "2021-13-01", "2021-1-01", "21-01-01", "2021-00-10", "2021/01/01", ""])
    func rejectsInvalidText(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func periodBounds() {
        #expect(Period(year: 2024, month: 2).lastDay == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(Period(year: 2023, quarter: 4).firstDay == CalendarDate(year: 2023, month: 10, day: 1))
        #expect(Period(year: 2023, quarter: 4).lastDay == CalendarDate(year: 2023, month: 12, day: 31))
        #expect(Period(year: 2023).lastDay == CalendarDate(year: 2023, month: 12, day: 31))
    }
}
