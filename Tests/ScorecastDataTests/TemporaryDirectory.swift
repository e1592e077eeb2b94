import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh directory under the system's temporary folder, for tests that write files.
struct TemporaryDirectory {
    let path: String

    static func make() throws -> TemporaryDirectory {
        TemporaryDirectory(path: try TemporaryFolder(prefix: "scorecast-test").path)
    }

    /// The names of the files in the directory, sorted.
    func contents() -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The text of file `name` in the directory.
    func read(_ name: String) throws -> String {
        String(decoding: try ByteSource(path: path + "/" + name).readAll(), as: UTF8.self)
    }
}
