import Foundation
import Testing

@testable import ScorecastCLI

/// `--model global` through the command line: deterministic output, the model file's round
/// trip, and a bad model file as one located line with exit 65. Small boosters (10 trees,
/// horizon 3) keep the suite quick.
@Suite("Global model commands")
struct GlobalModelCommandTests {
    /// Eight monthly series, five years each, of different levels, trends and seasonal phases.
    static var batch: String {
        monthlyBatchText(series: 8, months: 60, firstYear: 2015) { index, month in
            let level = 100.0 * Double(index + 1)
            return level * (1 + 0.004 * Double(month * (index % 3))) * (1 + 0.2 * sin(Double(month + index) * Double.pi / 6))
        }
    }

    static let small = ["--horizon", "3", "--global-trees", "10"]

    @Test func sameBytesAcrossRunsJobsAndASavedModel() async throws {
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        func forecast(_ output: String, _ extra: [String]) async throws {
            let status = await BatchFailureTests.status(
                ["forecast", run.path("batch.csv"), "--model", "global", "--output", run.path(output)] + Self.small + extra)
            #expect(status.status == 0, "\(status.stderr)")
        }
        try await forecast("one.csv", ["--jobs", "1", "--save-global", run.path("model.txt")])
        try await forecast("again.csv", ["--jobs", "1"])
        try await forecast("two.csv", ["--jobs", "2"])
        try await forecast("reloaded.csv", ["--jobs", "2", "--global-model", run.path("model.txt")])
        let one = try run.read("one.csv")
        #expect(one.split(separator: "\n").count == 1 + 8 * 3)
        #expect(one.contains(",global,"))
        #expect(try run.read("again.csv") == one)
        #expect(try run.read("two.csv") == one)
        #expect(try run.read("reloaded.csv") == one)
        #expect(try run.read("model.txt").hasPrefix("scorecast-global-model 2\nfrequency monthly\n"))
    }

