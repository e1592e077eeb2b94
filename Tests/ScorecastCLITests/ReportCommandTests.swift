import ArgumentParser
import Foundation
import ScorecastCore
import ScorecastData
import ScorecastTestSupport
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
        #expect(
            run.contents("report") == [
                "explain.csv", "forecast.csv", "projection.csv", "report.html", "scorecard.csv", "spc-seasonal.csv", "spc.csv", "summary.csv",
            ])

        // Every indicator row of spc.csv says too_few_points and has no limits; with seven
        // months no indicator has a seasonal pattern to take out, so spc-seasonal.csv has only
        // its header (it never repeats spc.csv).
        let rows = try run.read("report/spc.csv").split(separator: "\n")
        #expect(rows.first == "series,period,value,mean,lpl,upl,special_cause,rule,variation,assurance")
        #expect(rows.count > 64)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",,,,,,too_few_points,") })
        try Golden.check(rows.joined(separator: "\n") + "\n", against: "report-spc.csv")
        #expect(try run.read("report/spc-seasonal.csv") == "series,period,value,mean,lpl,upl,special_cause,rule,variation,assurance\n")
        let summary = try run.read("report/summary.csv").split(separator: "\n")
        #expect(summary.count == 65)

        let html = try run.read("report/report.html")
        #expect(html.components(separatedBy: "<section id=\"indicator-").count - 1 == 64)
        #expect(html.contains("Southampton children&apos;s services scorecard: August 2021"))
        #expect(!html.contains("<script") && !html.contains(" src=\"") && !html.contains("<link"))
        // Forecast intervals for counts never go below zero; percentages stay within 0 to 100.
        // The model column (quoted, with commas) comes before the five numbers.
        let forecast = try run.read("report/forecast.csv").split(separator: "\n")
        #expect(forecast.first == "series,period,model,model_detail,mean,lo_80,hi_80,lo_95,hi_95")
        #expect(
            forecast.dropFirst().allSatisfy { row in
                row.split(separator: ",", omittingEmptySubsequences: false).suffix(5).allSatisfy { (Double($0) ?? -1) >= 0 }
            })
    }

    /// The report forecasts through the same pipeline as
    /// `scorecast forecast DIR --model auto:local`: its forecast.csv and the command's output
    /// agree byte for byte, and the series with nothing to forecast (LSCB17a, YO2) are named,
    /// not fatal.
    @Test func reportAndForecastOfTheFolderAgreeRowForRow() async throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.run(["report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton"])
        let command = try ForecastCommand.parse([
            run.path("tidy"), "--horizon", "12", "--model", "auto:local", "--level", "80", "--level", "95",
            "--output", run.path("forecast.csv"), "--notes", run.path("notes.csv"),
        ])
        try command.validate()
        try await command.execute()
        let report = try run.read("report/forecast.csv")
        #expect(try run.read("forecast.csv") == report)
        let forecastSeries = Set(report.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } })
        #expect(forecastSeries.count == 60)
        #expect(!forecastSeries.contains("LSCB17a") && !forecastSeries.contains("YO2"))
        let notes = try run.read("notes.csv")
        #expect(notes.contains("LSCB17a,not forecast: ") && notes.contains("YO2,not forecast: "))

        let strict = try ForecastCommand.parse([run.path("tidy"), "--horizon", "12", "--strict", "--output", run.path("strict.csv")])
        await #expect(throws: DataError.self) { try await strict.execute() }
        #expect(!run.exists("strict.csv"))
    }

    /// Words follow the model: in every indicator's "Expected?" and "Forecast" sentences, a
    /// term (trend, season, school holidays, working days) is named only if the model behind
    /// the sentence has it (explain.csv's and summary.csv's terms columns); the demand flows
    /// that borrow say so, and their calendar shares come with intervals.
    @Test func noSentenceNamesATermItsModelLacks() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.run(["report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton"])
        let html = try run.read("report/report.html")
        let explain = try CSVTestTable(run.read("report/explain.csv"))
        let summary = try CSVTestTable(run.read("report/summary.csv"))
        let words = [("trend", "trend"), ("season", "season"), ("school holidays", "school holiday"), ("working days", "working day")]
        var checked = 0
        for row in explain.rows {
            let code = row["series"]!
            guard let section = Self.section(of: code, in: html) else {
                Issue.record("no section for \(code)")
                continue
            }
            let explainTerms = Set(row["terms"]!.split(separator: "+").map(String.init))
            let forecastTerms = Set(summary.rows.first { $0["series"] == code }!["forecast_terms"]!.split(separator: "+").map(String.init))
            for (source, terms) in [("Expected for", explainTerms), ("Forecast", forecastTerms)] {
                guard let sentence = Self.verdictText(source, in: section), !sentence.hasPrefix("No ") else { continue }
                checked += 1
                for (term, word) in words where !terms.contains(term) {
                    #expect(!sentence.lowercased().contains(word), "\(code) \(source): '\(sentence)' names \(word), its model has \(terms.sorted())")
                }
            }
        }
        #expect(checked > 100)
        // The demand flows borrow Cafcass's pattern and measure the calendar's part, with intervals.
        for code in ["M1", "M2", "M2-NI", "CP1", "CP1-NI", "CP2", "CP2-NI"] {
            let row = try #require(explain.rows.first { $0["series"] == code })
            #expect(row["seasonality"] == "borrowed:cafcass_care_applications")
            let share = try #require(Double(row["calendar_share_pct"]!)), lower = try #require(Double(row["calendar_share_lo_95"]!))
            let upper = try #require(Double(row["calendar_share_hi_95"]!))
            #expect(lower <= share && share <= upper)
        }
        // A stock is not borrowed: CP6B is judged on its level, and says so.
        #expect(explain.rows.first { $0["series"] == "CP6B" }?["seasonality"] == "level only (6 months)")
        // No 12-month figure from seven months, no float noise.
        let scorecard = try CSVTestTable(run.read("report/scorecard.csv"))
        #expect(scorecard.rows.allSatisfy { $0["average_12_months"] == "" })
        for name in ["scorecard.csv", "explain.csv", "summary.csv", "forecast.csv"] {
            let text = try run.read("report/" + name)
            #expect(text.range(of: #"\.\d{7,}"#, options: .regularExpression) == nil, "\(name) has float noise")
        }
        #expect(html.contains("1,677 (as published)"))
        // The looked-after projection from the scorecard's seven LAC months: 12 months, ordered intervals.
        let projection = try CSVTestTable(run.read("report/projection.csv"))
        #expect(projection.rows.count == 12)
        for row in projection.rows {
            let values = ["lo_95", "lo_80", "mean", "hi_80", "hi_95"].map { Double(row[$0]!)! }
            #expect(values == values.sorted() && values[0] >= 0)
        }
    }

    /// The HTML of the section of indicator `code` (its anchor as the page makes it).
    static func section(of code: String, in html: String) -> Substring? {
        let anchor = "indicator-" + String(code.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        guard let start = html.range(of: "<section id=\"\(anchor)\"") else { return nil }
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</section>")?.upperBound ?? rest.endIndex
        return rest[..<end]
    }

    /// The explanation text of the verdict whose source starts with `source`, tags removed.
    static func verdictText(_ source: String, in section: Substring) -> String? {
        guard let found = section.range(of: source) else { return nil }
        let rest = section[found.upperBound...]
        let end = rest.range(of: "</li>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end]).replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
    }

    @Test func aMissingScorecardDirectoryIsReportedAndWritesNothing() throws {
        let run = try CommandRun()
        #expect(throws: (any Error).self) {
            try run.run(["report", run.path("nowhere"), "--month", "2021-08", "--out", run.path("report")])
        }
        #expect(!run.exists("report"))
    }

    static let dfe = Golden.fixture("dfe-southampton").path

    /// The SVG documents embedded in `html`, in order.
    static func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    @Test func withComparatorsThePageComparesWithDfEDataAndComparatorsCSVIsWhatCompareWrites() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        try run.run([
            "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"), "--place", "Southampton",
            "--comparators", Self.dfe, "--la", "E06000045", "--year", "2021",
        ])
        #expect(
            run.contents("report") == [
                "comparators.csv", "explain.csv", "forecast.csv", "projection.csv", "report.html", "scorecard.csv",
                "spc-seasonal.csv", "spc.csv", "summary.csv",
            ])

        // comparators.csv is byte for byte what `compare` writes for the same authority and year.
        try run.run(["compare", "--la", "E06000045", "--year", "2021", "--data", Self.dfe, "--output", run.path("compare.csv")])
        let comparators = try run.read("report/comparators.csv")
        #expect(comparators == (try run.read("compare.csv")))
        let rows = comparators.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 14)
        let header = rows[0]
        let claRate = try #require(rows.first { $0.first == "cla_31mar_rate_per_10k" })
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(claRate[column("la_code")] == "E06000045" && claRate[column("year")] == "2021")
        #expect(Double(claRate[column("value")]) == 100 && Double(claRate[column("england_value")]) == 69)
        let lower = try #require(Double(claRate[column("lo_95")])), upper = try #require(Double(claRate[column("hi_95")]))
        #expect(lower < 100 && 100 < upper)
        #expect(claRate[column("vs_england")] == "higher")

        let html = try run.read("report/report.html")
        #expect(html.contains("<section id=\"dfe-comparators\""))
        #expect(html.contains("Compared with statistical neighbours, England and the South East (DfE, year ending 31 March 2021)"))
        #expect(html.contains("href=\"#dfe-comparators\""))
        #expect(html.contains("comparators.csv"))
        // The table shows the rate with its interval (as the CSV, one decimal) and the verdict.
        #expect(html.contains("<td>100.0</td>"))
        #expect(html.contains("<td>\(String(format: "%.1f", lower)) to \(String(format: "%.1f", upper))</td>"))
        #expect(html.contains("Funnel plot: Children looked after at 31 March, per 10,000 children"))
        // Re-referrals have no England value in the fixture: said, not drawn.
        #expect(html.contains("No funnel plot of Re-referrals within 12 months"))
        // The indicators are all still there.
        #expect(html.components(separatedBy: "<section id=\"indicator-").count - 1 == 64)

        let page = try #require(XMLCheck.parse(String(html.dropFirst("<!DOCTYPE html>\n".count))), "page is not well-formed")
        #expect(page.root == "html")
        let charts = Self.svgs(in: html).filter { $0.contains("aria-labelledby=\"dfe-") }
        // The fixture has only the CLA rate for 2021: its comparator chart and its funnel.
        #expect(charts.count == 2)
        #expect(charts.contains { $0.contains("aria-labelledby=\"dfe-cmp-1-title") })
        #expect(charts.contains { $0.contains("aria-labelledby=\"dfe-funnel-0-title") })
        for chart in charts {
            let check = try #require(XMLCheck.parse(chart), "chart is not well-formed")
            #expect(check.root == "svg")
            #expect(check.rootAttributes["role"] == "img")
            #expect(check.count("title") >= 1 && check.count("desc") == 1)
        }
    }

    @Test func anUnknownAuthorityIsAUsageErrorAndWritesNoReport() throws {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        do {
            try run.run([
                "report", run.path("tidy"), "--month", "2021-08", "--out", run.path("report"),
                "--comparators", Self.dfe, "--la", "E99999999", "--year", "2021",
            ])
            Issue.record("expected an error for an unknown authority")
        } catch {
            #expect(Scorecast.exitCode(for: error).rawValue == 64)
            let message = Scorecast.message(for: error)
            #expect(message.contains("unknown local authority \"E99999999\""), "\(message)")
            #expect(message.contains("Southampton (E06000045)"), "\(message)")
        }
        #expect(!run.exists("report"))
    }

    @Test(arguments: [
        ["--la", "E06000045"],
        ["--comparators", "notebooks-data/dfe"],
        ["--comparators", "notebooks-data/dfe", "--la", "E06000045", "--sn-model", "2019"],
    ])
    func comparatorOptionsWithoutTheirCompanionsAreUsageErrors(_ options: [String]) throws {
        #expect(throws: (any Error).self) {
            _ = try Scorecast.parseAsRoot(["report", "tidy", "--month", "2021-08", "--out", "report"] + options)
        }
    }
}

/// A small CSV (header and rows, quoted fields allowed) as dictionaries, for checks on
/// the report's files.
struct CSVTestTable {
    var rows: [[String: String]]

    init(_ text: String) throws {
        let records = Golden.rows(text)
        let header = try #require(records.first)
        rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
