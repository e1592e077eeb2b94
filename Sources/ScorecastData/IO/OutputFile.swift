#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written whole or not at all: a file, or standard output.
///
/// For a file, bytes go to a temporary file in the target's own directory (so the final
/// `rename(2)` is atomic on the same file system); ``commit()`` renames it into place. If the
/// output is dropped without a commit (an error was thrown while producing it), the temporary
/// file is removed and any earlier file at the path is left untouched. Until then the
/// temporary file is registered with ``TemporaryPaths``, so an interrupted run removes it.
///
/// Standard output cannot be taken back, so by default its bytes are held until ``commit()``;
/// a command that streams (writes the first series' results before the last is read) passes
/// `streaming: true` and accepts that an error half way leaves the earlier rows printed.
///
/// An existing file that may not be written (no write permission for the caller, or no write
/// bit at all, which even the superuser respects here) is refused with a ``FileError`` when
/// the output is opened and again just before the rename: `rename(2)` needs only the
/// directory's permission and would otherwise replace a file its owner marked read-only.
public final class OutputFile {
    /// The path given, or `nil` for standard output.
    public let path: String?
    private let streaming: Bool
    private var descriptor: Int32
    private var temporaryPath: String?
    private var held: [UInt8] = []
    private var committed = false
    /// Whether `descriptor` is a device or pipe opened at `path` (closed when done).
    private var isSpecialFile = false

    /// Opens an output at `path`, or standard output when `path` is `nil` or `-`.
    ///
    /// - Throws: ``FileError`` when the temporary file cannot be created (a missing or
    ///   read-only directory).
    public init(path: String?, streaming: Bool = false) throws(FileError) {
        self.streaming = streaming
        guard let path, path != "-" else {
            self.path = nil
            self.descriptor = 1
            return
        }
        self.path = path
        try Self.checkReplaceable(path)
        if Self.isSpecial(path) {
            // A device or named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place,
            // as standard output is: renaming a file over it would replace the device itself.
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw FileError.current(path, .write) }
            self.descriptor = descriptor
            self.isSpecialFile = true
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((directory + "." + base + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileError.current(path, .write) }
        self.descriptor = descriptor
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.temporaryPath = temporaryPath
        TemporaryPaths.register(file: temporaryPath)
        // mkstemp creates the file 0600; give it the mode a plain creat(2) would.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
    }

    deinit {
        if let temporaryPath, !committed {
            close(descriptor)
            unlink(temporaryPath)
            TemporaryPaths.unregister(temporaryPath)
        }
        if isSpecialFile && !committed { close(descriptor) }
    }

    /// Appends `bytes` to the output.
    public func write(_ bytes: [UInt8]) throws(FileError) {
        precondition(!committed, "write after commit")
        if temporaryPath == nil && !streaming {
            held.append(contentsOf: bytes)
        } else {
            try writeAll(bytes)
        }
    }

    /// Appends `text` (UTF-8) to the output.
    public func write(_ text: String) throws(FileError) {
        try write(Array(text.utf8))
    }

    /// Completes the output: renames the temporary file into place, or writes what standard
    /// output held.
    public func commit() throws(FileError) {
        precondition(!committed, "commit twice")
        if let temporaryPath, let path {
            let closed = close(descriptor)
            committed = true
            // Renamed into place or unlinked below: either way no longer this process's to remove.
            defer { TemporaryPaths.unregister(temporaryPath) }
            guard closed == 0 else {
                let failure = FileError.current(path, .write)
                unlink(temporaryPath)
                throw failure
            }
            do {
                try Self.checkReplaceable(path)
            } catch {
                unlink(temporaryPath)
                throw error
            }
            guard rename(temporaryPath, path) == 0 else {
                let failure = FileError.current(path, .write)
                unlink(temporaryPath)
                throw failure
            }
        } else {
            committed = true
            defer { if isSpecialFile { close(descriptor) } }
            try writeAll(held)
            held = []
        }
    }

    /// Whether `path` exists and is neither a regular file nor a directory: a character or
    /// block device, a named pipe or a socket.
    static func isSpecial(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// Throws when `path` names an existing file that may not be written: one without write
    /// permission for this process, or with no write bit for anyone (a file marked read-only,
    /// respected even when running as the superuser, who `access(2)` lets write anything).
    /// A missing file is fine (it will be created).
    static func checkReplaceable(_ path: String) throws(FileError) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, operation: .write, reason: "Is a directory", errorNumber: EISDIR)
        }
        if (status.st_mode & S_IFMT) != S_IFREG { return }
        if access(path, W_OK) != 0 || (status.st_mode & 0o222) == 0 {
            throw FileError(
                path: path, operation: .write, reason: "the file is read-only; not replacing it (make it writable or choose another path)",
                errorNumber: EACCES)
        }
    }

    /// Writes `bytes` to `path` (or standard output for `nil`) whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String?) throws(FileError) {
        let output = try OutputFile(path: path)
        try output.write(bytes)
        try output.commit()
    }

    private func writeAll(_ bytes: [UInt8]) throws(FileError) {
        var failure: FileError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = FileError.current(path ?? "<stdout>", .write)
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }
}

/// `write(2)`, named so it does not clash with ``OutputFile/write(_:)``.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
