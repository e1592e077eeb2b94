import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An interrupted run leaves nothing behind: the real `scorecast` executable, stopped by a
/// signal while it writes its output (or while its scratch folder exists), removes its
/// temporary files and folders and ends with that signal (``InterruptCleanup``).
@Suite("Interrupted runs")
struct InterruptTests {
    /// 400 monthly series of ten years: long enough a batch that the run is still forecasting
    /// when the signal comes.
    static var batch: String {
        monthlyBatchText(series: 400, months: 120, firstYear: 2010) { index, month in
            100 + Double(index % 37) * 5 + 20 * sin(Double(month + index) * Double.pi / 6) + Double((month * 7 + index) % 11)
        }
    }

    /// Starts `arguments` in `run`'s directory with `environment` added, waits until
    /// `started(run)` holds (at most 60 s), sends `signal`, and returns how the process ended
    /// (killed after 30 s more, recorded as a failure, if the signal does not end it).
    static func interrupt(
        _ arguments: [String], in run: CommandRun, environment: [String: String] = [:], signal signalNumber: Int32,
        once started: (CommandRun) -> Bool
    ) throws -> (reason: Process.TerminationReason, status: Int32, sawStart: Bool) {
        let process = Process()
        process.executableURL = BadInputTableTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: run.directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var sawStart = false
        while process.isRunning && Date() < deadline {
            if started(run) {
                sawStart = true
                break
            }
            usleep(2_000)
        }
        kill(process.processIdentifier, signalNumber)
        // A run the signal does not end would hang the suite: give it 30 s, then SIGKILL.
        let ending = Date().addingTimeInterval(30)
        while process.isRunning && Date() < ending { usleep(2_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("signal \(signalNumber) did not end the run within 30 s")
        }
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, sawStart)
    }

    /// `forecast` stopped while its output is a temporary file: the file is gone, no output is
    /// written, and the process ends by the signal itself.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func forecastLeavesNoTemporaryFile(signal signalNumber: Int32) throws {
        #expect(FileManager.default.isExecutableFile(atPath: BadInputTableTests.executable.path))
        let run = try CommandRun()
        try run.write("batch.csv", Self.batch)
        let ended = try Self.interrupt(
            ["forecast", "batch.csv", "--horizon", "12", "--model", "auto:local", "--jobs", "2", "--output", "out.csv"], in: run,
            signal: signalNumber
        ) { run in run.contents().contains { $0.hasPrefix(".out.csv.tmp-") } }
        #expect(ended.sawStart, "the temporary output never appeared")
        #expect(ended.reason == .uncaughtSignal && ended.status == signalNumber, "\(ended)")
        #expect(run.contents() == ["batch.csv"])
    }

    /// `backtest-903` stopped while its scratch folder of synthetic returns exists (under
    /// `TMPDIR`): the folder is gone.
    @Test func backtest903LeavesNoScratchFolder() throws {
        let run = try CommandRun()
        try FileManager.default.createDirectory(atPath: run.path("tmp"), withIntermediateDirectories: true)
        let ended = try Self.interrupt(
            ["backtest-903", "--councils", "50", "--output", "out.csv"], in: run, environment: ["TMPDIR": run.path("tmp")],
            signal: SIGTERM
        ) { run in run.contents("tmp").contains { $0.hasPrefix("scorecast-backtest-903-") } }
        #expect(ended.sawStart, "the scratch folder never appeared")
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGTERM, "\(ended)")
        #expect(run.contents("tmp").isEmpty)
        #expect(!run.exists("out.csv"))
    }
}
