import Foundation
import Testing

/// `scorecast report --looked-after DIR` on the bundled synthetic council's SSDA903 returns.
@Suite("scorecast report --looked-after")
struct ReportLookedAfterTests {
    static let returns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/ssda903-synthetic").path
    static let text = Golden.fixture("southampton-childrens-services-scorecard-2021-08.txt").path
    static let decisions = Golden.fixture("indicator-decisions.csv").path

    /// The section is on the page; its stock equals import-903's for the last month cell for
    /// cell and in total; its projection is project-903's with the same horizon, paths and
    /// seed; an import folder and the returns themselves give the same looked-after.csv.
    @Test func theSectionShowsImport903sStockAndProject903sProjection() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.run(["import-903", Self.returns, "--out", run.path("ssda903")])
        try run.run([
            "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton",
            "--looked-after", run.path("ssda903"),
        ])
        #expect(run.contents("report").contains("looked-after.csv"))
        let html = try run.read("report/report.html")
        #expect(html.contains("Children looked after by age and placement (SSDA903 returns)"))
        #expect(html.contains("looked-after.csv"))

        // import-903's stock on its last month-end.
        let stock = try run.read("ssda903/children-looked-after.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let lastDay = stock.last![0]
        var imported: [String: Int] = [:]
        for row in stock where row[0] == lastDay { imported["\(row[1]),\(row[2])"] = Int(row[3])! }
        #expect(imported.count == 5 * 4)
        let total = imported.values.reduce(0, +)
        #expect(total > 300)

        let csv = try run.read("report/looked-after.csv").split(separator: "\n")
        #expect(csv.first == "period,age_band,placement,source,value,lo_80,hi_80,lo_95,hi_95")
        let observed = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }.filter { $0[3] == "observed" }
        #expect(observed.count == 20 + 5 + 4 + 1)
        #expect(observed.allSatisfy { String($0[0]) == String(lastDay.prefix(7)) })
        for row in observed where row[1] != "all" && row[2] != "all" {
            #expect(Int(row[4]) == imported["\(row[1]),\(row[2])"], "\(row)")
        }
        for row in observed where row[1] == "all" && row[2] != "all" {
            #expect(Int(row[4]) == imported.filter { $0.key.hasSuffix(",\(row[2])") }.values.reduce(0, +), "\(row)")
        }
        #expect(observed.last.map { $0[1] == "all" && $0[2] == "all" && Int($0[4]) == total } == true)
        // The page's table ends with the total.
        #expect(html.contains(">\(total)<"))

        // The projection is project-903's (same code, horizon, paths and seed).
        try run.run(["project-903", Self.returns, "--horizon", "24", "--paths", "2000", "--seed", "1", "--output", run.path("p.csv")])
        let projected = csv.dropFirst().filter { $0.contains(",projected,") }.map { $0.replacingOccurrences(of: ",projected,", with: ",") }
        #expect(projected == Array(try run.read("p.csv").split(separator: "\n").dropFirst().map(String.init)))

        // The returns themselves give the same file.
        try run.run([
            "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report2"), "--looked-after", Self.returns,
        ])
        #expect(try run.read("report2/looked-after.csv") == (try run.read("report/looked-after.csv")))
    }

    @Test func aFolderThatIsNeitherIsReported() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.write("bad/children-looked-after.csv", "period,age_band,placement,children\n2025-03-30,0-1,Fostering,3\n")
        try run.write("bad/episodes.csv", "child\n")
        let failure = try run.failure([
            "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--looked-after", run.path("bad"),
        ])
        #expect(
            failure.message.hasSuffix("children-looked-after.csv:2:1: expected a month-end date YYYY-MM-DD, found '2025-03-30'"), "\(failure.message)"
        )
        #expect(failure.status == 65)
        #expect(!run.exists("report/report.html"))
    }
}
