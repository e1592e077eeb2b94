import Testing

@testable import ScorecastCore

@Suite struct SchoolCalendarTests {
    func counts(_ year: Int, _ month: Int, schools: SchoolCalendar = .englandDefault) -> CalendarCounts {
        EnglandCalendar(schools: schools).counts(for: Period(year: year, month: month))
    }

    /// A typical English school year has 190 pupil days plus up to 5 training days.
    @Test(arguments: 2000...2030)
    func defaultModelGivesAboutOneHundredNinetyFiveSchoolDays(year: Int) {
        let calendar = EnglandCalendar()
        let schoolDays = (0..<12).reduce(0) { $0 + calendar.counts(for: Period(year: year, month: 9).advanced(by: $1)).schoolDays }
        #expect((188...198).contains(schoolDays), "academic year \(year): \(schoolDays) school days")
    }

    @Test(arguments: 2000...2030)
    func augustIsAllHolidayAndNovemberTermBarHalfTermsEnd(year: Int) {
        #expect(counts(year, 8).schoolHolidayShare == 1)
        // The autumn half term (week of the last Monday of October) may reach 4 November.
        #expect(counts(year, 11).schoolHolidayWeekdays <= 4)
        let halfTermEnd = CalendarDate(year: year, month: 10, day: 31).onOrBefore(weekday: 1).advanced(by: 4)
        let novemberFirst = CalendarDate(year: year, month: 11, day: 1)
        let expected = halfTermEnd < novemberFirst ? 0 : (novemberFirst...halfTermEnd).filter(\.isWeekday).count
        #expect(counts(year, 11).schoolHolidayWeekdays == expected)
    }

    @Test func countsOfKnownMonths() {
        // August 2021: 22 weekdays, summer bank holiday on the 30th, all school holiday.
        let august = counts(2021, 8)
        #expect(august.days == 31 && august.weekdays == 22 && august.bankHolidays == 1)
        #expect(august.workingDays == 21 && august.schoolHolidayWeekdays == 21 && august.schoolDays == 0)
        // April 2020 (Easter Sunday 12 April): holidays 6-17 April, Good Friday and Easter Monday.
        let april = counts(2020, 4)
        #expect(april.weekdays == 22 && april.bankHolidays == 2 && april.schoolHolidayWeekdays == 8)
        // December 2023: Christmas holiday from Monday 25th; 25, 26 are bank holidays.
        let december = counts(2023, 12)
        #expect(december.bankHolidays == 2 && december.schoolHolidayWeekdays == 3 && december.schoolDays == 16)
    }

    @Test func termDatesCSVOverridesTheDefault() throws {
        let holidays = try fixtureRows("term-dates-example").map {
            SchoolHoliday(start: try #require(CalendarDate(parsing: $0[0])), end: try #require(CalendarDate(parsing: $0[1])), kind: $0[2])
        }
        let council = SchoolCalendar(holidays: holidays)
        #expect(council.overriddenAcademicYears == [2023])
        // December 2023: the council breaks up on Thursday 21st, the default model on Monday 25th.
        #expect(counts(2023, 12, schools: council).schoolHolidayWeekdays == 5)
        #expect(counts(2023, 12).schoolHolidayWeekdays == 3)
        // July 2024: the council breaks up on the 24th (6 weekdays); the default on Monday 22nd (8).
        #expect(counts(2024, 7, schools: council).schoolHolidayWeekdays == 6)
        #expect(counts(2024, 7).schoolHolidayWeekdays == 8)
        // The council's summer runs to 3 September 2024; 2024-25 otherwise keeps the default.
        #expect(counts(2024, 9, schools: council).schoolHolidayWeekdays == 2)
        #expect(counts(2024, 10, schools: council) == counts(2024, 10))
        // Years the file does not reach keep the default model.
        #expect(counts(2022, 12, schools: council) == counts(2022, 12))
    }

    @Test(arguments: [2012, 2020, 2024])
    func quarterAndYearAreSumsOfMonths(year: Int) {
        let calendar = EnglandCalendar()
        let months = calendar.counts(from: Period(year: year, month: 1), count: 12)
        let annual = calendar.counts(for: Period(year: year))
        #expect(annual.workingDays == months.reduce(0) { $0 + $1.workingDays })
        #expect(annual.schoolHolidayWeekdays == months.reduce(0) { $0 + $1.schoolHolidayWeekdays })
        #expect(annual.bankHolidays == EnglandBankHolidays.bankHolidays(year: year).count)
        for quarter in 1...4 {
            let q = calendar.counts(for: Period(year: year, quarter: quarter))
            let slice = months[(quarter - 1) * 3..<quarter * 3]
            #expect(q.days == slice.reduce(0) { $0 + $1.days })
            #expect(q.schoolDays == slice.reduce(0) { $0 + $1.schoolDays })
        }
    }
}
