import Foundation

/// Helpers shared by the libFuzzer harnesses in `Fuzz/Harnesses` (compiled into each by
/// `scripts/fuzz`, never into the package).
///
/// A harness must not crash on any input: every error the reader throws is the expected
/// outcome for bad bytes, so harnesses catch and discard errors. A crash, a sanitizer report or
/// a hang is the finding.
enum FuzzInput {
    /// The fuzzer's bytes as an array.
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Writes `bytes` to a per-process scratch file (under `/dev/shm` when it exists, so the
    /// readers that take a path are exercised without touching the disk) and returns its path.
    static func scratchFile(_ bytes: [UInt8], suffix: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(folder)/scorecast-fuzz-\(getpid())\(suffix)"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
