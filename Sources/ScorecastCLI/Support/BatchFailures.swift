import ArgumentParser
import ScorecastCore
import ScorecastData

/// `--notes FILE` and `--strict`: what a batch command does with series it cannot analyse.
///
/// Include with `@OptionGroup var batch: BatchOptions` in a command that analyses every series
/// of a file and collects its failures in ``BatchFailures``.
struct BatchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the series that could not be analysed, and why, as CSV series,note to this file.", valueName: "path"))
    var notes: String?

    @Flag(help: "Exit 65, writing nothing, when any series cannot be analysed.")
    var strict = false
}

/// The series of a batch that could not be analysed, reported the way every batch command
/// reports them: one bad series never sinks the batch.
///
/// A command records each failure (``record(_:file:reason:)``) and still writes a row
/// saying so in its own table; when every series is done it calls ``reportFailures(strict:)``
/// before committing its output (each failure is named on standard error as
/// `FILE:LINE:COLUMN: series 'X' not <outcome>: why`, and under `--strict` the first is thrown,
/// so the command exits 65 having written nothing), then ``finish(total:notes:)`` after
/// (the `--notes` file and the count line `scorecast <command>: N of M series not <outcome>
/// (named above); the other K were`). `forecast` set the wording; the others follow it.
struct BatchFailures {
    /// The subcommand, as in `scorecast backtest: ...`.
    let command: String
    /// What happened to the series that could be analysed, as a past participle
    /// ("forecast", "backtested", "decomposed").
    let outcome: String
    /// The failures, in input order.
    private(set) var failures: [DataError] = []
    /// The `--notes` table: `series,note`, failures and any other notes the command adds.
    private(set) var notesTable: CSVWriter

    init(command: String, outcome: String) {
        self.command = command
        self.outcome = outcome
        notesTable = CSVWriter()
        notesTable.writeRecord(["series", "note"])
    }

    /// Whether every series so far was analysed.
    var isEmpty: Bool { failures.isEmpty }

    /// The note a failed series' row carries: `not <outcome>: why`.
    func note(reason: String) -> String { "not \(outcome): \(reason)" }

    /// Records that the series `observed`, read from `file`, could not be analysed because of
    /// `reason`; its stderr line is placed at the series' first row. Returns the note for the
    /// series' row in the command's own table.
    @discardableResult
    mutating func record(_ observed: ObservedSeries, file: String, reason: String) -> String {
        let note = note(reason: reason)
        failures.append(DataError(file: file, series: observed, expected: "series \(DataError.quote(observed.name)) \(note)"))
        addNote(series: observed.name, note: note)
        return note
    }

    /// Adds a note that is not a failure (a fallback, say) to the `--notes` table.
    mutating func addNote(series: String, note: String) {
        notesTable.writeRecord([series, note])
    }

    /// Names every failure on standard error; under `strict` throws the first, so that the
    /// command exits 65 before its output is committed.
    func reportFailures(strict: Bool) throws {
        for failure in failures { printError(failure.description) }
        if strict, let first = failures.first { throw first }
    }

    /// Writes the `--notes` file (when `notes` is given) and, when any series failed, the count
    /// line on standard error; `total` is the number of series in the batch.
    func finish(total: Int, notes: String?) throws {
        if let notes { try OutputFile.write(notesTable.bytes, to: notes) }
        if !failures.isEmpty {
            printError(
                "scorecast \(command): \(failures.count) of \(total) series not \(outcome) (named above); the other \(total - failures.count) were")
        }
    }
}

/// Why one series of a batch could not be analysed, in words (for results computed
/// concurrently, which carry it back to be recorded in ``BatchFailures``).
struct SeriesFailure: Error, Sendable {
    var reason: String

    init(_ error: any Error) { reason = String(describing: error) }

    init(reason: String) { self.reason = reason }
}
