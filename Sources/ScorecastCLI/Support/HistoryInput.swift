import Foundation
import ScorecastData
import ScorecastReport

/// `--history FILE_OR_DIR` of `report` and `explain`: earlier months read as tidy
/// observations and merged, each conflict named on standard error.
enum HistoryInput {
    /// The observations file of `path`: `path/observations.csv` for a folder, else `path`.
    static func observationsPath(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        return folder ? path + "/observations.csv" : path
    }

    /// Reads the history at `path`.
    static func read(_ path: String) throws -> (path: String, series: [ObservedSeries]) {
        let file = observationsPath(path)
        return (file, try ObservationReader(path: file, columns: .standard).readAll())
    }

    /// Names each conflict on standard error: `FILE:LINE: series period is X in the history and Y ...`.
    static func report(_ conflicts: [ScorecardHistory.Conflict], file: String, against source: String) {
        for conflict in conflicts {
            printError(
                "\(file):\(conflict.historyLine): \(conflict.series) \(conflict.period) is \(CSVNumber.format(conflict.history)) in the history and \(CSVNumber.format(conflict.scorecard)) in \(source); \(source)'s value is used"
            )
        }
    }

    /// `observed` with the history at `path` merged in (series the input lacks are left out),
    /// in the input's order.
    static func merge(_ path: String, into observed: [ObservedSeries]) throws -> [ObservedSeries] {
        let (file, history) = try read(path)
        var byName: [String: ObservedSeries] = [:]
        for item in observed { byName[item.name] = item }
        let conflicts = ScorecardHistory.merge(history, into: &byName)
        report(conflicts, file: file, against: "the input")
        return observed.map { byName[$0.name] ?? $0 }
    }
}
