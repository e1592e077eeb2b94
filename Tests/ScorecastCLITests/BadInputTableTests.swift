import Foundation
import ScorecastData
import Testing

/// The bad-input table of issue 20: every case run through the real `scorecast` executable
/// (a child process, as a user runs it), checking the exit status, the first line on standard
/// error (`FILE:LINE:COLUMN: what was expected` for bad data) and whether an output file was
/// left behind. The expected table is `Fixtures/golden/bad-input-table.csv`
/// (`SCORECAST_UPDATE_GOLDEN=1` rewrites it; review the diff).
///
/// Accepted on purpose (exit 0, output written): a quoted field with an embedded line break,
/// a byte order mark, CRLF line endings, periods out of order within a series (sorted), a gap
/// (missing), `-0` (zero), series of one or two values (one value: no interval), all zero;
/// a series with no observed value is named on standard error and left out (exit 0; exit 65
/// and nothing written with `--strict`).
@Suite("Bad input table")
struct BadInputTableTests {
    /// One row of the table: the files written into a fresh directory and the arguments.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: [UInt8]]
        var arguments: [String]
        var description: String { name }

        /// A `forecast` of `input.csv` holding `text`, into `out.csv`.
        static func forecast(_ name: String, _ text: String, horizon: String = "2", model: String = "naive", _ extra: [String] = []) -> Case {
            forecast(name, Array(text.utf8), horizon: horizon, model: model, extra)
        }

