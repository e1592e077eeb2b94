import ArgumentParser
import Foundation
import ScorecastCore
import Testing

@testable import ScorecastCLI

/// One bad series never sinks a batch: every batch command run on a good series and a bad one
/// exits 0, writes the good series exactly as it writes it alone, shows the bad one in its own
/// table (pinned by a golden CSV), names it on standard error with the count line and in
/// `--notes`; with `--strict` it exits 65 and leaves no output file.
@Suite("One bad series never sinks a batch")
struct BatchFailureTests {
    /// One command's case: its arguments around the input, what it says of a failed series,
    /// the bad series' input and the golden file of the mixed batch.
    struct Case: Sendable, CustomTestStringConvertible {
        var command: String
        var outcome: String
        /// Arguments after the command name; `INPUT` is replaced by the observations file.
        var arguments: [String]
        /// The bad series' rows (series `bad`).
        var badRows: String
        var golden: String
        var testDescription: String { command }
    }

    /// A good monthly count series of `months` months from January 2018: a trend, a season
    /// and a deterministic wobble, whole numbers.
    static func goodRows(months: Int = 48) -> String {
        (0..<months).map { index in
            let value = 120 + index + Int((18 * sin(Double(index) * .pi / 6)).rounded()) + (index * 7 % 5)
            let period = "\(2018 + index / 12)-\(String(format: "%02d", index % 12 + 1))"
            return "good,\(period),\(value),\n"
        }.joined()
    }

    static let header = "series,period,value,status\n"
    static let allMissing = (1...12).map { "bad,2021-\(String(format: "%02d", $0)),,suppressed\n" }.joined()
    static let lengthOne = "bad,2021-12,40,\n"
    /// Thirty months of zeros: a log-link count model (seasonal SPC's) has no finite estimate.
    static let allZero = (0..<30).map { "bad,\(2019 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1)),0,\n" }.joined()

    static let cases: [Case] = [
        Case(
            command: "backtest", outcome: "backtested", arguments: ["INPUT", "--model", "snaive", "--horizon", "6", "--origins", "2"],
            badRows: lengthOne, golden: "batch/backtest.csv"),
        Case(command: "decompose", outcome: "decomposed", arguments: ["INPUT"], badRows: lengthOne, golden: "batch/decompose.csv"),
        Case(
            command: "explain", outcome: "explained", arguments: ["INPUT", "--month", "2021-12"], badRows: allMissing,
            golden: "batch/explain.csv"),
        Case(command: "effects", outcome: "fitted", arguments: ["INPUT"], badRows: lengthOne, golden: "batch/effects.csv"),
        Case(command: "spc", outcome: "analysed", arguments: ["INPUT", "--seasonal"], badRows: allZero, golden: "batch/spc.csv"),
    ]

    /// Runs `arguments` in-process; returns what it wrote on standard error.
    static func execute(_ arguments: [String]) async throws -> [String] {
        let command = try Scorecast.parseAsRoot(arguments)
        let captured = CapturedLines()
        try await StandardError.$capture.withValue(captured) {
            if let command = command as? any AsyncScorecastCommand {
                try await command.execute()
            } else if let command = command as? any ScorecastCommand {
                try command.execute()
            } else {
                Issue.record("\(arguments[0]) is not a Scorecast command")
            }
        }
        return captured.lines
    }

    /// The exit status `arguments` end with (0 when they succeed), and what they wrote on standard error.
    static func status(_ arguments: [String]) async -> (status: Int32, stderr: [String]) {
        let captured = CapturedLines()
        do {
            let lines = try await execute(arguments)
            return (0, lines)
        } catch {
            let status = StandardError.$capture.withValue(captured) { (reportedFailure(error) as? ExitCode)?.rawValue ?? -1 }
            return (status, captured.lines)
        }
    }

