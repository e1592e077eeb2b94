import Foundation
import ArgumentParser
import Testing
@testable import ScorecastCLI
@testable import ScorecastData

/// Runs `scorecast` in-process, with files in a fresh temporary directory.
struct CommandRun {
    let directory: String

    init() throws {
        var template = Array("/tmp/scorecast-cli-test-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { throw CocoaError(.fileWriteUnknown) }
        directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func contents(_ name: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(name))) ?? []).sorted()
    }

    /// Parses and runs `arguments` as the command line would.
    func run(_ arguments: [String]) throws {
        var command = try Scorecast.parseAsRoot(arguments)
        try command.run()
    }

    /// Runs `arguments` expecting a data error: returns the one line reported and the exit status.
    func failure(_ arguments: [String]) throws -> (message: String, status: Int32) {
        let command = try Scorecast.parseAsRoot(arguments)
        guard let scorecastCommand = command as? any ScorecastCommand else {
            Issue.record("not a ScorecastCommand")
            return ("", 0)
        }
        do {
            try scorecastCommand.execute()
        } catch {
            let status = (reportedFailure(error) as? ExitCode)?.rawValue ?? -1
            return (String(describing: error), status)
        }
        Issue.record("expected a failure from \(arguments)")
        return ("", 0)
    }
}

/// Golden CSV snapshots in Fixtures/golden. Set SCORECAST_UPDATE_GOLDEN=1 to rewrite them
/// from the current output (then review the diff before committing).
enum Golden {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["SCORECAST_UPDATE_GOLDEN"] == "1" {
            let url = sourceDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: fixture("golden/" + name), encoding: .utf8)
        #expect(actual == expected, "output differs from golden/\(name)", sourceLocation: sourceLocation)
    }
}