    /// A model file of another version, or one that forecasts fewer steps than asked, is one
    /// line naming the file and line, exit 65, and no output.
    @Test(arguments: [
        ("version", 1), ("horizon", 5),
    ])
    func badModelFileIsExit65(defect: String, line: Int) async throws {
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        let saved = await BatchFailureTests.status(
            ["forecast", run.path("batch.csv"), "--model", "global", "--output", run.path("first.csv"), "--save-global", run.path("model.txt")]
                + Self.small)
        #expect(saved.status == 0)
        var horizon = "3"
        if defect == "version" {
            let text = try run.read("model.txt").replacingOccurrences(of: "scorecast-global-model 2\n", with: "scorecast-global-model 0\n")
            try run.write("model.txt", text)
        } else {
            horizon = "4"
        }
        let failed = await BatchFailureTests.status(
            [
                "forecast", run.path("batch.csv"), "--model", "global", "--horizon", horizon, "--global-trees", "10", "--output", run.path("out.csv"),
                "--global-model", run.path("model.txt"),
            ])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains { $0.contains("\(run.path("model.txt")):\(line):1: ") }, "\(failed.stderr)")
        #expect(!run.exists("out.csv"))
    }

    /// `auto` on a batch of 8 series (fewer than 51) trains nothing: forecasting works, its
    /// notes say why the global model was left out, and asking to save the model is one
    /// located line, exit 65, with neither the model nor the forecasts written.
    @Test func autoOnASmallBatchSavesNoModel() async throws {
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        let forecast = await BatchFailureTests.status(
            ["forecast", run.path("batch.csv"), "--output", run.path("auto.csv"), "--notes", run.path("notes.csv")] + Self.small)
        #expect(forecast.status == 0, "\(forecast.stderr)")
        #expect(try run.read("notes.csv").contains("global model left out: no global model: a batch of 8 series; auto learns across series from 51"))
        let saved = await BatchFailureTests.status(
            ["forecast", run.path("batch.csv"), "--output", run.path("out.csv"), "--save-global", run.path("model.txt")] + Self.small)
        #expect(saved.status == 65)
        #expect(saved.stderr.contains { $0.contains("\(run.path("batch.csv")):1:1: ") && $0.contains("a batch of 8 series") }, "\(saved.stderr)")
        #expect(!run.exists("model.txt") && !run.exists("out.csv"))
    }

    /// The hidden study knobs reach the boosters (the model file says what it was trained
    /// with, the seed included); a knob out of range, or a feature unknown or named twice, is
    /// a usage error.
    @Test func studySettingsReachTheModelFile() async throws {
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        let trained = await BatchFailureTests.status(
            [
                "forecast", run.path("batch.csv"), "--model", "global", "--global-learning-rate", "0.15", "--global-depth", "4",
                "--global-seed", "7", "--output", run.path("out.csv"), "--save-global", run.path("model.txt"),
            ] + Self.small)
        #expect(trained.status == 0, "\(trained.stderr)")
        let model = try run.read("model.txt")
        #expect(model.contains("\nparameters trees=10 eta=0.15 depth=4 "))
        #expect(model.contains(" seed=7 "))
        // The default model has the recursive member; --global-strategy direct leaves it out.
        #expect(model.contains("\nrecursive trees=300 eta=0.05 depth=6 "))
        let direct = await BatchFailureTests.status(
            [
                "forecast", run.path("batch.csv"), "--model", "global", "--global-strategy", "direct", "--output", run.path("direct.csv"),
                "--save-global", run.path("direct.txt"),
            ] + Self.small)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(try run.read("direct.txt").contains("\nrecursive none\n"))
        #expect(try !run.read("direct.csv").contains("recursive booster"))
        // Another seed is another model: the forecasts differ from the default seed's.
        let defaultSeed = await BatchFailureTests.status(
            ["forecast", run.path("batch.csv"), "--model", "global", "--output", run.path("default.csv")] + Self.small)
        #expect(defaultSeed.status == 0, "\(defaultSeed.stderr)")
        #expect(try run.read("default.csv") != run.read("out.csv"))
        let blended = await BatchFailureTests.status(
            [
                "forecast", run.path("batch.csv"), "--model", "global", "--global-strategy", "direct+recursive", "--output", run.path("blend.csv"),
            ] + Self.small)
        #expect(blended.status == 0, "\(blended.stderr)")
        // Naming the default strategy is the default model, byte for byte.
        #expect(try run.read("blend.csv") == run.read("default.csv"))
        #expect(try run.read("blend.csv").contains("+ a recursive booster × 300 trees"))
        for bad in [
            ["--global-depth", "0"], ["--global-learning-rate", "0"], ["--global-learning-rate", "1.5"], ["--global-strategy", "recursive"],
            ["--global-features", "season-position,season-position"], ["--global-features", "month"], ["--global-seed", "-1"],
        ] {
            do {
                let arguments = [run.path("batch.csv"), "--model", "global", "--output", run.path("bad.csv")] + Self.small + bad
                let command = try ForecastCommand.parse(arguments)
                try command.validate()
                Issue.record("expected a usage error for \(bad)")
            } catch {
                #expect(Scorecast.exitCode(for: error).rawValue == 64, "\(bad)")
            }
        }
    }

    /// backtest retrains at each origin and scores every series.
    @Test func backtestScoresEverySeries() async throws {
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        let status = await BatchFailureTests.status(
            ["backtest", run.path("batch.csv"), "--model", "global", "--origins", "2", "--step", "3", "--jobs", "2", "--output", run.path("bt.csv")]
                + Self.small)
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try run.read("bt.csv").split(separator: "\n")
        #expect(rows.count == 1 + 8 + 1)
        #expect(rows.dropFirst().prefix(8).allSatisfy { $0.contains(",global,2,") })
        #expect(rows.last?.hasPrefix("ALL,global,16,") == true)
    }
}