    /// `text`'s lines that are not about the series `bad`.
    static func withoutBad(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("bad,") }.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func aBadSeriesIsReportedAndTheGoodOneIsUnchanged(_ testCase: Case) async throws {
        let run = try CommandRun()
        try run.write("good.csv", Self.header + Self.goodRows())
        try run.write("mixed.csv", Self.header + Self.goodRows() + testCase.badRows)
        func arguments(input: String, output: String, _ extra: [String] = []) -> [String] {
            [testCase.command] + testCase.arguments.map { $0 == "INPUT" ? run.path(input) : $0 } + ["--output", run.path(output)] + extra
        }

        let alone = try await Self.execute(arguments(input: "good.csv", output: "good-out.csv"))
        #expect(alone.isEmpty)
        let (status, stderr) = await Self.status(arguments(input: "mixed.csv", output: "mixed-out.csv", ["--notes", run.path("notes.csv")]))
        #expect(status == 0)
        let mixed = try run.read("mixed-out.csv")
        try Golden.check(mixed, against: testCase.golden)
        // The good series comes out as it does alone; the bad one is in the table, saying so.
        #expect(Golden.firstDifference(Self.withoutBad(mixed), try run.read("good-out.csv")) == nil)
        #expect(mixed.split(separator: "\n").contains { $0.hasPrefix("bad,") })
        // Standard error names it where it starts, then counts.
        #expect(stderr.count == 2)
        #expect(
            stderr.first?.hasPrefix(
                run.path("mixed.csv") + ":\(Self.goodRows().split(separator: "\n").count + 2):1: series 'bad' not \(testCase.outcome): ") == true)
        #expect(stderr.last == "scorecast \(testCase.command): 1 of 2 series not \(testCase.outcome) (named above); the other 1 were")
        let notes = try run.read("notes.csv").split(separator: "\n")
        #expect(notes.count == 2 && notes[0] == "series,note" && notes[1].hasPrefix("bad,not \(testCase.outcome): "))

        let strict = await Self.status(arguments(input: "mixed.csv", output: "strict-out.csv", ["--strict"]))
        #expect(strict.status == 65)
        #expect(!run.exists("strict-out.csv"))
        #expect(run.contents().allSatisfy { !$0.contains("strict") })
    }

    @Test func accuracyScoresTheGoodSeriesAndNamesTheOneWithoutTrainingData() async throws {
        let run = try CommandRun()
        let good = Self.goodRows(months: 48).split(separator: "\n").map(String.init)
        try run.write("train.csv", Self.header + good.prefix(42).joined(separator: "\n") + "\n" + Self.allMissing)
        try run.write("train-good.csv", Self.header + good.prefix(42).joined(separator: "\n") + "\n")
        try run.write("actuals.csv", Self.header + good.suffix(6).joined(separator: "\n") + "\nbad,2022-01,3,\nbad,2022-02,4,\n")
        let forecasts =
            "series,period,model,mean,lo_80,hi_80\n"
            + good.suffix(6).enumerated().map { index, row in
                let fields = row.split(separator: ",")
                let mean = Double(fields[2])! + Double(index % 3) - 1
                return "good,\(fields[1]),naive,\(mean),\(mean - 9),\(mean + 9)\n"
            }.joined() + "bad,2022-01,naive,5,1,9\nbad,2022-02,naive,5,1,9\n"
        try run.write("forecasts.csv", forecasts)
        try run.write("forecasts-good.csv", forecasts.split(separator: "\n").filter { !$0.hasPrefix("bad,") }.joined(separator: "\n") + "\n")
        func arguments(train: String, forecasts: String, output: String, _ extra: [String] = []) -> [String] {
            [
                "accuracy", "--forecasts", run.path(forecasts), "--actuals", run.path("actuals.csv"), "--train", run.path(train),
                "--output", run.path(output),
            ] + extra
        }

        #expect(try await Self.execute(arguments(train: "train-good.csv", forecasts: "forecasts-good.csv", output: "good-out.csv")).isEmpty)
        let (status, stderr) = await Self.status(
            arguments(train: "train.csv", forecasts: "forecasts.csv", output: "mixed-out.csv", ["--notes", run.path("notes.csv")]))
        #expect(status == 0)
        let mixed = try run.read("mixed-out.csv")
        try Golden.check(mixed, against: "batch/accuracy.csv")
        #expect(Golden.firstDifference(Self.withoutBad(mixed), try run.read("good-out.csv")) == nil)
        #expect(mixed.contains("\nbad,naive,0,"))
        #expect(stderr.count == 2)
        #expect(stderr.first?.hasPrefix(run.path("train.csv") + ":44:1: series 'bad' not scored: ") == true)
        #expect(stderr.last == "scorecast accuracy: 1 of 2 series not scored (named above); the other 1 were")
        #expect(try run.read("notes.csv").contains("\nbad,not scored: "))

        let strict = await Self.status(arguments(train: "train.csv", forecasts: "forecasts.csv", output: "strict-out.csv", ["--strict"]))
        #expect(strict.status == 65)
        #expect(!run.exists("strict-out.csv"))
    }
}
