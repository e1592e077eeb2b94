import Testing

@testable import ScorecastCore

@Suite("Period")
struct PeriodTests {
    @Test(arguments: [
        ("2021-08", Frequency.monthly, 2021, 8),
        ("0001-01", .monthly, 1, 1),
        ("2020-Q3", .quarterly, 2020, 3),
        ("2019-q1", .quarterly, 2019, 1),
        ("2015", .annual, 2015, 1),
    ])
    func parsesValidText(text: String, frequency: Frequency, year: Int, position: Int) throws {
        let period = try #require(Period(parsing: text))
        #expect(period.frequency == frequency)
        #expect(period.year == year)
        #expect(period.position == position)
    }

    @Test(arguments: ["2021-13", "2021-00", "2021-Q5", "21-08", "2021/08", "", "2021-8", "abcd", "2021-08-01"])
    func rejectsInvalidText(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test(arguments: ["2021-08", "0001-12", "2020-Q4", "1999"])
    func roundTripsText(text: String) throws {
        #expect(try #require(Period(parsing: text)).description == text)
    }

    @Test func arithmeticCrossesYearBoundaries() throws {
        let august = Period(year: 2021, month: 8)
        #expect(august.advanced(by: 5).description == "2022-01")
        #expect(august.advanced(by: -8).description == "2020-12")
        #expect(Period(year: 2020, quarter: 4).advanced(by: 1).description == "2021-Q1")
        #expect(august.distance(to: Period(year: 2022, month: 8)) == 12)
    }
}

@Suite("TimeSeries")
struct TimeSeriesTests {
    @Test func gapsBecomeMissingValuesNotShifts() throws {
        let series = try TimeSeries(
            name: "x",
            observations: [
                (Period(year: 2021, month: 3), 3), (Period(year: 2021, month: 1), 1),
            ])
        #expect(series.start.description == "2021-01")
        #expect(series.count == 3)
        #expect(series.values[1].isNaN)
        #expect(series.observedCount == 2)
    }

    @Test func duplicatePeriodsAreRejected() {
        #expect(throws: TimeSeriesError.duplicatePeriod(series: "x", period: Period(year: 2021, month: 1))) {
            try TimeSeries(name: "x", observations: [(Period(year: 2021, month: 1), 1), (Period(year: 2021, month: 1), 2)])
        }
    }
}
