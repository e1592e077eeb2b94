import Foundation
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import Testing

@testable import ScorecastCLI

/// `--history` on `report` and `explain`: earlier months make a short indicator long enough
/// for its own seasonal pattern.
@Suite("--history")
struct HistoryOptionTests {
    static let text = Golden.fixture("southampton-childrens-services-scorecard-2021-08.txt").path
    static let decisions = Golden.fixture("indicator-decisions.csv").path

    /// Three years of monthly referrals before the scorecard's months (2018-02 to 2021-01),
    /// seeded, with an August dip; and one month that contradicts the scorecard (2021-03: the
    /// scorecard prints 460).
    static func history() -> String {
        var generator = Xoshiro256StarStar(seed: 21)
        var lines = ["series,period,value"]
        let start = Period(year: 2018, month: 2)
        for t in 0..<36 {
            let period = start.advanced(by: t)
            let mean = 350.0 * (period.position == 8 ? 0.75 : 1)
            lines.append("M2,\(period),\(CSVNumber.format(Double(RandomVariates.poisson(mean: mean, using: &generator))))")
        }
        lines.append("M2,2021-03,400")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theReportJudgesAnIndicatorWithHistoryOnItsOwnPattern() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.write("history.csv", Self.history())
        try run.run([
            "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton", "--history",
            run.path("history.csv"),
        ])
        let explain = try CSVTestTable(run.read("report/explain.csv"))
        let m2 = try #require(explain.rows.first { $0["series"] == "M2" })
        #expect(m2["seasonality"] == "own")
        #expect(m2["terms"]!.contains("season"))
        // The scorecard's own value wins the conflicting month, and the page says there was one.
        let html = try run.read("report/report.html")
        #expect(html.contains("1 month of --history disagrees with the scorecard") && html.contains("M2 2021-03: 460 against 400"))
        // Other demand flows still borrow.
        #expect(explain.rows.first { $0["series"] == "M1" }?["seasonality"] == "borrowed:cafcass_care_applications")
        // With 12 months, the 12-month average is a real one.
        let scorecard = try CSVTestTable(run.read("report/scorecard.csv"))
        let row = try #require(scorecard.rows.first { $0["code"] == "M2" })
        #expect(row["months_observed_12"] == "12" && !row["average_12_months"]!.isEmpty)
    }

    @Test func explainTakesHistoryToo() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.write("history.csv", Self.history())
        try run.run(["explain", run.path("tidy/observations.csv"), "--month", "2021-08", "--output", run.path("short.csv")])
        try run.run([
            "explain", run.path("tidy/observations.csv"), "--month", "2021-08", "--history", run.path("history.csv"), "--output",
            run.path("long.csv"),
        ])
        let short = try #require(CSVTestTable(run.read("short.csv")).rows.first { $0["series"] == "M2" })
        let long = try #require(CSVTestTable(run.read("long.csv")).rows.first { $0["series"] == "M2" })
        #expect(short["note"]!.contains("short series"))
        #expect(!long["note"]!.contains("short series") && long["calendar_share_pct"] != "")
    }
}
