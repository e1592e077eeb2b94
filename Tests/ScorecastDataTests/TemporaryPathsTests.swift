import Testing

@testable import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an interrupted run would remove (``TemporaryPaths``): an output's temporary file
/// until it is committed or dropped, a scratch folder until it is removed. (``TemporaryPaths/removeAll()``
/// ends the process's registrations, so it is tested through the executable: `InterruptTests`.)
@Suite("Temporary paths")
struct TemporaryPathsTests {
    /// The registered paths inside `folder`.
    static func registered(in folder: String) -> [String] {
        TemporaryPaths.registered.filter { $0.hasPrefix(folder + "/") }
    }

    /// Committed or dropped, the output's temporary file is registered only while it exists.
    @Test(arguments: [true, false])
    func outputFilesAreRegisteredUntilDone(commit: Bool) throws {
        let directory = try TemporaryDirectory.make()
        do {
            let output = try OutputFile(path: directory.path + "/out.csv")
            try output.write("a\n")
            let temporary = Self.registered(in: directory.path)
            #expect(temporary.count == 1 && temporary[0].hasPrefix(directory.path + "/.out.csv.tmp-"))
            #expect(directory.contents() == temporary.map { String($0.dropFirst(directory.path.count + 1)) })
            if commit { try output.commit() }
        }
        #expect(Self.registered(in: directory.path).isEmpty)
        #expect(directory.contents() == (commit ? ["out.csv"] : []))
    }

    /// A scratch folder takes nested files, is registered, and goes whole on `remove()`.
    @Test func temporaryFolderWritesNestedFilesAndRemovesThem() throws {
        let folder = try TemporaryFolder(prefix: "scorecast-scratch-test")
        #expect(TemporaryPaths.registered.contains(folder.path))
        try folder.write(Array("x\n".utf8), to: "2024/a/header.csv")
        try folder.write(Array("y\n".utf8), to: "top.csv")
        let nested = try TemporaryDirectory(path: folder.path("2024/a")).read("header.csv")
        #expect(nested == "x\n")
        #expect(TemporaryDirectory(path: folder.path).contents() == ["2024", "top.csv"])
        folder.remove()
        #expect(access(folder.path, F_OK) != 0)
        #expect(!TemporaryPaths.registered.contains(folder.path))
    }

    /// A file where a folder must go is a write error naming it, not a crash.
    @Test func aFileInTheWayIsAWriteError() throws {
        let folder = try TemporaryFolder(prefix: "scorecast-scratch-test")
        defer { folder.remove() }
        try folder.write(Array("x\n".utf8), to: "2024")
        #expect(throws: FileError.self) { try folder.write(Array("y\n".utf8), to: "2024/header.csv") }
        #expect(TemporaryDirectory(path: folder.path).contents() == ["2024"])
    }
}
