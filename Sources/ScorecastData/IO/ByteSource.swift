#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `read(2)`, named so it does not clash with ``ByteSource/read(into:)``.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Where a reader's bytes come from: a file read in chunks, standard input, or bytes in memory.
///
/// Files are read in chunks of ``chunkSize`` bytes, so a reader can hand out its first records
/// before the end of a large file has been read, and memory stays bounded by the chunk size.
public final class ByteSource {
    /// The name used in error messages.
    public let name: String
    /// Bytes asked of the operating system per read.
    public static let chunkSize = 1 << 20

    private enum Origin {
        case fileDescriptor(Int32, closeWhenDone: Bool)
        case memory
    }

    private var origin: Origin
    private var pending: [UInt8]?

    /// Opens the file at `path` for reading (`-` reads standard input).
    ///
    /// - Throws: ``FileError`` when the file cannot be opened.
    public init(path: String) throws(FileError) {
        if path == "-" {
            self.name = "<stdin>"
            self.origin = .fileDescriptor(0, closeWhenDone: false)
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileError.current(path, .read) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw FileError(path: path, operation: .read, reason: "is a directory", errorNumber: EISDIR)
        }
        self.name = path
        self.origin = .fileDescriptor(descriptor, closeWhenDone: true)
    }

    /// Bytes already in memory, named `name` in error messages.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        self.origin = .memory
        self.pending = bytes
    }

    /// UTF-8 text already in memory, named `name` in error messages.
    public convenience init(text: String, name: String) {
        self.init(bytes: Array(text.utf8), name: name)
    }

    deinit {
        if case .fileDescriptor(let descriptor, true) = origin { close(descriptor) }
    }

    /// Replaces `buffer`'s contents with the next bytes; leaves it empty at the end of input.
    ///
    /// - Throws: ``FileError`` on a read error.
    public func read(into buffer: inout [UInt8]) throws(FileError) {
        buffer.removeAll(keepingCapacity: true)
        switch origin {
        case .memory:
            if let bytes = pending {
                buffer = bytes
                pending = nil
            }
        case .fileDescriptor(let descriptor, _):
            var failure: FileError?
            buffer = [UInt8](unsafeUninitializedCapacity: ByteSource.chunkSize) { storage, initialized in
                while true {
                    let count = posixRead(descriptor, storage.baseAddress, storage.count)
                    if count >= 0 {
                        initialized = count
                        return
                    }
                    if errno == EINTR { continue }
                    failure = FileError.current(name, .read)
                    initialized = 0
                    return
                }
            }
            if let failure { throw failure }
        }
    }

    /// Reads everything that is left.
    public func readAll() throws(FileError) -> [UInt8] {
        var all: [UInt8] = []
        var chunk: [UInt8] = []
        while true {
            try read(into: &chunk)
            if chunk.isEmpty { return all }
            if all.isEmpty { swap(&all, &chunk) } else { all.append(contentsOf: chunk) }
        }
    }
}