        static func forecast(_ name: String, _ bytes: [UInt8], horizon: String = "2", model: String = "naive", _ extra: [String] = []) -> Case {
            Case(
                name: name, files: ["input.csv": bytes, "catalogue.csv": Array(catalogue.utf8)],
                arguments: ["forecast", "input.csv", "--horizon", horizon, "--model", model, "--output", "out.csv"] + extra)
        }
    }

    static let header = "series,period,value\n"
    static let twoMonths = header + "a,2020-01,5\na,2020-02,6\n"
    static let headerWithStatus = "series,period,value,status\n"
    static let catalogue = "code,unit,polarity\nM1,count,neutral\nM3,percent,neutral\n"

    static let cases: [Case] = [
        .forecast("empty file", ""),
        .forecast("header only", header),
        .forecast("truncated last line", header + "a,2020-01,5\na,2020-02,6\na,2020-0"),
        .forecast("ragged row", header + "a,2020-01,5\na,2020-02,6,7\n"),
        .forecast("quoted field with an embedded newline", header + "\"a\nb\",2020-01,5\n\"a\nb\",2020-02,6\n"),
        .forecast("invalid UTF-8", Array(header.utf8) + [0x61, 0xFF] + Array(",2020-01,5\n".utf8)),
        .forecast("byte order mark", [0xEF, 0xBB, 0xBF] + Array(twoMonths.utf8)),
        .forecast("CRLF line endings", twoMonths.replacingOccurrences(of: "\n", with: "\r\n")),
        .forecast("duplicate period", header + "a,2020-01,5\na,2020-01,6\n"),
        .forecast("periods out of order", header + "a,2020-02,6\na,2020-01,5\na,2020-03,7\n"),
        .forecast("gap", header + "a,2020-01,5\na,2020-03,7\n"),
        .forecast("five-million-character line", header + "a,2020-01," + String(repeating: "9", count: 5_000_000) + "\n"),
        .forecast("value 1e309", header + "a,2020-01,5\na,2020-02,1e309\n"),
        .forecast("value NaN", header + "a,2020-01,5\na,2020-02,NaN\n"),
        .forecast("value -0", header + "a,2020-01,5\na,2020-02,-0\n"),
        .forecast("negative count", header + "M1,2020-01,5\nM1,2020-02,-3\n", ["--indicators", "catalogue.csv"]),
        .forecast("unknown model", twoMonths, model: "prophet"),
        .forecast("horizon 0", twoMonths, horizon: "0"),
        Case(
            name: "output in a missing directory", files: ["input.csv": Array(twoMonths.utf8)],
            arguments: ["forecast", "input.csv", "--horizon", "2", "--model", "naive", "--output", "missing/out.csv"]),
        .forecast("series of length 1", header + "a,2020-01,5\n"),
        .forecast("series of length 2", twoMonths),
        .forecast("all missing", headerWithStatus + "a,2020-01,,suppressed\na,2020-02,,suppressed\n"),
        .forecast("all missing, strict", headerWithStatus + "a,2020-01,,suppressed\na,2020-02,,suppressed\n", ["--strict"]),
        .forecast("all zero", header + "a,2020-01,0\na,2020-02,0\na,2020-03,0\n"),
    ]

    /// What one run did.
    struct Outcome {
        var status: Int32
        var firstErrorLine: String
        var outputWritten: Bool
        /// The output's records after the header, when written.
        var outputRows: [[String]]
        /// Files in the directory that the case did not write (temporary files left behind).
        var strayFiles: [String]
    }

    /// The `scorecast` executable built beside the test bundle.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("scorecast")
    }

    /// Writes the case's files into a fresh directory and runs `scorecast` there.
    static func run(_ testCase: Case) throws -> Outcome {
        let run = try CommandRun()
        for (name, bytes) in testCase.files { try run.write(name, Data(bytes)) }
        return try execute(testCase.arguments, in: run, inputs: Set(testCase.files.keys))
    }

    static func execute(_ arguments: [String], in run: CommandRun, inputs: Set<String>) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: run.directory)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stderr, as: UTF8.self)
        let output = arguments.firstIndex(of: "--output").map { arguments[$0 + 1] } ?? ""
        return Outcome(
            status: process.terminationStatus,
            firstErrorLine: String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""),
            outputWritten: run.exists(output),
            outputRows: Array(((try? CSVReader(path: run.path(output)).readAllRecords()) ?? []).dropFirst()),
            strayFiles: run.contents().filter { !inputs.contains($0) && $0 != output })
    }

    /// The table as CSV: case, exit status, first line on standard error, output written.
    @Test func everyCaseAsTheGoldenTableSays() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build scorecast first: \(Self.executable.path)")
        var table = CSVWriter()
        table.writeRecord(["case", "exit", "output_rows", "first_output_row", "message"])
        for testCase in Self.cases {
            let outcome = try Self.run(testCase)
            #expect(outcome.strayFiles.isEmpty, "\(testCase.name) left \(outcome.strayFiles)")
            if outcome.status != 0 {
                #expect(!outcome.outputWritten, "\(testCase.name) failed but wrote its output")
                #expect(!outcome.firstErrorLine.isEmpty, "\(testCase.name) failed without a message")
            }
            table.writeRecord([
                testCase.name, String(outcome.status), outcome.outputWritten ? String(outcome.outputRows.count) : "none",
                outcome.outputRows.first?.joined(separator: " | ") ?? "", outcome.firstErrorLine,
            ])
        }
        try Golden.check(table.text, against: "bad-input-table.csv")
    }

    /// Cases issue 22 settled (a maximum horizon, a clear message for a negative horizon,
    /// percentages outside 0 to 100 refused, read-only outputs kept).
    @Test(arguments: [
        ("100000", Int32(64), "100000"),
        ("-3", Int32(64), "-3"),
    ])
    func horizonsOutOfRangeAreUsageErrors(horizon: String, status: Int32, mentions: String) throws {
        let outcome = try Self.run(.forecast("horizon " + horizon, Self.twoMonths, horizon: horizon))
        #expect(outcome.status == status)
        #expect(outcome.firstErrorLine.contains(mentions) && outcome.firstErrorLine.contains("horizon"), "\(outcome.firstErrorLine)")
        #expect(!outcome.outputWritten)
    }

    @Test func aPercentageOf140IsBadData() throws {
        let outcome = try Self.run(
            .forecast("percentage of 140", Self.header + "M3,2020-01,50\nM3,2020-02,140\n", ["--indicators", "catalogue.csv"]))
        #expect(outcome.status == 65)
        #expect(outcome.firstErrorLine.hasPrefix("input.csv:3:"), "\(outcome.firstErrorLine)")
        #expect(!outcome.outputWritten)
    }

    @Test func aReadOnlyOutputIsNotReplaced() throws {
        let run = try CommandRun()
        try run.write("input.csv", Self.twoMonths)
        try run.write("out.csv", "keep me\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: run.path("out.csv"))
        let outcome = try Self.execute(
            ["forecast", "input.csv", "--horizon", "2", "--model", "naive", "--output", "out.csv"], in: run, inputs: ["input.csv"])
        #expect(outcome.status == 73)
        #expect(outcome.firstErrorLine.hasPrefix("out.csv"), "\(outcome.firstErrorLine)")
        #expect((try? run.read("out.csv")) == "keep me\n")
    }
}
