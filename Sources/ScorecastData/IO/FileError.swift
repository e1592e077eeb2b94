#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that could not be opened, read or written: not a data error. The command line
/// exits 66 (`EX_NOINPUT`) for an input and 73 (`EX_CANTCREAT`) for an output.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whether the file was being read or written.
    public enum Operation: String, Sendable {
        case read, write
    }

    /// The file's path as given.
    public var path: String
    public var operation: Operation
    /// The operating system's reason (`No such file or directory`).
    public var reason: String
    /// The `errno` value behind it (0 when none).
    public var errorNumber: Int32

    public init(path: String, operation: Operation, reason: String, errorNumber: Int32 = 0) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.errorNumber = errorNumber
    }

    /// The error `errno` describes now, for `path`.
    public static func current(_ path: String, _ operation: Operation) -> FileError {
        let number = errno
        return FileError(path: path, operation: operation, reason: String(cString: strerror(number)), errorNumber: number)
    }

    /// Whether the file does not exist.
    public var isMissing: Bool { errorNumber == ENOENT }

    public var description: String { "\(path): cannot \(operation.rawValue): \(reason)" }
}
