import Testing

@testable import ScorecastCore

@Suite struct BankHolidayTests {
    @Test func easterMatchesIndependentComputusFor1583To2299() throws {
        let rows = try fixtureRows("easter-dates")
        #expect(rows.count == 717)
        for row in rows {
            let year = try #require(Int(row[0]))
            #expect(easterSunday(year: year).description == row[1], "Easter \(year)")
        }
    }

    @Test(arguments: [
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2038, "2038-04-25"), (2285, "2285-03-22"), (1818, "1818-03-22"), (2011, "2011-04-24"),
    ])
    func knownEasterSundays(year: Int, expected: String) {
        #expect(easterSunday(year: year).description == expected)
    }

    @Test func matchesPublishedDates() throws {
        let rows = try fixtureRows("bank-holidays-england-and-wales")
        let published = Dictionary(grouping: rows.map { $0[0] }, by: { Int($0.prefix(4))! })
        #expect(Set(published.keys).isSuperset(of: Set(2019...2026)))
        for (year, dates) in published {
            let computed = EnglandBankHolidays.bankHolidays(year: year).map(\.date.description)
            #expect(computed == dates.sorted(), "bank holidays \(year)")
        }
    }

    /// Every year 2000–2030: the structure the rules promise.
    @Test(arguments: 2000...2030)
    func structureOfEveryYear(year: Int) {
        let holidays = EnglandBankHolidays.bankHolidays(year: year)
        let oneOffsAdded = EnglandBankHolidays.oneOffChanges.filter { $0.date.year == year && $0.moves == nil }.count
        #expect(holidays.count == 8 + oneOffsAdded)
        #expect(holidays.allSatisfy { $0.date.isWeekday && $0.date.year == year })
        #expect(Set(holidays.map(\.date)).count == holidays.count)
        let easter = easterSunday(year: year)
        #expect(holidays.contains { $0.date == easter.advanced(by: -2) && $0.name == "Good Friday" })
        #expect(holidays.contains { $0.date == easter.advanced(by: 1) && $0.name == "Easter Monday" })
        #expect(holidays.filter { $0.date.month == 12 }.count == 2)
        #expect(holidays.contains { $0.date.month == 8 && $0.date.weekday == 1 && $0.date.day > 24 })
    }

    @Test func substituteDays() {
        // Christmas on a Saturday (2021): Monday 27 and Tuesday 28 December.
        #expect(EnglandBankHolidays.bankHolidays(year: 2021).filter { $0.date.month == 12 }.map(\.date.day) == [27, 28])
        // Christmas on a Sunday (2022): Boxing Day Monday 26, Christmas moved to Tuesday 27.
        let christmas2022 = EnglandBankHolidays.bankHolidays(year: 2022).filter { $0.date.month == 12 }
        #expect(christmas2022.map(\.date.day) == [26, 27])
        #expect(christmas2022.first { $0.name == "Christmas Day" }?.isSubstitute == true)
        // Christmas on a Friday (2020): Boxing Day moves to Monday 28.
        #expect(EnglandBankHolidays.bankHolidays(year: 2020).filter { $0.date.month == 12 }.map(\.date.day) == [25, 28])
        // New Year's Day on a Saturday (2022) and a Sunday (2023).
        #expect(EnglandBankHolidays.bankHolidays(year: 2022)[0].date == CalendarDate(year: 2022, month: 1, day: 3))
        #expect(EnglandBankHolidays.bankHolidays(year: 2023)[0].date == CalendarDate(year: 2023, month: 1, day: 2))
    }
}
