import Foundation
import ScorecastCore
import Testing

@testable import ScorecastCLI

/// Golden snapshot of `scorecast spc` and its failures. The numbers themselves are checked
/// against NHSRplotthedots in ScorecastSPCTests; this pins the command's CSV format.
@Suite("scorecast spc")
struct SPCCommandTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")!.path
    }

    @Test func matchesTheGoldenCSV() throws {
        let run = try CommandRun()
        try run.run([
            "spc", Self.fixture("spc-input"), "--target", Self.fixture("spc-targets"), "--rebase", "2020-06", "--output", run.path("out.csv"),
        ])
        let expected = try String(contentsOfFile: Self.fixture("spc-expected"), encoding: .utf8)
        #expect(try run.read("out.csv") == expected)
        // The seven-point series says it has too few points and invents no limits.
        #expect(expected.contains("b,2021-08,56,,,,,,too_few_points,\n"))
    }

    @Test func seasonalSPCOfAShortSeriesHasTooFewPoints() throws {
        let run = try CommandRun()
        try run.run(["spc", Self.fixture("spc-input"), "--seasonal", "--output", run.path("out.csv")])
        let rows = try run.read("out.csv").split(separator: "\n").dropFirst()
        // Series a has 30 points, enough to learn a season (24); series b has 7.
        #expect(rows.filter { $0.hasPrefix("b,") }.allSatisfy { $0.hasSuffix(",too_few_points,") })
        #expect(rows.filter { $0.hasPrefix("a,") }.allSatisfy { !$0.contains("too_few_points") })
    }

    @Test(arguments: [["--fix-after", "11"], ["--rebase", "2020-13"], ["--improvement", "up"]])
    func badUsageIsRejected(arguments: [String]) {
        #expect(throws: (any Error).self) {
            _ = try Scorecast.parseAsRoot(["spc", Self.fixture("spc-input")] + arguments)
        }
    }

    @Test(arguments: [
        ("series,target\nzz,4\n", "targets.csv:2:1: expected a series of the input, found 'zz', which is not in it"),
        ("series,target\na,x4\n", "targets.csv:2:3: expected a number in column 'target', found 'x4'"),
        ("series,target,improvement\na,4,up\n", "targets.csv:2:5: expected improvement increase, decrease or neutral, found 'up'"),
        ("series,goal\na,4\n", "targets.csv:1:1: expected a column named 'target' or 'improvement' in the header, found series,goal"),
    ])
    func badTargetsAreDataErrorsAndWriteNothing(targets: String, message: String) throws {
        let run = try CommandRun()
        try run.write("targets.csv", targets)
        let failure = try run.failure(["spc", Self.fixture("spc-input"), "--target", run.path("targets.csv"), "--output", run.path("out.csv")])
        #expect(failure.status == 65)
        #expect(failure.message == run.path("") + message)
        #expect(!run.exists("out.csv"))
    }
}
