#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files a command reads for a path it was given: the file itself, or every file below a
/// folder, searched recursively in path order.
///
/// Hidden entries (names starting with `.`) are skipped. Shared by `import-903` (which keeps
/// the `.csv` files) and `import-cin` (which recognises returns by content).
public enum FolderFiles {
    /// The files for `path`, and whether it was a folder; below a folder only the files whose
    /// name `include` accepts.
    ///
    /// - Throws: ``FileError`` when `path`, or a folder or file below it, cannot be read.
    /// - Complexity: O(entries below the folder · log entries).
    public static func under(_ path: String, including include: (String) -> Bool = { _ in true }) throws(FileError) -> (
        files: [String], isFolder: Bool
    ) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError.current(path, .read) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return ([path], false) }
        var found: [String] = []
        try walk(path, including: include, into: &found)
        return (found.sorted(), true)
    }

    private static func walk(_ folder: String, including include: (String) -> Bool, into found: inout [String]) throws(FileError) {
        guard let directory = opendir(folder) else { throw FileError.current(folder, .read) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { throw FileError.current(path, .read) }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, including: include, into: &found)
            } else if include(name) {
                found.append(path)
            }
        }
    }
}
