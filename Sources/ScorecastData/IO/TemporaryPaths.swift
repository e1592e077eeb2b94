import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files and folders this process has made and not yet renamed into place or
/// removed: what an interrupted run removes before it ends.
///
/// ``OutputFile`` registers its temporary file from `mkstemp(3)` until the file is renamed
/// into place or unlinked; ``TemporaryFolder`` registers its folder until it is removed. The
/// `scorecast` executable calls ``removeAll()`` when it is interrupted (SIGINT, SIGTERM,
/// SIGHUP), from an ordinary thread rather than a signal handler, and then ends with the
/// signal. From then on a path registered is removed at once: the process is ending, and a
/// worker thread may still be opening an output.
///
/// - Complexity: O(1) to register or unregister a path; ``removeAll()`` is linear in the
///   files it removes.
public enum TemporaryPaths {
    /// Registers the temporary file at `path`.
    public static func register(file path: String) { registry.add(path, isFolder: false) }

    /// Registers the temporary folder at `path` (removed with everything in it).
    public static func register(folder path: String) { registry.add(path, isFolder: true) }

    /// Forgets `path`: it was renamed into place or removed.
    public static func unregister(_ path: String) { registry.remove(path) }

    /// Removes every registered file and folder, and any registered later.
    public static func removeAll() { registry.removeAll() }

    /// The paths registered now, sorted.
    public static var registered: [String] { registry.paths }

    /// Whether ``removeAll()`` has begun: the process is ending.
    public static var isEnding: Bool { registry.isEnding }

    private static let registry = Registry()

    /// The registered paths behind a lock: outputs are opened and committed from many tasks.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        /// Path → whether it is a folder.
        private var entries: [String: Bool] = [:]
        private var ending = false

        func add(_ path: String, isFolder: Bool) {
            let removeNow = lock.withLock {
                if !ending { entries[path] = isFolder }
                return ending
            }
            if removeNow { removeItem(path, isFolder: isFolder) }
        }

        func remove(_ path: String) {
            _ = lock.withLock { entries.removeValue(forKey: path) }
        }

        func removeAll() {
            let removing = lock.withLock {
                ending = true
                defer { entries = [:] }
                return entries
            }
            for (path, isFolder) in removing { removeItem(path, isFolder: isFolder) }
        }

        var paths: [String] { lock.withLock { entries.keys.sorted() } }

        var isEnding: Bool { lock.withLock { ending } }
    }
}

/// Removes the file at `path`, or the folder with everything in it.
func removeItem(_ path: String, isFolder: Bool) {
    guard isFolder, let directory = opendir(path) else {
        unlink(path)
        return
    }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name != "." && name != ".." { names.append(name) }
    }
    closedir(directory)
    for name in names {
        let child = path + "/" + name
        var status = stat()
        let isDirectory = lstat(child, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        removeItem(child, isFolder: isDirectory)
    }
    rmdir(path)
}
