import ArgumentParser
import Foundation
import Testing

@testable import ScorecastCLI
@testable import ScorecastData

@Suite("scorecast import-scorecard and scorecard")
struct ScorecardCommandTests {
    static let text = Golden.fixture("southampton-childrens-services-scorecard-2021-08.txt").path
    static let decisions = Golden.fixture("indicator-decisions.csv").path

    func imported() throws -> CommandRun {
        let run = try CommandRun()
        try run.run(["import-scorecard", Self.text, "--month", "2021-08", "--out", run.path("tidy"), "--catalogue", Self.decisions])
        return run
    }

    @Test func importWritesTheFiveTidyFilesAsInTheGoldenSnapshots() throws {
        let run = try imported()
        #expect(run.contents("tidy") == ScorecardImport.fileNames.sorted())
        for name in ScorecardImport.fileNames {
            try Golden.check(try run.read("tidy/" + name), against: "import/" + name)
        }
    }

    @Test func scorecardLongAndWideMatchTheGoldenSnapshots() throws {
        let run = try imported()
        try run.run(["scorecard", run.path("tidy"), "--month", "2021-08", "--output", run.path("long.csv")])
        try Golden.check(try run.read("long.csv"), against: "scorecard-2021-08.csv")
        try run.run(["scorecard", run.path("tidy"), "--month", "2021-08", "--format", "wide", "-o", run.path("wide.csv")])
        try Golden.check(try run.read("wide.csv"), against: "scorecard-2021-08-wide.csv")
    }

    static let header = "series,period,value\n"

    /// Must show: each kind of bad input gets one line FILE:LINE:COLUMN, exit 65, no output file.
    @Test(arguments: [
        (
            "unterminated quote", header + "M1,2021-07,5\n\"M1,2021-08,6\n",
            "3:1: expected a closing quote for the field opened here, found the end of the file"
        ),
        ("wrong field count", header + "M1,2021-07,5,9\n", "2:14: expected 3 fields as in the header, found 4"),
        ("non-numeric value", header + "M1,2021-07,five\n", "2:12: expected a number in column 'value', found 'five'"),
        (
            "duplicate series and period", header + "M1,2021-07,5\nM1,2021-08,6\nM1,2021-07,7\n",
            "4:4: expected each period once per series, found 2021-07 of series 'M1' again (first on line 2)"
        ),
        (
            "unknown period format", header + "M1,07/2021,5\n",
            "2:4: expected a period YYYY-MM, YYYY-Qn or YYYY, or a date YYYY-MM-DD or DD/MM/YYYY, in column 'period', found '07/2021'"
        ),
        ("empty file", "", "1:1: expected a header row naming the columns series,period,value, found an empty file"),
        ("binary junk", "\u{7F}ELF\u{2}\u{1}\u{1}\u{0}", "1:1: expected text, found the control byte 0x7F (is this a binary file?)"),
    ])
    func badObservationsAreReportedWithExit65AndNoOutput(name: String, observations: String, message: String) throws {
        let run = try CommandRun()
        try run.write("tidy/indicators.csv", "code,unit,polarity\nM1,count,neutral\n")
        try run.write("tidy/observations.csv", observations)
        let arguments = ["scorecard", run.path("tidy"), "--month", "2021-08", "--output", run.path("out/scorecard.csv")]
        try FileManager.default.createDirectory(atPath: run.path("out"), withIntermediateDirectories: true)
        let failure = try run.failure(arguments)
        #expect(failure.message == run.path("tidy/observations.csv") + ":" + message, "\(name)")
        #expect(!failure.message.contains("\n"))
        #expect(failure.status == 65)
        #expect(throws: ExitCode(65)) { try run.run(arguments) }
        #expect(run.contents("out").isEmpty, "no partial output for \(name)")
    }

    @Test func badScorecardTextIsReportedWithExit65AndNothingWritten() throws {
        let run = try CommandRun()
        try run.write("empty.txt", "")
        try run.write("junk.bin", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE]))
        for (file, message) in [
            ("empty.txt", "1:1: expected a scorecard: indicator blocks with a number row each, found none"),
            ("junk.bin", "1:6: expected UTF-8 text, found the byte 0xFF (is this a binary file?)"),
        ] {
            let arguments = ["import-scorecard", run.path(file), "--month", "2021-08", "--out", run.path("tidy")]
            let failure = try run.failure(arguments)
            #expect(failure.message == run.path(file) + ":" + message)
            #expect(failure.status == 65)
            #expect(throws: ExitCode(65)) { try run.run(arguments) }
            #expect(!run.exists("tidy"))
        }
    }

    @Test func unplacedLinesFailTheImportUnlessLenient() throws {
        let run = try CommandRun()
        var lines = try String(contentsOfFile: Self.text, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[40] = ""
        lines[42] = ""
        try run.write("damaged.txt", lines.joined(separator: "\n"))
        let arguments = ["import-scorecard", run.path("damaged.txt"), "--month", "2021-08", "--out", run.path("tidy")]
        #expect(throws: ExitCode(65)) { try run.run(arguments) }
        #expect(!run.exists("tidy"))
        try run.run(arguments + ["--lenient"])
        #expect(run.contents("tidy") == ScorecardImport.fileNames.sorted())
    }

    @Test func missingInputIsExit66() throws {
        let run = try CommandRun()
        let failure = try run.failure(["scorecard", run.path("nowhere"), "--month", "2021-08"])
        #expect(failure.status == 66)
        #expect(failure.message == run.path("nowhere") + "/indicators.csv: cannot read: No such file or directory")
    }
}
