import ArgumentParser
import Foundation
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `scorecast` subcommand: its work goes in `execute()`, and `run()` reports failures the
/// same way for every subcommand (see ``reportingFailures(_:)``).
protocol ScorecastCommand: ParsableCommand {
    func execute() throws
}

extension ScorecastCommand {
    func run() throws {
        try reportingFailures { try execute() }
    }
}

/// An asynchronous `scorecast` subcommand (one that fits series concurrently).
protocol AsyncScorecastCommand: AsyncParsableCommand {
    func execute() async throws
}

extension AsyncScorecastCommand {
    func run() async throws {
        do {
            try await execute()
        } catch {
            throw reportedFailure(error)
        }
    }
}

/// Runs `body`; turns the failures users cause into one line on standard error and the
/// `sysexits(3)` status scripts expect.
///
/// - ``DataError`` (bad input): `FILE:LINE:COLUMN: what was expected`, exit 65 (`EX_DATAERR`).
/// - ``FileError`` reading (an input that cannot be opened or read): exit 66 (`EX_NOINPUT`).
/// - ``FileError`` writing (an output that cannot be created or written): exit 73 (`EX_CANTCREAT`).
/// - `TimeSeriesError` (a series unfit for what was asked, with no location): exit 65.
///
/// Anything else (argument-parser's usage errors, exit 64) passes through unchanged.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        throw reportedFailure(error)
    }
}

/// Prints the one-line report for `error` and returns the exit code to throw, or `error`
/// itself when it is not one Scorecast reports.
func reportedFailure(_ error: any Error) -> any Error {
    let status: Int32
    switch error {
    case is DataError, is TimeSeriesError: status = 65
    case let error as FileError: status = error.operation == .read ? 66 : 73
    default: return error
    }
    printError(String(describing: error))
    return ExitCode(status)
}

/// Writes `message` and a line break to standard error (or to ``StandardError/capture`` when
/// a test has set one); nothing once the run is interrupted.
func printError(_ message: String) {
    if let capture = StandardError.capture {
        capture.append(message)
        return
    }
    // After an interrupt, failures are the cleanup's doing (InterruptCleanup), not the input's.
    guard !InterruptCleanup.isInterrupted else { return }
    let line = Array((message + "\n").utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}

/// Where ``printError(_:)`` writes: standard error, unless a task (a test) captures the lines.
enum StandardError {
    /// The lines written while set, for tests that check what a command says on standard error.
    @TaskLocal static var capture: CapturedLines?
}

/// Lines written to standard error while captured (see ``StandardError/capture``).
final class CapturedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    init() {}

    /// The lines so far, in the order written.
    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }
}
