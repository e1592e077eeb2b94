import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes every file into `directory` (created if missing), all or none: each goes to a
/// temporary file first, and they are renamed into place only once all are written.
func writeAll(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws {
    for output in try stageAll(files, into: directory) { try output.commit() }
}

/// Creates `directory` and the folders the names lead through (`2024/header.csv` needs
/// `2024/`), and writes every file to its temporary file without committing it: the caller
/// commits them, with anything else it writes, once all are written.
func stageAll(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws -> [OutputFile] {
    try makeDirectory(directory)
    var folders = Set<String>()
    for file in files {
        let components = file.name.split(separator: "/").dropLast()
        for depth in components.indices {
            folders.insert(components[...depth].joined(separator: "/"))
        }
    }
    // Sorted, so a folder comes before the folders inside it.
    for folder in folders.sorted() { try makeDirectory(directory + "/" + folder) }
    return try files.map { file in
        let output = try OutputFile(path: directory + "/" + file.name)
        try output.write(file.bytes)
        return output
    }
}

/// Creates `path` unless it exists.
private func makeDirectory(_ path: String) throws {
    if mkdir(path, 0o777) != 0 && errno != EEXIST { throw FileError.current(path, .write) }
}
