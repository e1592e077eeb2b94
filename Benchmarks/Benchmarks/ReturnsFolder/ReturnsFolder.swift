// Synthetic returns written to a fresh folder in /tmp, for the benchmarks that import them
// (SSDA903, CINCensus): written once, before timing.
import ScorecastData

/// A fresh folder under the temporary directory holding `files` (paths relative to it, nested
/// folders made): ``TemporaryFolder``, kept for the run.
public enum ReturnsFolder {
    /// Writes `files` under a new folder `<prefix>-XXXXXX` and returns its path.
    public static func write(_ files: [(path: String, text: String)], prefix: String) -> String {
        let folder = try! TemporaryFolder(prefix: prefix)
        for file in files { try! folder.write(Array(file.text.utf8), to: file.path) }
        return folder.path
    }
}
