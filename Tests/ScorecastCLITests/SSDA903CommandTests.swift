import Foundation
import Testing

@testable import ScorecastCLI

@Suite("scorecast import-903, example-903 and project-903")
struct SSDA903CommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/ssda903").path

    @Test func importWritesTheFiveFiles() throws {
        let run = try CommandRun()
        try run.run(["import-903", Self.sample, "--out", run.path("out")])
        #expect(run.contents("out") == ["children-looked-after.csv", "episodes.csv", "flows.csv", "transitions.csv", "validation.csv"])
        let stock = try run.read("out/children-looked-after.csv").split(separator: "\n")
        #expect(stock.count == 1 + 60 * 5 * 4)
        #expect(stock.first == "period,age_band,placement,children")
        #expect(try run.read("out/validation.csv").hasPrefix("file,line,column,rule,message\n"))
    }

    @Test func aFileThatIsNot903Exits65AndWritesNothing() throws {
        let run = try CommandRun()
        try run.write("lac.csv", "series,period,value\nlac,2020-01,3\n")
        let failure = try run.failure(["import-903", Self.sample, run.path("lac.csv"), "--out", run.path("out")])
        #expect(failure.status == 65)
        #expect(failure.message.hasPrefix(run.path("lac.csv") + ":1:1: expected the header row of a 903"))
        #expect(!run.exists("out"))
    }

    /// The bundled synthetic returns are `example-903`'s default output, byte for byte.
    @Test func exampleReproducesTheBundledReturns() throws {
        let run = try CommandRun()
        try run.run(["example-903", "--out", run.path("returns")])
        let bundled = URL(fileURLWithPath: Self.sample).deletingLastPathComponent().appendingPathComponent("ssda903-synthetic").path
        let years = try FileManager.default.contentsOfDirectory(atPath: bundled).sorted()
        #expect(run.contents("returns") == years)
        for year in years {
            for file in ["episodes.csv", "header.csv", "uasc.csv"] {
                let made = try Data(contentsOf: URL(fileURLWithPath: run.path("returns/\(year)/\(file)")))
                #expect(made == (try Data(contentsOf: URL(fileURLWithPath: "\(bundled)/\(year)/\(file)"))), "\(year)/\(file)")
            }
        }
    }

    @Test func exampleIsSeededAndItsBadRowsAreListed() throws {
        let run = try CommandRun()
        try run.run(["example-903", "--seed", "5", "--years", "3", "--out", run.path("a")])
        try run.run(["example-903", "--seed", "5", "--years", "3", "--out", run.path("b")])
        #expect(run.contents("a") == ["2022-23", "2023-24", "2024-25"])
        for year in run.contents("a") {
            for file in ["episodes.csv", "header.csv", "uasc.csv"] {
                #expect(try run.read("a/\(year)/\(file)") == (try run.read("b/\(year)/\(file)")))
            }
        }
        try run.run(["import-903", run.path("a"), "--out", run.path("out")])
        let rules = try run.read("out/validation.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3] }
        #expect(
            rules.sorted() == [
                "dec-before-decom", "dec-before-decom", "dec-before-decom", "duplicate-start", "duplicate-start",
                "duplicate-start", "no-header", "no-header", "no-header",
            ])
    }

    @Test func projectionHasTheColumnsAndRows() throws {
        let run = try CommandRun()
        try run.run(["example-903", "--seed", "8", "--years", "3", "--out", run.path("returns")])
        try run.write("costs.csv", "placement,weekly_cost\nFostering,600\nResidential,5500\nSupported,1500\nOther,900\n")
        try run.run([
            "project-903", run.path("returns"), "--horizon", "3", "--paths", "50", "--seed", "2", "--level", "80", "--level", "95",
            "--costs", run.path("costs.csv"), "--cost-output", run.path("cost.csv"), "--output", run.path("projection.csv"),
        ])
        let lines = try run.read("projection.csv").split(separator: "\n")
        #expect(lines.first == "period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95")
        #expect(lines.count == 1 + 3 * 30)
        #expect(lines.contains { $0.hasPrefix("2025-06,all,all,") })
        let cost = try run.read("cost.csv").split(separator: "\n")
        #expect(cost.count == 1 + 3 * 5)
        #expect(cost.first == "period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95")
    }
}
