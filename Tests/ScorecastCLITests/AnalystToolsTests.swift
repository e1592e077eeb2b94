import ArgumentParser
import Foundation
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries
import Testing

@testable import ScorecastCLI

/// Issue 22, "works the way analysts' tools work": any row order, dates as people have them,
/// statsforecast and fable columns, the install, progress, limits and sense checks, exit
/// statuses. Golden CSVs in Fixtures/golden/analyst pin the formats (the numbers are checked
/// against R in the library suites); the install test runs scripts/install into a temporary
/// prefix and `compare` from `/`.
@Suite("scorecast works the way analysts' tools work")
struct AnalystToolsTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")!.path
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `scorecast` executable built beside this test bundle.
    static var executable: String {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("scorecast").path
    }

    /// Runs `arguments` in-process, awaiting asynchronous commands.
    static func run(_ arguments: [String]) async throws {
        let command = try Scorecast.parseAsRoot(arguments)
        if var asynchronous = command as? any AsyncParsableCommand {
            try await asynchronous.run()
        } else {
            var synchronous = command
            try synchronous.run()
        }
    }

    /// The exit status and one-line message `arguments` fail with (0 and "" when they succeed).
    static func failure(_ arguments: [String]) async -> (status: Int32, message: String) {
        do {
            let command = try Scorecast.parseAsRoot(arguments)
            if let asynchronous = command as? any AsyncScorecastCommand {
                try await asynchronous.execute()
            } else if let synchronous = command as? any ScorecastCommand {
                try synchronous.execute()
            }
            return (0, "")
        } catch {
            if let code = (reportedFailure(error) as? ExitCode)?.rawValue, error is DataError || error is FileError || error is TimeSeriesError {
                return (code, String(describing: error))
            }
            return (Scorecast.exitCode(for: error).rawValue, Scorecast.message(for: error))
        }
    }

    /// The rows of a tidy CSV (header first) with a second series: a copy of the first
    /// series' rows named `NAME-copy`, values plus 10, so interleaving has something to interleave.
    static func twoSeries(_ path: String) throws -> (header: String, series: [[String]]) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var bySeries: [(String, [String])] = []
        for line in lines.dropFirst() {
            let name = String(line.split(separator: ",", maxSplits: 1)[0])
            if let index = bySeries.firstIndex(where: { $0.0 == name }) { bySeries[index].1.append(line) } else { bySeries.append((name, [line])) }
        }
        if bySeries.count == 1 {
            let (name, rows) = bySeries[0]
            bySeries.append(
                (
                    name + "-copy",
                    rows.map { row in
                        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                        fields[0] = name + "-copy"
                        fields[2] = CSVNumber.format((Double(fields[2]) ?? 0) + 10)
                        return fields.joined(separator: ",")
                    }
                ))
        }
        return (lines[0], bySeries.map(\.1))
    }

    /// Grouped (each series' rows together) and interleaved (one row of each series in turn,
    /// so the series first appear in the same order) texts of the same rows.
    static func groupedAndInterleaved(_ path: String) throws -> (grouped: String, interleaved: String) {
        let (header, series) = try twoSeries(path)
        let grouped = ([header] + series.flatMap { $0 }).joined(separator: "\n") + "\n"
        var interleaved = [header]
        for index in 0..<(series.map(\.count).max() ?? 0) {
            for rows in series where index < rows.count { interleaved.append(rows[index]) }
        }
        return (grouped, interleaved.joined(separator: "\n") + "\n")
    }

    // MARK: any row order

    @Test(arguments: [
        ("forecast-input", ["forecast", "--horizon", "3", "--model", "snaive"], "rows-forecast.csv"),
        ("forecast-input", ["backtest", "--horizon", "3", "--origins", "2", "--model", "naive", "--model", "snaive"], "rows-backtest.csv"),
        ("decompose-input", ["decompose"], "rows-decompose.csv"),
        ("spc-input", ["spc"], "rows-spc.csv"),
        ("calendar-cafcass-input", ["effects"], "rows-effects.csv"),
        ("calendar-cafcass-input", ["explain", "--month", "2013-08"], "rows-explain.csv"),
    ])
    func interleavedRowsGiveByteIdenticalOutput(input: String, command: [String], golden: String) async throws {
        let run = try CommandRun()
        let (grouped, interleaved) = try Self.groupedAndInterleaved(Self.fixture(input))
        #expect(grouped != interleaved)
        try run.write("grouped.csv", grouped)
        try run.write("interleaved.csv", interleaved)
        try await Self.run([command[0], run.path("grouped.csv")] + command.dropFirst() + ["--output", run.path("from-grouped.csv")])
        try await Self.run([command[0], run.path("interleaved.csv")] + command.dropFirst() + ["--output", run.path("from-interleaved.csv")])
        let fromGrouped = try run.read("from-grouped.csv"), fromInterleaved = try run.read("from-interleaved.csv")
        #expect(fromGrouped == fromInterleaved)
        try Golden.check(fromInterleaved, against: "analyst/" + golden)
    }

    @Test func interleavedStandardInputIsGroupedToo() async throws {
        let run = try CommandRun()
        let (grouped, interleaved) = try Self.groupedAndInterleaved(Self.fixture("forecast-input"))
        try run.write("grouped.csv", grouped)
        try run.write("interleaved.csv", interleaved)
        let fromFile = try Self.process(["forecast", run.path("grouped.csv"), "--horizon", "2", "--model", "naive"])
        let fromStandardInput = try Self.process(["forecast", "-", "--horizon", "2", "--model", "naive"], standardInput: run.path("interleaved.csv"))
        #expect(fromFile.status == 0 && fromStandardInput.status == 0)
        #expect(fromFile.output == fromStandardInput.output)
    }

    // MARK: dates and other tools' columns

    /// The forecast fixture as statsforecast's long frame (`unique_id,ds,y`, ISO dates), the
    /// last three months of each series held out as actuals.
    static func statsforecastFrames(in run: CommandRun, dateFormat: (Int, Int) -> String = { String(format: "%04d-%02d-01", $0, $1) }) throws {
        let lines = try String(contentsOfFile: fixture("forecast-input"), encoding: .utf8).split(separator: "\n").dropFirst()
        var bySeries: [(String, [(Int, Int, String)])] = []
        for line in lines {
            let fields = line.split(separator: ",").map(String.init)
            let period = try #require(Period(parsing: fields[1]))
            let row = (period.year, period.position, fields[2])
            if let index = bySeries.firstIndex(where: { $0.0 == fields[0] }) {
                bySeries[index].1.append(row)
            } else {
                bySeries.append((fields[0], [row]))
            }
        }
        var train = "unique_id,ds,y\n", test = "unique_id,ds,y\n"
        for (name, rows) in bySeries {
            for (index, row) in rows.enumerated() {
                let line = "\(name),\(dateFormat(row.0, row.1)),\(row.2)\n"
                if index >= rows.count - 3 { test += line } else { train += line }
            }
        }
        try run.write("train.csv", train)
        try run.write("test.csv", test)
    }

    @Test func statsforecastFramesForecastAndRoundTripThroughAccuracy() async throws {
        let run = try CommandRun()
        try Self.statsforecastFrames(in: run)
        try await Self.run([
            "forecast", run.path("train.csv"), "--horizon", "3", "--model", "snaive", "--output-format", "statsforecast", "--output",
            run.path("forecast.csv"),
        ])
        let forecast = try run.read("forecast.csv")
        #expect(forecast.hasPrefix("unique_id,ds,snaive,snaive-lo-95,snaive-lo-80,snaive-hi-80,snaive-hi-95\nN1652,1994-01-01,"))
        try Golden.check(forecast, against: "analyst/forecast-statsforecast.csv")
        try await Self.run([
            "accuracy", "--forecasts", run.path("forecast.csv"), "--actuals", run.path("test.csv"), "--train", run.path("train.csv"),
            "--output", run.path("accuracy.csv"),
        ])
        let accuracy = try run.read("accuracy.csv")
        try Golden.check(accuracy, against: "analyst/accuracy-statsforecast.csv")
        let rows = Golden.rows(accuracy)
        let coverage = try #require(rows[0].firstIndex(of: "coverage_80"))
        #expect(rows[0].contains("coverage_95"))
        // snaive's 80% interval of N1652 holds two of the three held-out months (by hand from test.csv).
        #expect(rows[1][0] == "N1652" && rows[1][1] == "snaive" && Double(rows[1][coverage]) == 2.0 / 3)
    }

    @Test func ukDatesAndISODatesReadAsTheirMonths() async throws {
        let run = try CommandRun()
        try Self.statsforecastFrames(in: run, dateFormat: { String(format: "%02d/%02d/%04d", 28, $1, $0) })
        try await Self.run(["forecast", run.path("train.csv"), "--horizon", "3", "--model", "snaive", "--output", run.path("uk.csv")])
        let periods = try CommandRun()
        try Self.statsforecastFrames(in: periods, dateFormat: { String(format: "%04d-%02d", $0, $1) })
        try await Self.run(["forecast", periods.path("train.csv"), "--horizon", "3", "--model", "snaive", "--output", periods.path("periods.csv")])
        #expect(try run.read("uk.csv") == periods.read("periods.csv"))
    }

    @Test func fableColumnsAndISOPeriods() async throws {
        let run = try CommandRun()
        try await Self.run([
            "forecast", Self.fixture("forecast-input"), "--horizon", "2", "--model", "ets", "--output-format", "fable", "--period-format", "iso",
            "--jobs", "1", "--output", run.path("fable.csv"),
        ])
        let text = try run.read("fable.csv")
        #expect(text.hasPrefix("series,period,.model,.mean,80%_lower,80%_upper,95%_lower,95%_upper\nN1652,1994-04-01,"))
        try Golden.check(text, against: "analyst/forecast-fable.csv")
    }

    @Test func quarterlyDatesAreInferredOrSet() async throws {
        let run = try CommandRun()
        try run.write("q.csv", "unique_id,ds,y\nq,2020-03-31,1\nq,2020-06-30,2\nq,2020-12-31,4\nq,2021-03-31,5\n")
        try await Self.run(["forecast", run.path("q.csv"), "--horizon", "1", "--model", "naive", "--output", run.path("inferred.csv")])
        #expect(try run.read("inferred.csv").contains("\nq,2021-Q2,naive,naive,5,"))
        // Annual: 2020's three quarters are one year, so the year is repeated.
        let failure = await Self.failure(["forecast", run.path("q.csv"), "--horizon", "1", "--model", "naive", "--frequency", "annual"])
        #expect(failure.status == 65 && failure.message.contains("q.csv:3:3: expected each period once per series, found 2020 of series 'q' again"))
    }

    @Test func actualsDatedOnceAreReadAtTheTrainingFrequency() async throws {
        let run = try CommandRun()
        try run.write("train.csv", "unique_id,ds,y\nq,2020-03-31,1\nq,2020-06-30,2\nq,2020-09-30,4\nq,2020-12-31,5\n")
        // One date alone would be read as a month; here it is the quarter the training data implies.
        try run.write("test.csv", "unique_id,ds,y\nq,2021-03-31,6\n")
        try await Self.run([
            "forecast", run.path("train.csv"), "--horizon", "1", "--model", "naive", "--output-format", "statsforecast", "--output",
            run.path("forecast.csv"),
        ])
        #expect(try run.read("forecast.csv").hasPrefix("unique_id,ds,naive,naive-lo-95,naive-lo-80,naive-hi-80,naive-hi-95\nq,2021-01-01,5,"))
        try await Self.run([
            "accuracy", "--forecasts", run.path("forecast.csv"), "--actuals", run.path("test.csv"), "--train", run.path("train.csv"),
            "--output", run.path("accuracy.csv"),
        ])
        let rows = Golden.rows(try run.read("accuracy.csv"))
        #expect(rows[1][0] == "q" && rows[1][2] == "1" && rows[1][3] == "1")  // n = 1, MAE |6 - 5|
    }

    @Test func modelIsAShortLabelAndModelDetailHasTheParameters() async throws {
        let run = try CommandRun()
        try await Self.run([
            "forecast", Self.fixture("forecast-input"), "--horizon", "1", "--model", "theta", "--jobs", "1", "--output", run.path("theta.csv"),
        ])
        let rows = Golden.rows(try run.read("theta.csv"))
        #expect(Array(rows[0].prefix(5)) == ["series", "period", "model", "model_detail", "mean"])
        for row in rows.dropFirst() {
            #expect(!row[2].contains("=") && row[2].count <= 12, "\(row[2])")
            #expect(row[3].hasPrefix(row[2].components(separatedBy: " ")[0]))
        }
    }

    @Test(arguments: [
        ("mean(ETS(M,N,N) (AICc-weighted), DOTM(α=0.503, θ=1.0), ARIMA(3,0,0)(1,1,0)[12] with drift)", "auto", "auto"),
        ("ETS(M,N,N) (AICc-weighted)", "ets", "ETS(M,N,N)"),
        ("ETS(M,Ad,M)", "ets:MAdM", "ETS(M,Ad,M)"),
        ("DOTM(α=0.107, θ=∞)", "theta", "DOTM"),
        ("ARIMA(3,0,0)(1,1,0)[12] with drift", "arima", "ARIMA(3,0,0)(1,1,0)[12] with drift"),
        ("GLM(negbin, trend on, fourier1, calendar)", "glm", "GLM"),
        ("naive (fallback: series shorter than one season)", "snaive", "naive"),
        ("seasonal naive", "snaive", "seasonal naive"),
    ])
    func modelLabels(detail: String, requested: String, label: String) {
        #expect(ModelLabel.short(detail: detail, requested: requested) == label)
    }

    // MARK: limits and sense checks

    @Test(arguments: [
        (["--horizon", "0"], "--horizon must be at least 1 (the number of periods to forecast), found 0"),
        (["--horizon", "-3"], "--horizon must be at least 1 (the number of periods to forecast), found -3"),
        (["--horizon", "1201"], "--horizon must be at most 1200 periods (100 years of months), found 1201"),
        (["--horizon", "100000"], "--horizon must be at most 1200 periods (100 years of months), found 100000"),
        (["--horizon", "3", "--level", "-5"], "--level must be a percentage in (0, 100), found -5"),
    ])
    func horizonAndLevelLimitsAreUsageErrors(arguments: [String], message: String) async {
        for command in ["forecast", "backtest"] {
            let failure = await Self.failure([command, Self.fixture("forecast-input")] + arguments)
            #expect(failure.status == 64)
            #expect(failure.message.contains(message), "\(failure.message)")
        }
    }

    @Test func aForecastPastTheYear9999IsRefused() async throws {
        let run = try CommandRun()
        try run.write("late.csv", "series,period,value\nlate,9990,1\nlate,9991,2\nlate,9992,3\nearly,2020,1\nearly,2021,2\n")
        let failure = await Self.failure(["forecast", run.path("late.csv"), "--horizon", "10", "--model", "naive", "--strict"])
        #expect(failure.status == 65)
        #expect(failure.message.contains("late.csv:2:1: series 'late' not forecast"), "\(failure.message)")
        #expect(failure.message.contains("its forecast would end in 10002, after 9999"), "\(failure.message)")
        try await Self.run(["forecast", run.path("late.csv"), "--horizon", "10", "--model", "naive", "--output", run.path("out.csv")])
        let rows = Golden.rows(try run.read("out.csv"))
        #expect(rows.count == 11 && rows.dropFirst().allSatisfy { $0[0] == "early" })
    }

    static let percentIndicators = "code,title,unit,polarity,frequency\nrate,Re-referrals,percent,lower_is_better,monthly\n"

    @Test func percentagesOutsideZeroToAHundredAreRefusedOrWarned() async throws {
        let run = try CommandRun()
        try run.write("indicators.csv", Self.percentIndicators)
        try run.write(
            "p.csv", "series,period,value\nrate,2021-01,20\nrate,2021-02,140\nrate,2021-03,25\ncount,2021-01,-4\ncount,2021-02,300\n")
        let failure = await Self.failure([
            "forecast", run.path("p.csv"), "--horizon", "1", "--model", "naive", "--indicators", run.path("indicators.csv"),
        ])
        #expect(failure.status == 65)
        #expect(
            failure.message
                == run.path("p.csv")
                + ":3:14: expected a percentage from 0 to 100 in column 'value' (series 'rate' is a percentage), found '140'; --allow-out-of-range keeps it"
        )
        try await Self.run([
            "forecast", run.path("p.csv"), "--horizon", "1", "--model", "naive", "--indicators", run.path("indicators.csv"), "--allow-out-of-range",
            "--output", run.path("out.csv"),
        ])
        let rows = Golden.rows(try run.read("out.csv"))
        #expect(rows.map { $0[0] } == ["series", "rate", "count"])
        // Negative numbers are values: the count series' -4 was read (naive forecasts its last value).
        #expect(rows[2][4] == "300")
    }

    @Test func aReadOnlyOutputIsNotReplaced() async throws {
        let run = try CommandRun()
        try run.write("kept.csv", "kept\n")
        #expect(chmod(run.path("kept.csv"), 0o444) == 0)
        let failure = await Self.failure([
            "forecast", Self.fixture("forecast-input"), "--horizon", "1", "--model", "naive", "--output", run.path("kept.csv"),
        ])
        #expect(failure.status == 73)
        #expect(failure.message.hasPrefix(run.path("kept.csv") + ": cannot write: the file is read-only"), "\(failure.message)")
        #expect(try run.read("kept.csv") == "kept\n")
        #expect(run.contents() == ["kept.csv"])
    }

    @Test func effectsIntervalsAreOrderedForNegativeSeries() async throws {
        let run = try CommandRun()
        var text = "series,period,value\n"
        for month in 0..<48 {
            let value = -100 - 20 * sin(Double(month) * .pi / 6) - Double(month % 5)
            text += "neg,\(2018 + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(CSVNumber.format(value))\n"
        }
        try run.write("neg.csv", text)
        try await Self.run(["effects", run.path("neg.csv"), "--family", "gaussian", "--output", run.path("effects.csv")])
        let rows = Golden.rows(try run.read("effects.csv"))
        let effects = rows.dropFirst().filter { Double($0[3]) != nil }
        #expect(effects.count >= 12)
        for row in effects { #expect(Double(row[3])! <= Double(row[4])!, "\(row)") }
    }

    @Test func explainingAMonthPastTheDataSaysSo() async throws {
        let run = try CommandRun()
        try await Self.run([
            "explain", Self.fixture("calendar-cafcass-input"), "--month", "2030-01", "--output", run.path("explain.csv"),
        ])
        let rows = Golden.rows(try run.read("explain.csv"))
        #expect(rows[1].last?.contains("--month 2030-01 is 105 periods after the last observed value (2021-04)") == true, "\(rows[1])")
        let inData = try CommandRun()
        try await Self.run(["explain", Self.fixture("calendar-cafcass-input"), "--month", "2013-06", "--output", inData.path("explain.csv")])
        #expect(try inData.read("explain.csv").contains("after the last observed value") == false)
    }

    // MARK: models, help, install, progress

    @Test func modelsListsTheRegistryTruthfully() async throws {
        let run = try CommandRun()
        try await Self.run(["models", "--output", run.path("models.csv")])
        let rows = Golden.rows(try run.read("models.csv"))
        #expect(rows[0] == ["name", "summary", "default_intervals", "auto_member", "auto_last_resort"])
        #expect(rows.dropFirst().map { $0[0] } == ModelCatalogue.entries.map(\.name))
        let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        // auto's ensemble is ets, theta and arima; naive and friends are only its last resort.
        for name in ["naive", "snaive", "drift", "naive2"] { #expect(byName[name]?[3] == "false" && byName[name]?[4] == "true") }
        for name in ["ets", "theta", "arima"] { #expect(byName[name]?[3] == "true") }
        #expect(byName["mean"]?[3] == "false" && byName["mean"]?[4] == "false")
    }

    @Test func everyHelpDocumentsTheExitStatuses() {
        var commands: [any ParsableCommand.Type] = [Scorecast.self]
        var index = 0
        while index < commands.count {
            commands += commands[index].configuration.subcommands
            index += 1
        }
        #expect(commands.count > 20)
        for command in commands {
            let help = command.helpMessage(columns: 10_000)
            #expect(help.contains("Exit status: 0 success; 64 usage error"), "\(command.configuration.commandName ?? "?")")
            #expect(help.contains("66 an input cannot be opened or read; 73 an output cannot be written"))
        }
    }

    /// Runs the executable with `arguments` in `directory`, standard error to a pipe.
    static func process(
        _ arguments: [String], executable: String = executable, directory: String = "/", environment: [String: String]? = nil,
        standardInput: String? = nil
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let standardInput { process.standardInput = FileHandle(forReadingAtPath: standardInput) }
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test func compareWorksFromTheRootDirectoryAfterInstall() throws {
        let run = try CommandRun()
        let prefix = run.path("prefix")
        let install = try Self.process(
            [Self.repository.appendingPathComponent("scripts/install").path, prefix], executable: "/bin/bash",
            environment: ["SCORECAST_INSTALL_BINARY": Self.executable, "PATH": "/usr/bin:/bin", "HOME": run.directory])
        #expect(install.status == 0, "\(install.error)")
        let environment = ["PATH": "/usr/bin:/bin"]
        let compare = try Self.process(
            ["compare", "--la", "Southampton", "--year", "2021"], executable: prefix + "/bin/scorecast", environment: environment)
        #expect(compare.status == 0, "\(compare.error)")
        let rows = Golden.rows(compare.output)
        #expect(rows.count > 10 && rows[0].prefix(4) == ["measure", "year", "la_code", "la_name"] && rows[1][3] == "Southampton")
        // The same table as from the checkout.
        let fromCheckout = try Self.process(["compare", "--la", "Southampton", "--year", "2021"], directory: Self.repository.path)
        #expect(fromCheckout.output == compare.output)
        let doctor = try Self.process(["doctor", "--order", "8"], executable: prefix + "/bin/scorecast", environment: environment)
        #expect(doctor.output.contains("\ndata_directory,\(prefix)/share/scorecast\ndata_found_by,install\n"), "\(doctor.output)")
        // SCORECAST_DATA wins, and a folder without the data is reported, not used.
        let elsewhere = try Self.process(
            ["compare", "--la", "Southampton", "--year", "2021"], executable: prefix + "/bin/scorecast",
            environment: environment.merging(["SCORECAST_DATA": run.path("nothing")]) { $1 })
        #expect(elsewhere.status == 66, "\(elsewhere.error)")
        #expect(elsewhere.error.contains(run.path("nothing") + "/dfe"), "\(elsewhere.error)")
    }

    @Test func bundledDataCandidatesInOrder() {
        let found = BundledData.candidates(environment: nil, executable: "/opt/sc/bin/scorecast", workingDirectory: "/home/a")
        #expect(found.map(\.directory) == ["/opt/sc/share/scorecast", "/home/a/notebooks-data"])
        let checkout = BundledData.candidates(
            environment: nil, executable: "/src/scorecast/.build/x86_64-unknown-linux-gnu/release/scorecast", workingDirectory: "/")
        #expect(checkout.map(\.foundBy) == ["install", "checkout", "working directory"])
        #expect(checkout[1].directory == "/src/scorecast/notebooks-data")
        #expect(BundledData.candidates(environment: "/data", executable: "/x/bin/scorecast", workingDirectory: "/").map(\.directory) == ["/data"])
    }

    @Test func progressInALogIsALineAtEachIntervalAndAtTheEnd() throws {
        let result = try Self.process([
            "forecast", Self.fixture("forecast-input"), "--horizon", "2", "--model", "naive", "--jobs", "1", "--progress", "always",
            "--progress-interval", "0",
        ])
        #expect(result.status == 0)
        let lines = result.error.split(separator: "\n").filter { $0.hasPrefix("forecast: ") }
        #expect(lines.count == 4, "\(result.error)")  // one per series at interval 0, and the last
        #expect(lines[0].hasPrefix("forecast: 1 of 3 series (33%) after "), "\(lines)")
        #expect(lines[0].contains(" per second, about ") && lines[0].hasSuffix(" left"), "\(lines)")
        #expect(lines[3].hasPrefix("forecast: 3 of 3 series (100%) after "), "\(lines)")
        let quiet = try Self.process(["forecast", Self.fixture("forecast-input"), "--horizon", "2", "--model", "naive"])
        #expect(!quiet.error.contains("forecast: 1"), "auto stays quiet when standard error is not a terminal")
    }

    @Test(arguments: [(42.4, "42 s"), (189, "3 min 9 s"), (7500, "2 h 5 min")])
    func progressDurations(seconds: Double, text: String) {
        #expect(ProgressReporter.duration(seconds) == text)
    }
}
