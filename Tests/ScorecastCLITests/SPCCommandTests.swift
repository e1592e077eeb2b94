import Foundation
import Testing
@testable import ScorecastCLI

/// Golden snapshot of `scorecast spc` and its failures. The numbers themselves are checked
/// against NHSRplotthedots in ScorecastSPCTests; this pins the command's CSV format.
@Suite("scorecast spc")
struct SPCCommandTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")!.path
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("spc-\(UUID().uuidString).csv").path
    }

    @Test func matchesTheGoldenCSV() throws {
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = try SPCCommand.parse([Self.fixture("spc-input"), "--target", Self.fixture("spc-targets"), "--rebase", "2020-06", "--output", output])
        try command.validate()
        try command.execute()
        let expected = try String(contentsOfFile: Self.fixture("spc-expected"), encoding: .utf8)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == expected)
        // The seven-point series says it has too few points and invents no limits.
        #expect(expected.contains("b,2021-08,56,,,,,,too_few_points,\n"))
    }

    @Test(arguments: [["--fix-after", "11"], ["--rebase", "2020-13"], ["--improvement", "up"]])
    func badUsageIsRejected(arguments: [String]) {
        #expect(throws: (any Error).self) {
            let command = try SPCCommand.parse([Self.fixture("spc-input")] + arguments)
            try command.validate()
        }
    }

    @Test func aTargetForAnUnknownSeriesIsADataErrorAndWritesNothing() throws {
        let targets = Self.temporaryPath()
        let output = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: targets) }
        try "series,target\nzz,4\n".write(toFile: targets, atomically: true, encoding: .utf8)
        let command = try SPCCommand.parse([Self.fixture("spc-input"), "--target", targets, "--output", output])
        #expect(throws: (any Error).self) { try command.execute() }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
