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
        let csv = try CSVReader(path: path)
        fileName = csv.fileName
        guard try csv.nextRecord() else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected a header row series,target[,improvement], found an empty file")
        }
        let header = csv.record.strings
        guard let seriesIndex = header.firstIndex(of: "series") else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected a column named 'series' in the header, found \(header.joined(separator: ","))")
        }
        let targetIndex = header.firstIndex(of: "target")
        let improvementIndex = header.firstIndex(of: "improvement")
        guard targetIndex != nil || improvementIndex != nil else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected a column named 'target' or 'improvement' in the header, found \(header.joined(separator: ","))")
        }
        csv.expectedFieldCount = header.count
        while try csv.nextRecord() {
            let record = csv.record
            let name = record.string(at: seriesIndex)
            if let previous = entries[name] {
                throw DataError(file: csv.fileName, line: record.line, column: record.column(of: seriesIndex),
                                expected: "expected each series once, found \(DataError.quote(name)) again (first at line \(previous.line))")
            }
            var entry = Entry(target: nil, improvement: nil, line: record.line)
            if let targetIndex, !record.isEmpty(at: targetIndex) {
                let text = record.string(at: targetIndex)
                guard let value = CSVNumber.parse(text), value.isFinite else {
                    throw DataError(file: csv.fileName, line: record.line, column: record.column(of: targetIndex),
                                    expected: "expected a target number or an empty field, found \(DataError.quote(text))")
                }
                entry.target = value
            }
            if let improvementIndex, !record.isEmpty(at: improvementIndex) {
                let text = record.string(at: improvementIndex)
                guard let direction = ImprovementDirection(rawValue: text) else {
                    throw DataError(file: csv.fileName, line: record.line, column: record.column(of: improvementIndex),
                                    expected: "expected improvement increase, decrease or neutral, found \(DataError.quote(text))")
                }
                entry.improvement = direction
            }
            entries[name] = entry
        }
    }

    /// Checks that every series named in the file is in the input, so a misspelt name is
    /// not silently ignored.
    func checkNames(in names: Set<String>) throws {
        for (name, entry) in entries where !names.contains(name) {
            throw DataError(file: fileName, line: entry.line, column: 1,
                            expected: "expected a series of the input, found \(DataError.quote(name)), which is not in it")
        }
    }
}
