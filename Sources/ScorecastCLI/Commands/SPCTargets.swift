import ScorecastCore
import ScorecastData
import ScorecastSPC

/// Targets and polarities for `scorecast spc --target FILE`: a CSV with columns
/// `series,target` and, optionally, `improvement` (`increase`, `decrease` or `neutral`).
struct SPCTargets {
    struct Entry {
        var target: Double?
        var improvement: ImprovementDirection?
        var line: Int
    }

    var entries: [String: Entry] = [:]
    var fileName = ""

    init() {}

    /// Reads the targets file at `path`.
    ///
    /// - Throws: ``DataError`` naming the line and column of a missing column, a bad number,
    ///   an unknown improvement direction or a series given twice.
    init(path: String) throws {
        let table = try CSVTable(path: path, required: ["series"])
        fileName = table.csv.fileName
        guard table.has("target") || table.has("improvement") else {
            throw DataError(
                file: fileName, line: 1, column: 1,
                expected: "expected a column named 'target' or 'improvement' in the header, found \(table.header.joined(separator: ","))")
        }
        while try table.next() {
            let name = table.text("series")
            if let previous = entries[name] {
                throw table.error("series", "expected each series once, found \(DataError.quote(name)) again (first at line \(previous.line))")
            }
            var entry = Entry(target: try table.number("target"), improvement: nil, line: table.csv.record.line)
            if entry.target?.isFinite == false {
                throw table.error("target", "expected a finite target, found \(DataError.quote(table.text("target")))")
            }
            let direction = table.text("improvement")
            if !direction.isEmpty {
                guard let improvement = ImprovementDirection(rawValue: direction) else {
                    throw table.error("improvement", "expected improvement increase, decrease or neutral, found \(DataError.quote(direction))")
                }
                entry.improvement = improvement
            }
            entries[name] = entry
        }
    }

    /// Checks that every series named in the file is in the input, so a misspelt name is
    /// not silently ignored.
    func checkNames(in names: Set<String>) throws {
        for (name, entry) in entries where !names.contains(name) {
            throw DataError(
                file: fileName, line: entry.line, column: 1,
                expected: "expected a series of the input, found \(DataError.quote(name)), which is not in it")
        }
    }
}
