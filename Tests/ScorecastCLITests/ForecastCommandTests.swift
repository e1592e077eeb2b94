import Foundation
import ScorecastCore
import ScorecastTimeSeries
import Testing

@testable import ScorecastCLI

/// `scorecast forecast`, `decompose`, `backtest`, `accuracy` and `models`: golden CSV, order
/// under --jobs, and one-line failures. The numbers are checked against R in
/// ScorecastTimeSeriesTests; these pin the commands' formats and behaviour.
@Suite("scorecast forecast and friends")
struct ForecastCommandTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")!.path
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString).csv").path
    }

    static func forecast(_ arguments: [String]) async throws -> String {
        let output = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try ForecastCommand.parse(arguments + ["--output", output])
        try command.validate()
        try await command.execute()
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    @Test func seasonalNaiveMatchesTheGoldenCSV() async throws {
        let text = try await Self.forecast([Self.fixture("forecast-input"), "--horizon", "3", "--model", "snaive", "--level", "80", "--level", "95"])
        #expect(text == (try String(contentsOfFile: Self.fixture("forecast-expected-snaive"), encoding: .utf8)))
        #expect(text.hasPrefix("series,period,model,model_detail,mean,lo_80,hi_80,lo_95,hi_95\n"))
        // The short series says what it fell back to: the label, then why.
        #expect(text.contains("short,2021-06,naive,naive (fallback: series shorter than one season),5,"))
    }

    @Test func statsforecastHeadersAndOneLevel() async throws {
        let input = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: input) }
        try "unique_id,ds,y\nx,2020-Q1,1\nx,2020-Q2,2\nx,2020-Q3,4\n".write(toFile: input, atomically: true, encoding: .utf8)
        let text = try await Self.forecast([
            input, "--series-column", "unique_id", "--period-column", "ds", "--value-column", "y",
            "--horizon", "2", "--model", "drift", "--level", "90",
        ])
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "series,period,model,model_detail,mean,lo_90,hi_90")
        #expect(lines[1].hasPrefix("x,2020-Q4,drift,drift,5.5,"))
        #expect(lines[2].hasPrefix("x,2021-Q1,drift,drift,7,"))
    }

    /// `auto` is the ensemble with conformal intervals by default; `--intervals model` keeps the
    /// members' combined bounds. Golden CSVs pin both (numbers checked in the library tests).
    @Test(arguments: [("default", "forecast-auto-conformal.csv"), ("model", "forecast-auto-model-intervals.csv")])
    func autoMatchesTheGoldenCSV(intervals: String, golden: String) async throws {
        let text = try await Self.forecast([
            Self.fixture("forecast-input"), "--horizon", "6", "--model", "auto", "--intervals", intervals, "--jobs", "1",
        ])
        try Golden.check(text, against: golden)
        #expect(text.contains("N1652,1994-04,auto,\"mean(ETS("))
    }

    @Test func conformalIntervalsDifferFromTheModelsAndKeepTheMean() async throws {
        let arguments = [Self.fixture("forecast-input"), "--horizon", "6", "--model", "theta", "--jobs", "1"]
        let conformal = try await Self.forecast(arguments + ["--intervals", "conformal"]).split(separator: "\n")
        let model = try await Self.forecast(arguments + ["--intervals", "model"]).split(separator: "\n")
        #expect(conformal.count == model.count)
        let first = conformal.firstIndex { $0.hasPrefix("N1652,") }!
        // mean,lo_80,hi_80,lo_95,hi_95 are the last five fields (the model column may hold commas).
        let conformalFields = Array(conformal[first].split(separator: ",").suffix(5)),
            modelFields = Array(model[first].split(separator: ",").suffix(5))
        #expect(conformalFields[0] == modelFields[0])
        #expect(conformalFields[1] != modelFields[1])
    }

    @Test(arguments: ["naive", "drift", "ets:ANN", "theta", "auto"])
    func nonNegativeSeriesAreNeverForecastNegative(model: String) async throws {
        let input = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: input) }
        // A count falling towards zero: Gaussian intervals would reach below it.
        let values = (0..<48).map { max(0, 40 - $0) + ($0 % 3) }
        try
            ("series,period,value\n"
            + values.enumerated().map { "x,\(2018 + $0.offset / 12)-\(String(format: "%02d", $0.offset % 12 + 1)),\($0.element)" }.joined(
                separator: "\n") + "\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let text = try await Self.forecast([input, "--horizon", "12", "--model", model, "--jobs", "1"])
        for line in text.split(separator: "\n").dropFirst() {
            // The last five fields are mean and bounds (the model column may hold commas).
            for field in line.split(separator: ",").suffix(5) {
                #expect((Double(field) ?? -1) >= 0, "\(model): \(line)")
            }
        }
    }

    @Test func parallelFitsKeepInputOrder() async throws {
        let arguments = [Self.fixture("forecast-input"), "--horizon", "12", "--model", "auto"]
        let serial = try await Self.forecast(arguments + ["--jobs", "1"])
        let parallel = try await Self.forecast(arguments + ["--jobs", "4"])
        #expect(serial == parallel)
    }

    /// `-h` is help, not the horizon: were it the horizon, a later usage error (an unknown
    /// model, say) would be answered with the help text and exit 0.
    @Test func dashHIsHelp() {
        do {
            _ = try ForecastCommand.parse([Self.fixture("forecast-input"), "-h"])
            Issue.record("expected -h to ask for help")
        } catch {
            #expect(ForecastCommand.exitCode(for: error) == .success)
            #expect(ForecastCommand.fullMessage(for: error).contains("--horizon <h>"))
        }
    }

    @Test(arguments: [
        ["--horizon", "0"], ["--horizon", "-3"], ["--horizon", "3", "--model", "prophet"],
        ["--horizon", "3", "--level", "100"], ["--horizon", "3", "--level", "0"], ["--horizon", "3", "--jobs", "0"],
    ])
    func badUsageIsRejected(arguments: [String]) {
        #expect(throws: (any Error).self) {
            let command = try ForecastCommand.parse([Self.fixture("forecast-input")] + arguments)
            try command.validate()
        }
    }

    @Test(arguments: [
        ("series,period,value\na,2021-01,1\na,2021-13,2\n", ":3:3: expected a period YYYY-MM"),
        ("series,period,value\na,2021-01,1\na,2021-01,2\n", ":3:3: expected each period once per series"),
        ("series,period,value\na,2021-01,x\n", ":2:11: expected a number"),
    ])
    func badInputIsADataErrorAndWritesNothing(input: String, message: String) async throws {
        let path = Self.temporaryPath(), output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try input.write(toFile: path, atomically: true, encoding: .utf8)
        let command = try ForecastCommand.parse([path, "--horizon", "2", "--output", output])
        do {
            try await command.execute()
            Issue.record("expected a failure")
        } catch {
            #expect("\(error)".hasPrefix(path + message), "\(error)")
            #expect(!"\(error)".contains("\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func decomposeWritesComponentsAndEffects() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var command = try DecomposeCommand.parse([
            Self.fixture("forecast-input"), "--method", "classical", "--type", "multiplicative", "--output", output,
        ])
        try command.validate()
        // The short series cannot be decomposed: named, not fatal; fatal with --strict.
        try command.execute()
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains(",not decomposed: classical cannot decompose it: "))
        let strict = try DecomposeCommand.parse([
            Self.fixture("forecast-input"), "--method", "classical", "--type", "multiplicative", "--strict", "--output", output + ".strict",
        ])
        #expect(throws: DataError.self) { try strict.execute() }
        #expect(!FileManager.default.fileExists(atPath: output + ".strict"))
        command = try DecomposeCommand.parse([Self.fixture("decompose-input"), "--method", "stl", "--robust", "--output", output])
        try command.execute()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "series,period,value,trend,seasonal,remainder,note")
        #expect(lines.count == 1 + 72)
        command = try DecomposeCommand.parse([
            Self.fixture("decompose-input"), "--method", "classical", "--type", "multiplicative", "--effects", "--output", output,
        ])
        try command.execute()
        let effects = try String(contentsOfFile: output, encoding: .utf8)
        #expect(effects.hasPrefix("series,position,effect,relative_effect,label,note\n"))
        #expect(effects.contains(",August: "))
    }

    @Test func backtestScoresEveryModelAndSummarises() async throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try BacktestCommand.parse([
            Self.fixture("decompose-input"), "--horizon", "6", "--origins", "4", "--step", "2",
            "--model", "snaive", "--model", "naive2", "--output", output,
        ])
        try command.validate()
        try await command.execute()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "series,model,origins,mae,rmse,mape,smape,mase,coverage_80,winkler_80,msis_80,coverage_95,winkler_95,msis_95,note")
        #expect(lines[1].hasPrefix("N2345,snaive,4,"))
        #expect(lines[2].hasPrefix("N2345,naive2,4,"))
        #expect(lines[3].hasPrefix("ALL,snaive,4,"))
    }

    @Test func accuracyScoresAnotherToolsForecastsBySteps() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let train = directory + "/train.csv", test = directory + "/test.csv", forecasts = directory + "/f.csv", output = directory + "/out.csv"
        try "series,period,value\na,2020-01,1\na,2020-02,2\na,2020-03,3\n".write(toFile: train, atomically: true, encoding: .utf8)
        try "series,period,value\na,2020-04,4\na,2020-05,6\n".write(toFile: test, atomically: true, encoding: .utf8)
        try "method,series,step,forecast\nGOOD,a,1,4\nGOOD,a,2,5\nFLAT,a,2,3\nFLAT,a,1,3\n".write(
            toFile: forecasts, atomically: true, encoding: .utf8)
        let command = try AccuracyCommand.parse([
            "--forecasts", forecasts, "--actuals", test, "--train", train,
            "--model-column", "method", "--step-column", "step", "--forecast-column", "forecast", "--output", output,
        ])
        try command.execute()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "series,model,n,mae,rmse,mape,smape,mase,owa,note")
        // GOOD: errors 0 and 1 → MAE 0.5; the scale (lag-1 MAE of 1,2,3) is 1.
        #expect(lines[1].hasPrefix("a,GOOD,2,0.5,"))
        #expect(lines[3].hasPrefix("a,FLAT,2,2,"))
        // FLAT is Naive2 here (a non-seasonal series): OWA exactly 1.
        #expect(lines[4].hasPrefix("ALL,FLAT,1,2,") && lines[4].hasSuffix(",1,"))
    }

    @Test func modelsListsTheCatalogue() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try ModelsCommand.parse(["--output", output]).execute()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("name,summary,default_intervals,auto_member,auto_last_resort\nauto,"))
        let rows = text.split(separator: "\n").dropFirst()
        func flags(_ name: String) -> [Substring] {
            rows.first { $0.hasPrefix(name + ",") }.map { Array($0.split(separator: ",").suffix(3)) } ?? []
        }
        #expect(flags("naive") == ["model", "false", "true"])
        #expect(flags("snaive") == ["model", "false", "true"])
        #expect(flags("arima") == ["conformal", "true", "false"])
        #expect(flags("glm") == ["model", "false", "false"])
        #expect(rows.count == ModelCatalogue.entries.count)
    }
}
