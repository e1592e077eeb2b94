import Foundation
import ScorecastCharts
import ScorecastCore
import ScorecastSPC
import ScorecastTestSupport
import ScorecastTimeSeries
import Testing

@testable import ScorecastReport

@Suite("Report page")
struct ReportPageTests {
    static func section(code: String, values: [Double]) throws -> IndicatorSection {
        let series = TimeSeries(name: code, start: Period(year: 2020, month: 1), values: values)
        let analysis = try XmR(improvement: .decrease).analyse(series)
        let verdict = SPCPresentation.verdict(analysis, format: { NumberText.brief($0) })
        let chart = SPCPresentation.chart(analysis, title: "\(code) <SPC>", valueLabel: "Count", verdict: verdict)
        return IndicatorSection(
            code: code, title: "Title & \"quotes\"", meta: "count · lower is better",
            facts: [("Aug-21", "1,297"), ("% change", "-15%")], verdicts: [verdict],
            charts: [chart.svg(id: "spc-\(code)")], commentary: "Down <15%> over the summer.")
    }

    @Test func thePageIsWellFormedAndSelfContained() throws {
        let short = try Self.section(code: "M1", values: [310, 295, 330, 301, 287, 315, 240])
        let long = try Self.section(code: "CP2b %", values: (0..<24).map { 50 + Double($0 % 5) + ($0 > 20 ? 30 : 0) })
        let page = ReportPage(
            title: "Scorecard August 2021", subtitle: "Southampton", headline: ["Two indicators."],
            changed: [SummaryItem(section: short, text: "-15%", tone: .notable)],
            unusual: [SummaryItem(section: long, text: "concern", tone: .bad)],
            sections: [short, long], method: ["SPC as Making Data Count."], files: ["scorecard.csv"])
        let html = page.html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        let check = try #require(XMLCheck.parse(String(html.dropFirst("<!DOCTYPE html>\n".count))), "page is not well-formed")
        #expect(check.root == "html")
        #expect(check.count("svg") == 2)
        #expect(check.count("section") == 4)
        // Self-contained: nothing is fetched.
        #expect(!html.contains("src=") && !html.contains("<script") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("href=\"#indicator-CP2b--\""))
        #expect(html.contains("SPC: too few points"))
        #expect(html.contains("Title &amp; &quot;quotes&quot;"))
    }

    @Test func verdictsSayTooFewPointsOrWhatTheLatestPointShows() throws {
        let short = try XmR().analyse(TimeSeries(name: "a", start: Period(year: 2021, month: 2), values: [1, 2, 3, 4, 5, 6, 7]))
        let verdict = SPCPresentation.verdict(short, format: { NumberText.brief($0) })
        #expect(verdict.label == "too few points" && verdict.tone == .unknown)
        #expect(verdict.explanation.hasPrefix("7 observed points since 2021-02; Making Data Count needs at least 12"))

        var values = (0..<20).map { Double($0 % 2 == 0 ? 10 : 12) }
        values[19] = 40
        let high = try XmR(improvement: .decrease).analyse(TimeSeries(name: "b", start: Period(year: 2020, month: 1), values: values))
        let concern = SPCPresentation.verdict(high, format: { NumberText.brief($0) })
        #expect(concern.label == "concern" && concern.tone == .bad)
        #expect(concern.explanation.hasSuffix("The latest point is above the upper process limit."))
    }

    @Test func aContextSectionWithATableHasItsOwnAnchorAndRowHeaders() throws {
        let table = ReportTable(
            caption: "Against <comparators>", headers: ["Measure", "Value", "England"],
            rows: [["Rate & \"count\"", "100.0", "69.0"], ["Re-referrals", "28.0%", "22.7%"]])
        let context = IndicatorSection(
            code: "", title: "Compared with England", meta: "DfE", facts: [], verdicts: [], charts: [],
            table: table, anchorName: "dfe-comparators")
        let short = try Self.section(code: "M1", values: [310, 295, 330, 301, 287, 315, 240])
        let page = ReportPage(
            title: "Scorecard", subtitle: "Southampton", headline: [], changed: [], unusual: [],
            context: [context], sections: [short], method: [], files: ["comparators.csv"])
        let html = page.html()
        let check = try #require(XMLCheck.parse(String(html.dropFirst("<!DOCTYPE html>\n".count))), "page is not well-formed")
        #expect(check.count("section") == 4)
        #expect(check.count("tr") == 3 + 2)
        #expect(html.contains("<section id=\"dfe-comparators\""))
        #expect(html.contains("<h2 id=\"dfe-comparators-heading\">Compared with England</h2>"))
        #expect(html.contains("<a href=\"#dfe-comparators\">Compared with England</a>"))
        #expect(html.contains("<th scope=\"row\" class=\"text\">Rate &amp; &quot;count&quot;</th>"))
        #expect(html.contains("Against &lt;comparators&gt;"))
        // The context section comes before the indicators.
        #expect(html.range(of: "id=\"dfe-comparators\"")!.lowerBound < html.range(of: "id=\"indicator-M1\"")!.lowerBound)
    }
}
