import Foundation
import Synchronization
import Testing

@testable import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("OutputFile")
struct OutputFileTests {
    @Test func writesWholeFileOnCommit() throws {
        let directory = try TemporaryDirectory.make()
        let output = try OutputFile(path: directory.path + "/out.csv")
        try output.write("a,b\n")
        #expect(directory.contents().count == 1 && directory.contents()[0].hasPrefix(".out.csv.tmp-"))
        try output.write("1,2\n")
        try output.commit()
        #expect(directory.contents() == ["out.csv"])
        #expect(try directory.read("out.csv") == "a,b\n1,2\n")
    }

    @Test func leavesNothingAndKeepsTheOldFileWhenNotCommitted() throws {
        let directory = try TemporaryDirectory.make()
        try OutputFile.write(Array("old\n".utf8), to: directory.path + "/out.csv")
        do {
            let output = try OutputFile(path: directory.path + "/out.csv")
            try output.write("partial\n")
        }
        #expect(directory.contents() == ["out.csv"])
        #expect(try directory.read("out.csv") == "old\n")
    }

    @Test func refusesToReplaceAReadOnlyFile() throws {
        let directory = try TemporaryDirectory.make()
        let path = directory.path + "/out.csv"
        try OutputFile.write(Array("kept\n".utf8), to: path)
        #expect(chmod(path, 0o444) == 0)
        #expect(throws: FileError.self) { try OutputFile.write(Array("new\n".utf8), to: path) }
        #expect(try directory.read("out.csv") == "kept\n")
        #expect(directory.contents() == ["out.csv"])
    }

    @Test func refusesAFileMadeReadOnlyWhileWriting() throws {
        let directory = try TemporaryDirectory.make()
        let path = directory.path + "/out.csv"
        try OutputFile.write(Array("kept\n".utf8), to: path)
        let output = try OutputFile(path: path)
        try output.write("new\n")
        #expect(chmod(path, 0o444) == 0)
        #expect(throws: FileError.self) { try output.commit() }
        #expect(try directory.read("out.csv") == "kept\n")
        #expect(directory.contents() == ["out.csv"])
    }

    /// A named pipe (like `/dev/null` or `/dev/stdout`) is written through, never replaced by
    /// a renamed regular file.
    @Test func writesThroughANamedPipeWithoutReplacingIt() throws {
        let directory = try TemporaryDirectory.make()
        let path = directory.path + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Thread {
            let descriptor = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 64)
            var received: [UInt8] = []
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received += buffer[0..<count]
            }
            close(descriptor)
            OutputFileTests.received.withLock { $0 = received }
        }
        reader.start()
        try OutputFile.write(Array("through\n".utf8), to: path)
        while OutputFileTests.received.withLock({ $0 == nil }) { usleep(1000) }
        #expect(OutputFileTests.received.withLock { $0 } == Array("through\n".utf8))
        var status = stat()
        #expect(stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(directory.contents() == ["pipe"])
    }

    static let received = Mutex<[UInt8]?>(nil)

    @Test func reportsAMissingDirectory() throws {
        let directory = try TemporaryDirectory.make()
        #expect(throws: FileError.self) { try OutputFile(path: directory.path + "/no/such/out.csv") }
    }

    @Test func reportsAMissingInput() throws {
        #expect(throws: FileError(path: "/no/such/file.csv", operation: .read, reason: "No such file or directory", errorNumber: 2)) {
            try ByteSource(path: "/no/such/file.csv")
        }
    }
}
