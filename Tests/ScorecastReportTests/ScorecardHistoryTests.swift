import ScorecastCore
import ScorecastData
import Testing

@testable import ScorecastReport

@Suite("Report history")
struct ScorecardHistoryTests {
    static func observed(_ name: String, _ start: Period, _ values: [Double], line: Int = 2) -> ObservedSeries {
        ObservedSeries(series: TimeSeries(name: name, start: start, values: values), firstLine: line)
    }

    @Test func earlierMonthsAreAddedAndTheScorecardWinsWhereTheyDisagree() {
        var observations = ["M1": Self.observed("M1", Period(year: 2021, month: 2), [10, 11, 12, .nan])]
        let history = [
            Self.observed("M1", Period(year: 2020, month: 11), [7, 8, 9, 10.4, 13, 12, 20], line: 5),
            Self.observed("other", Period(year: 2020, month: 1), [1, 2]),
        ]
        let conflicts = ScorecardHistory.merge(history, into: &observations, keeping: ["M1"])
        let merged = observations["M1"]!.series
        #expect(merged.start == Period(year: 2020, month: 11))
        // Nov..Jan from the history; Feb (10 vs 10.4: rounding) and Mar (11 vs 13) from the
        // scorecard; Apr 12; May missing in the scorecard, so the history's 20.
        #expect(merged.values == [7, 8, 9, 10, 11, 12, 20])
        #expect(
            conflicts == [ScorecardHistory.Conflict(series: "M1", period: Period(year: 2021, month: 3), scorecard: 11, history: 13, historyLine: 5)])
        #expect(observations["other"] == nil)
    }

    @Test func aSeriesOnlyInTheHistoryIsTakenWhenItIsKept() {
        var observations: [String: ObservedSeries] = [:]
        let conflicts = ScorecardHistory.merge(
            [Self.observed("CP1", Period(year: 2020, month: 1), [1, 2, 3])], into: &observations, keeping: ["CP1"])
        #expect(conflicts.isEmpty && observations["CP1"]?.series.values == [1, 2, 3])
    }
}
