#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder of this process's own under the temporary directory (`$TMPDIR`, else
/// `/tmp`), made by `mkdtemp(3)`: scratch space for files a command writes and reads back
/// (synthetic returns to import), for tests and for benchmarks.
///
/// The folder is registered with ``TemporaryPaths`` until ``remove()``, so an interrupted run
/// removes it too. Files go in with ``write(_:to:)``, which makes the folders a relative path
/// leads through (`2024/header.csv` needs `2024/`).
public struct TemporaryFolder: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Makes `TMPDIR/<prefix>-XXXXXX`.
    ///
    /// - Throws: ``FileError`` (write) when the folder cannot be made.
    public init(prefix: String) throws(FileError) {
        let environment = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        let base = environment.isEmpty ? "/tmp" : (environment.hasSuffix("/") ? String(environment.dropLast()) : environment)
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw FileError.current(base, .write)
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        TemporaryPaths.register(folder: path)
    }

    /// The absolute path of `relativePath` inside the folder.
    public func path(_ relativePath: String) -> String { path + "/" + relativePath }

    /// Writes `bytes` to `relativePath` inside the folder, whole or not at all
    /// (``OutputFile``), making the folders the path leads through.
    ///
    /// - Throws: ``FileError`` (write) when a folder or the file cannot be made.
    public func write(_ bytes: [UInt8], to relativePath: String) throws(FileError) {
        var folder = path
        for part in relativePath.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw FileError.current(folder, .write) }
        }
        try OutputFile.write(bytes, to: path(relativePath))
    }

    /// Removes the folder with everything in it.
    public func remove() {
        removeItem(path, isFolder: true)
        TemporaryPaths.unregister(path)
    }
}
