// Synthetic returns written to a fresh folder in /tmp, for the benchmarks that import them
// (SSDA903, CINCensus): written once, before timing.
import ScorecastData

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under /tmp holding `files` (paths relative to it, nested folders made).
public enum ReturnsFolder {
    /// Writes `files` under a new folder `/tmp/<prefix>-XXXXXX` and returns its path.
    public static func write(_ files: [(path: String, text: String)], prefix: String) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let root = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        for file in files {
            var folder = root
            for part in file.path.split(separator: "/").dropLast() {
                folder += "/" + part
                mkdir(folder, 0o777)
            }
            try! OutputFile.write(Array(file.text.utf8), to: root + "/" + file.path)
        }
        return root
    }
}
