import Foundation
import ScorecastData
import Testing

@testable import ScorecastCLI

/// Golden snapshots of `scorecast effects` and `scorecast explain` on the bundled Cafcass care
/// applications, and their failures. The statistics are checked against R and by simulation
/// in ScorecastGLMTests; these pin the commands' CSV formats.
@Suite("scorecast effects and explain")
struct CalendarCommandTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")!.path
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).csv").path
    }

    @Test func effectsMatchesTheGoldenCSV() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try EffectsCommand.parse([Self.fixture("calendar-cafcass-input"), "--calendar", "england", "--output", output])
        try command.validate()
        try command.execute()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let expected = try String(contentsOfFile: Self.fixture("calendar-effects-expected"), encoding: .utf8)
        #expect(Golden.firstDifference(text, expected) == nil, "\(Golden.firstDifference(text, expected) ?? "")")
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "series,term,estimate_pct,lo_95,hi_95,coefficient,std_error,p_value,value,model,note")
        #expect(lines[1].hasPrefix("cafcass_care_applications,school_holidays,"))
        #expect(lines[3].hasPrefix("cafcass_care_applications,month_01,"))
        #expect(lines[14].hasPrefix("cafcass_care_applications,month_12,"))
    }

    @Test func explainMatchesTheGoldenCSV() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try ExplainCommand.parse([Self.fixture("calendar-cafcass-input"), "--month", "2013-08", "--output", output])
        try command.validate()
        try command.execute()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let expected = try String(contentsOfFile: Self.fixture("calendar-explain-expected"), encoding: .utf8)
        #expect(Golden.firstDifference(text, expected) == nil, "\(Golden.firstDifference(text, expected) ?? "")")
        #expect(text.hasPrefix("series,period,observed,expected,lo_80,hi_80,lo_95,hi_95,tail_probability,verdict,"))
    }

    @Test func percentagesWithNumeratorAndDenominatorAreQuasiBinomial() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try ExplainCommand.parse([
            Self.fixture("calendar-percent-input"), "--month", "2021-08", "--events", Self.fixture("calendar-events"), "--output", output,
        ])
        try command.validate()
        try command.execute()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let row = text.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[0] == "rereferrals" && row[1] == "2021-08")
        let bounds = try [4, 5, 6, 7].map { try #require(Double(row[$0])) }
        #expect(bounds.allSatisfy { $0 >= 0 && $0 <= 100 })
        #expect(text.contains("\"GLM(quasibinomial, trend on, fourier2, calendar, events)\""))
    }

    @Test(arguments: [
        ["--month", "2013-13"], ["--month", "2013-08", "--level", "100"], ["--month", "2013-08", "--seasonal", "fourier9"],
        ["--month", "2013-08", "--calendar", "none", "--term-dates", "x.csv"], ["--month", "2013-08", "--family", "binomial"],
    ])
    func badUsageIsRejected(arguments: [String]) {
        #expect(throws: (any Error).self) {
            let command = try ExplainCommand.parse([Self.fixture("calendar-cafcass-input")] + arguments)
            try command.validate()
        }
    }

    @Test(arguments: [
        (
            "start,end,kind\n2023-10-23,2023-10-27,half_term\n2023-12-21,2024-02-30,christmas\n",
            "3:12: expected a date YYYY-MM-DD in column 'end', found '2024-02-30'"
        ),
        ("start,end,kind\n2023-10-27,2023-10-23,half_term\n", "2:12: expected an end on or after the start 2023-10-27, found 2023-10-23"),
        ("start,finish,kind\n", "1:1: expected a column named 'end' in the header (start,end,kind), found 'start,finish,kind'"),
    ])
    func badTermDatesAreLocatedAndWriteNothing(text: String, message: String) throws {
        let termDates = Self.temporaryPath()
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: termDates) }
        try text.write(toFile: termDates, atomically: true, encoding: .utf8)
        let command = try EffectsCommand.parse([Self.fixture("calendar-cafcass-input"), "--term-dates", termDates, "--output", output])
        do {
            try command.execute()
            Issue.record("expected a data error")
        } catch {
            #expect(String(describing: error) == termDates + ":" + message)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The August 2021 scorecard (import-scorecard's tidy files): six months of history per
    /// row. Every series gets a row and the run succeeds; percentages (by the catalogue's
    /// unit) stay in [0, 100]; rows with too little history say so instead of stopping the run.
    @Test func explainTheScorecardKeepsGoingPastShortSeries() throws {
        let run = try CommandRun()
        let observations = Golden.fixture("golden/import/observations.csv").path
        let indicators = Golden.fixture("golden/import/indicators.csv").path
        try run.run(["explain", observations, "--month", "2021-08", "--indicators", indicators, "--output", run.path("explain.csv")])
        let text = try run.read("explain.csv")
        try Golden.check(text, against: "explain-scorecard-2021-08.csv")

        var table = try CSVTable(path: run.path("explain.csv"), required: ["series", "expected", "lo_95", "hi_95", "verdict", "model", "note"])
        var rows: [String: (expected: String, lower: String, upper: String, verdict: String, model: String, note: String)] = [:]
        while try table.next() {
            rows[table.text("series")] = (
                table.text("expected"), table.text("lo_95"), table.text("hi_95"), table.text("verdict"), table.text("model"), table.text("note")
            )
        }
        let series = Set(
            try String(contentsOfFile: observations, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
                line.hasPrefix("\"") ? String(line.dropFirst().prefix { $0 != "\"" }) : String(line.prefix { $0 != "," })
            })
        #expect(Set(rows.keys) == series)

        let lac12 = try #require(rows["LAC12 (%)"])
        #expect(lac12.model == "GLM(quasibinomial, trend off, none)")
        for field in [lac12.expected, lac12.lower, lac12.upper] {
            let value = try #require(Double(field))
            #expect(value >= 0 && value <= 100)
        }
        #expect(lac12.note.contains("short series: 6 observations"))

        let transfers = try #require(rows["CP2b %"])
        #expect(transfers.verdict == "insufficient_history")
        #expect(transfers.expected.isEmpty && transfers.lower.isEmpty && transfers.upper.isEmpty)
        #expect(transfers.note == "series 'CP2b %' has 3 observations; the model needs at least 6")

        let percentCodes = Set(try Indicator.read(path: indicators).filter { $0.unit == .percent }.map(\.code))
        for (name, row) in rows where percentCodes.contains(name) && !row.expected.isEmpty {
            #expect(row.model.hasPrefix("GLM(quasibinomial"), "\(name)")
            for field in [row.expected, row.lower, row.upper] { #expect((Double(field) ?? -1) >= 0 && (Double(field) ?? 101) <= 100, "\(name)") }
        }
    }

    /// Malformed input is still an error: one located line, exit 65, nothing written.
    @Test func explainRejectsMalformedInput() throws {
        let run = try CommandRun()
        try run.write("bad.csv", "series,period,value\na,2021-01,1\na,2021-02,x\n")
        let (message, status) = try run.failure(["explain", run.path("bad.csv"), "--month", "2021-02", "--output", run.path("out.csv")])
        #expect(message.hasPrefix(run.path("bad.csv") + ":3:11: expected a number"), "\(message)")
        #expect(status == 65)
        #expect(!run.exists("out.csv"))
    }
}
