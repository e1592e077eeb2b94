import ScorecastCore
import Testing

@testable import ScorecastData

@Suite("ObservationReader")
struct ObservationReaderTests {
    static func readAll(_ text: String, columns: ObservationColumns = .standard) throws -> [ObservedSeries] {
        try ObservationReader(text: text, name: "obs.csv", columns: columns).readAll()
    }

    static func streamed(_ text: String) throws -> [ObservedSeries] {
        let reader = try ObservationReader(text: text, name: "obs.csv")
        var all: [ObservedSeries] = []
        while let next = try reader.nextSeries() { all.append(next) }
        return all
    }

    static func failure(_ text: String, streaming: Bool = false) -> String? {
        do {
            _ = try streaming ? streamed(text) : readAll(text)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func readsSeriesInInputOrderWithGapsAsNaN() throws {
        let text = """
            series,period,value
            M2,2021-02,244
            M2,2021-04,334
            M1,2021-03,1886
            M1,2021-02,1297

            """
        for series in [try Self.readAll(text), try Self.streamed(text)] {
            #expect(series.map(\.name) == ["M2", "M1"])
            #expect(series[0].series.start == Period(year: 2021, month: 2))
            #expect(series[0].series.values.count == 3)
            #expect(series[0].series.values[0] == 244 && series[0].series.values[1].isNaN && series[0].series.values[2] == 334)
            #expect(series[1].series.values == [1297, 1886])
            #expect(series[1].firstLine == 4)
        }
    }

    @Test func readsExtrasAndStatusedMissingValues() throws {
        let text = """
            series,period,value,numerator,denominator,status,comment
            CP2b %,2021-Q1,12.5,5,40,,ok
            CP2b %,2021-Q2,,,,not_published,"late, see note"
            CP2b %,2021-Q3,10,,,provisional,

            """
        let series = try #require(try Self.readAll(text).first)
        #expect(series.series.frequency == .quarterly)
        #expect(series.series.values[0] == 12.5 && series.series.values[1].isNaN && series.series.values[2] == 10)
        #expect(series.numerators[0] == 5 && series.denominators[0] == 40 && series.numerators[2].isNaN)
        #expect(series.statuses == [nil, "not_published", "provisional"])
    }

    @Test func mapsOtherColumnNames() throws {
        let text = "unique_id,ds,y\nH1,2020,3\nH1,2021,4\n"
        let series = try Self.readAll(text, columns: .statsforecast)
        #expect(series.map(\.series) == [TimeSeries(name: "H1", start: Period(year: 2020), values: [3, 4])])
    }

    @Test(arguments: [
        ("", "obs.csv:1:1: expected a header row naming the columns series,period,value, found an empty file"),
        ("series,period,value\n", "obs.csv:2:1: expected at least one observation row after the header"),
        ("series,period,y\nA,2021,1\n", "obs.csv:1:1: expected a column named 'value' in the header, found series,period,y"),
        ("series,period,value,value\n", "obs.csv:1:21: expected each column name once in the header, found 'value' twice"),
        (
            "series,period,value\nA,2021-08,1\nA,2021-8,2\n",
            "obs.csv:3:3: expected a period YYYY-MM, YYYY-Qn or YYYY, or a date YYYY-MM-DD or DD/MM/YYYY, in column 'period', found '2021-8'"
        ),
        ("series,period,value\nA,2021-08,12a\n", "obs.csv:2:11: expected a number in column 'value', found '12a'"),
        ("series,period,value\nA,2021-08,\"1,190\"\n", "obs.csv:2:11: expected a number in column 'value', found '1,190'"),
        (
            "series,period,value\nA,2021-08,\n",
            "obs.csv:2:11: expected a number in column 'value' (an empty value needs a 'status' saying why it is missing)"
        ),
        (
            "series,period,value\nA,2021-08,1\nA,2021-09,2\nA,2021-08,3\n",
            "obs.csv:4:3: expected each period once per series, found 2021-08 of series 'A' again (first on line 2)"
        ),
        (
            "series,period,value\nA,2021-08,1\nA,2021-Q3,2\n",
            "obs.csv:3:3: expected a monthly period as on line 2 of series 'A', found '2021-Q3' (quarterly)"
        ),
        ("series,period,value\nA,2021-08,1,9\n", "obs.csv:2:13: expected 3 fields as in the header, found 4"),
        ("series,period,value\n\"A,2021-08,1\n", "obs.csv:2:1: expected a closing quote for the field opened here, found the end of the file"),
        ("series,period,value\n,2021-08,1\n", "obs.csv:2:1: expected a series name in column 'series', found an empty field"),
        ("series,period,value\nA,2021-08,1\u{0}\u{1}\n", "obs.csv:2:12: expected text, found the control byte 0x0 (is this a binary file?)"),
        ("series,period,value,numerator\nA,2021-08,1,x\n", "obs.csv:2:13: expected a number in column 'numerator', found 'x'"),
    ])
    func rejectsBadInputWithItsLocation(text: String, message: String) {
        #expect(Self.failure(text) == message)
        #expect(Self.failure(text, streaming: true) == message)
    }

    @Test func streamingHandsOutEachSeriesBeforeTheNextIsRead() throws {
        let reader = try ObservationReader(text: "series,period,value\nA,2021,1\nA,2022,2\nB,2021,x\n", name: "obs.csv")
        let first = try #require(try reader.nextSeries())
        #expect(first.series.values == [1, 2])
        #expect(throws: DataError.self) { try reader.nextSeries() }
    }

    @Test func interleavedRowsAreGroupedInOrderOfFirstAppearance() throws {
        let text = "series,period,value\nA,2021,1\nB,2021,2\nA,2022,3\nC,2021,4\nB,2022,5\n"
        let reader = try ObservationReader(text: text, name: "obs.csv")
        #expect(reader.rowOrder == .interleaved && reader.seriesCount == 3)
        for series in [try Self.streamed(text), try Self.readAll(text)] {
            #expect(series.map(\.name) == ["A", "B", "C"])
            #expect(series.map(\.series.values) == [[1, 3], [2, 5], [4]])
        }
        let grouped = try ObservationReader(text: "series,period,value\nA,2021,1\nA,2022,3\nB,2021,2\n", name: "obs.csv")
        #expect(grouped.rowOrder == .grouped && grouped.seriesCount == 2)
    }

    @Test func aReaderToldTheRowsAreGroupedRejectsSplitSeries() throws {
        let text = "series,period,value\nA,2021,1\nB,2021,2\nA,2022,3\n"
        let reader = try ObservationReader(csv: CSVReader(text: text, name: "obs.csv"), rowOrder: .grouped)
        _ = try reader.nextSeries()
        _ = try reader.nextSeries()
        #expect(throws: DataError.self) { try reader.nextSeries() }
    }

    @Test(arguments: [
        ("2021-01-01", Frequency?.none, Period(year: 2021, month: 1)),
        ("2021-01-31", nil, Period(year: 2021, month: 1)),
        ("2021-02-28T00:00:00", nil, Period(year: 2021, month: 2)),
        ("2021-02-28 00:00:00", nil, Period(year: 2021, month: 2)),
        ("01/03/2021", nil, Period(year: 2021, month: 3)),
        ("1/3/2021", nil, Period(year: 2021, month: 3)),
        ("31/12/2021", .quarterly, Period(year: 2021, quarter: 4)),
        ("15/05/2021", .annual, Period(year: 2021)),
    ])
    func readsDatesAsTheirPeriod(date: String, frequency: Frequency?, period: Period) throws {
        let reader = try ObservationReader(text: "series,period,value\nA,\(date),7\n", name: "obs.csv")
        reader.dateFrequency = frequency
        let series = try #require(try reader.readAll().first)
        #expect(series.series.start == period && series.series.values == [7])
    }

    @Test(arguments: [
        (["2020-01-01", "2020-02-01", "2020-04-01"], Frequency.monthly),
        (["2020-01-01", "2020-04-01", "2020-10-01"], .quarterly),
        (["2020-03-31", "2020-06-30", "2020-09-30", "2020-12-31"], .quarterly),
        (["31/03/2019", "31/03/2020", "31/03/2022"], .annual),
        (["2020-01-15"], .monthly),
    ])
    func infersTheFrequencyOfDates(dates: [String], frequency: Frequency) throws {
        let text = "unique_id,ds,y\n" + dates.map { "A,\($0),1\n" }.joined()
        let series = try #require(try Self.readAll(text).first)
        #expect(series.series.frequency == frequency)
        #expect(series.series.values.filter { !$0.isNaN }.count == dates.count)
    }

    @Test(arguments: [
        (
            "series,period,value\nA,2021-02-30,1\n",
            "obs.csv:2:3: expected a period YYYY-MM, YYYY-Qn or YYYY, or a date YYYY-MM-DD or DD/MM/YYYY, in column 'period', found '2021-02-30'"
        ),
        (
            "series,period,value\nA,2021-02-01T12:00:00,1\n",
            "obs.csv:2:3: expected a period YYYY-MM, YYYY-Qn or YYYY, or a date YYYY-MM-DD or DD/MM/YYYY, in column 'period', found '2021-02-01T12:00:00'"
        ),
        ("series,period,value\nA,2021-01-01,1\nA,2021-02,2\n", "obs.csv:3:3: expected a date as on line 2 of series 'A', found the period '2021-02'"),
        (
            "series,period,value\nA,2021-01,1\nA,2021-02-01,2\n",
            "obs.csv:3:3: expected a period as on line 2 of series 'A', found the date '2021-02-01'"
        ),
        (
            "series,period,value\nA,2021-01-01,1\nA,2021-01-15,2\n",
            "obs.csv:3:3: expected each period once per series, found 2021-01 of series 'A' again (first on line 2); dates are read as monthly periods (--frequency sets it)"
        ),
    ])
    func rejectsBadDates(text: String, message: String) {
        #expect(Self.failure(text) == message)
        #expect(Self.failure(text, streaming: true) == message)
    }

    @Test func readsStatsforecastColumnsWithoutBeingTold() throws {
        let series = try Self.readAll("unique_id,ds,y\nH1,2020-01-01,3\nH1,2020-02-01,4\n")
        #expect(series.map(\.series) == [TimeSeries(name: "H1", start: Period(year: 2020, month: 1), values: [3, 4])])
    }

    @Test func refusesPercentagesOutOfRangeUnlessAllowed() throws {
        let text = "series,period,value\nP,2021-01,40\nP,2021-02,140\nC,2021-01,-3\n"
        let strict = try ObservationReader(text: text, name: "obs.csv")
        strict.percentSeries = ["P"]
        do {
            _ = try strict.readAll()
            Issue.record("a percentage of 140 was accepted")
        } catch {
            #expect(
                String(describing: error)
                    == "obs.csv:3:11: expected a percentage from 0 to 100 in column 'value' (series 'P' is a percentage), found '140'; --allow-out-of-range keeps it"
            )
        }
        let lenient = try ObservationReader(text: text, name: "obs.csv")
        lenient.percentSeries = ["P"]
        lenient.allowsOutOfRange = true
        let series = try lenient.readAll()
        #expect(series.map(\.series.values) == [[40, 140], [-3]])
        #expect(lenient.warnings.map(\.line) == [3])
    }

    @Test func writerRoundTripsSeriesAndExtras() throws {
        let text = "series,period,value,numerator,denominator,status\nX,2020-11,1.5,3,2,\nX,2021-01,,,,tbc\n\"Y, quoted\",2021-Q4,-0.25,,,\n"
        let series = try Self.readAll(text)
        #expect(String(decoding: ObservationWriter.csv(series), as: UTF8.self) == text)
    }

    @Test func writerLeavesOutPlainGaps() throws {
        let series = TimeSeries(name: "Z", start: Period(year: 2021, month: 1), values: [1, .nan, 3])
        let text = String(decoding: ObservationWriter.csv([series]), as: UTF8.self)
        #expect(text == "series,period,value\nZ,2021-01,1\nZ,2021-03,3\n")
        let back = try Self.readAll(text)
        #expect(back[0].series.values[2] == 3 && back[0].series.values[1].isNaN)
    }
}
