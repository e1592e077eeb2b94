import Foundation
import Testing
@testable import ScorecastCLI

/// `scorecast report` on the bundled August 2021 scorecard, imported afresh.
@Suite("scorecast report")
struct ReportCommandTests {
    static let text = Golden.fixture("southampton-childrens-services-scorecard-2021-08.txt").path
    static let decisions = Golden.fixture("indicator-decisions.csv").path

    @Test func writesThePageAndItsCSVsAndSaysTheSevenMonthRowsAreTooShortForSPC() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.run(["report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton"])
        #expect(run.contents("report") == ["explain.csv", "forecast.csv", "report.html", "scorecard.csv", "spc-seasonal.csv", "spc.csv", "summary.csv"])

        // Every indicator row of both SPC files says too_few_points and has no limits.
        for name in ["spc.csv", "spc-seasonal.csv"] {
            let rows = try run.read("report/" + name).split(separator: "\n")
            #expect(rows.first == "series,period,value,mean,lpl,upl,special_cause,rule,variation,assurance")
            #expect(rows.count > 64)
            #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",,,,,,too_few_points,") }, "\(name)")
            try Golden.check(rows.joined(separator: "\n") + "\n", against: "report-" + name)
        }
        let summary = try run.read("report/summary.csv").split(separator: "\n")
        #expect(summary.count == 65)

        let html = try run.read("report/report.html")
        #expect(html.components(separatedBy: "<section id=\"indicator-").count - 1 == 64)
        #expect(html.contains("Southampton children&apos;s services scorecard: August 2021"))
        #expect(!html.contains("<script") && !html.contains(" src=\"") && !html.contains("<link"))
        // Forecast intervals for counts never go below zero; percentages stay within 0 to 100.
        let forecast = try run.read("report/forecast.csv").split(separator: "\n").dropFirst()
        #expect(forecast.allSatisfy { row in
            row.split(separator: ",", omittingEmptySubsequences: false)[2...6].allSatisfy { (Double($0) ?? 0) >= 0 }
        })
    }

    @Test func aMissingScorecardDirectoryIsReportedAndWritesNothing() throws {
        let run = try CommandRun()
        #expect(throws: (any Error).self) {
            try run.run(["report", run.path("nowhere"), "--month", "2021-08", "--out", run.path("report")])
        }
        #expect(!run.exists("report"))
    }
}
