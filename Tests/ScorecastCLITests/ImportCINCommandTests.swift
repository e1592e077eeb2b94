import Foundation
import ScorecastData
import Testing

@testable import ScorecastCLI

@Suite("scorecast import-cin and example-cin")
struct ImportCINCommandTests {
    static let notebooksData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks-data")
    static let synthetic = notebooksData.appendingPathComponent("cin-synthetic").path

    /// The four files of an imported scorecard folder, every measure for every month, and the
    /// truth of the bundled synthetic council recovered.
    @Test func importWritesTheFourFilesAndRecoversTheTruth() throws {
        let run = try CommandRun()
        try run.run(["import-cin", Self.synthetic, "--out", run.path("out")])
        try run.run(["example-cin", "--out", run.path("again"), "--truth", run.path("truth.csv")])
        #expect(run.contents("out") == ["episodes.csv", "indicators.csv", "observations.csv", "validation.csv"])
        let observations = try run.read("out/observations.csv")
        #expect(observations.hasPrefix("series,period,value,numerator,denominator\n"))
        var imported: [String: String] = [:]
        for line in observations.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            imported[fields[0] + "," + fields[1]] = String(fields[2])
        }
        let truth = try run.read("truth.csv").split(separator: "\n").dropFirst()
        #expect(truth.count == 18 * 60)
        for line in truth {
            let fields = line.split(separator: ",")
            #expect(imported[fields[0] + "," + fields[1]] == String(fields[2]), "\(line)")
        }
        let validation = try run.read("out/validation.csv").split(separator: "\n")
        #expect(validation.first == "file,line,child,rule,message")
        #expect(validation.count == 1 + 35)
        let indicators = try run.read("out/indicators.csv")
        #expect(
            indicators.contains(
                "\nre_referrals_12m_pct,Percentage of referrals within 12 months of an earlier referral,percent,lower_is_better,monthly"))
    }

    /// The bundled synthetic returns are `example-cin`'s default output, byte for byte.
    @Test func exampleReproducesTheBundledReturns() throws {
        let run = try CommandRun()
        try run.run(["example-cin", "--out", run.path("returns")])
        let bundled = try FileManager.default.contentsOfDirectory(atPath: Self.synthetic).sorted()
        #expect(run.contents("returns") == bundled)
        for file in bundled {
            let made = try Data(contentsOf: URL(fileURLWithPath: run.path("returns/" + file)))
            #expect(made == (try Data(contentsOf: URL(fileURLWithPath: Self.synthetic + "/" + file))), "\(file)")
        }
    }

    /// A cut-short return or a file that is not a CIN return: exit 65, one line naming it and
    /// the line, nothing written.
    @Test(arguments: [("cut.xml", "cut"), ("lac.csv", "csv")])
    func badFileExits65AndWritesNothing(_ testCase: (String, String)) throws {
        let run = try CommandRun()
        let whole = try Data(contentsOf: URL(fileURLWithPath: Self.synthetic + "/cin-census-2022.xml"))
        try run.write("cut.xml", whole.prefix(whole.count / 2))
        try run.write("lac.csv", "series,period,value\nlac,2020-01,3\n")
        let failure = try run.failure(["import-cin", Self.synthetic, run.path(testCase.0), "--out", run.path("out")])
        #expect(failure.status == 65)
        #expect(failure.message.hasPrefix(run.path(testCase.0) + ":"))
        #expect(!failure.message.contains("\n"))
        #expect(failure.message.contains(testCase.1 == "cut" ? "(is it cut short?)" : "expected a CIN census return"))
        #expect(!run.exists("out"))
    }

    /// With a population, rates per 10,000 children aged 0-17 carry the count and population.
    @Test func populationGivesRates() throws {
        let run = try CommandRun()
        try run.write("population.csv", "series,period,value\nchildren_0_17,2020,50000\nchildren_0_17,2021,50000\n")
        try run.run(["import-cin", Self.synthetic + "/cin-census-2021.xml", "--population", run.path("population.csv"), "--out", run.path("out")])
        let rows = try run.read("out/observations.csv").split(separator: "\n").filter { $0.hasPrefix("cin_open_per_10k,") }
        #expect(rows.count == 12)
        for row in rows {
            let fields = row.split(separator: ",")
            #expect(Double(fields[2])! == 10_000 * Double(fields[3])! / 50_000)
            #expect(fields[4] == "50000")
        }
    }

    /// 903 returns alongside: the looked-after measures in the same folder, and the bundled map
    /// renames the folder's series to the scorecard's codes.
    @Test func lookedAfterAlongsideAndTheCodeMap() throws {
        let run = try CommandRun()
        try run.run([
            "import-cin", Self.synthetic, "--looked-after", Self.notebooksData.appendingPathComponent("ssda903-synthetic").path, "--out",
            run.path("out"), "--codes", Self.notebooksData.appendingPathComponent("scorecard/measure-codes.csv").path,
        ])
        let coded = try run.read("out/scorecard-history.csv")
        #expect(coded.hasPrefix("series,period,value,numerator,denominator\nM2,2020-04,"))
        #expect(coded.contains("\nM6-QL,2021-01,") && coded.contains("\nLAC12 (val),2025-03,"))
        let observations = try run.read("out/observations.csv")
        #expect(observations.contains("\nlac_open,2025-03,"))
        #expect(try run.read("out/indicators.csv").contains("\nlac_ceased_adoption,"))
        let map = try MeasureCodeMap.read(path: Self.notebooksData.appendingPathComponent("scorecard/measure-codes.csv").path)
        let history = try map.history(importFolder: run.path("out"))
        #expect(history.map(\.name) == map.entries.map(\.code))
        #expect(history.first { $0.name == "LAC1" }!.series.values.allSatisfy { $0 > 300 })
    }
}
