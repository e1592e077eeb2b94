import Foundation
import ScorecastCore

/// Cleaned 903 episodes and the span they cover, from either SSDA903 returns (read and
/// cleaned as `scorecast import-903` does) or a folder `import-903` wrote.
///
/// From an `import-903` folder: `episodes.csv` gives the cleaned episodes and the placement
/// category each code was counted in (so a `--placements` map given to the import carries
/// over), `children-looked-after.csv` the span (its first month's first day to its last
/// month-end). ``summary`` is recomputed from the episodes with the same rules, so it equals
/// the folder's `children-looked-after.csv`.
public struct LookedAfterData: Sendable {
    public let episodes: [SSDA903Episode]
    public let placements: PlacementCategoryMap
    public let spanStart: CalendarDate
    public let spanEnd: CalendarDate
    public let summary: LookedAfterSummary

    /// The two files that mark a folder written by `import-903`.
    public static let importFiles = ["children-looked-after.csv", "episodes.csv"]

    /// Loads `path`: an `import-903` folder when it holds ``importFiles``, otherwise 903
    /// returns (a file or a folder searched recursively).
    ///
    /// - Throws: ``DataError`` at the offending field of a file that does not read as
    ///   expected; ``FileError`` when a file cannot be read.
    public static func load(_ path: String) throws -> LookedAfterData {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        if importFiles.allSatisfy({ FileManager.default.fileExists(atPath: folder + "/" + $0) }) {
            return try LookedAfterData(importFolder: folder)
        }
        let data = try SSDA903Import(paths: [path])
        return LookedAfterData(episodes: data.episodes, placements: data.placements, spanStart: data.returns.spanStart, spanEnd: data.returns.spanEnd)
    }

    public init(episodes: [SSDA903Episode], placements: PlacementCategoryMap, spanStart: CalendarDate, spanEnd: CalendarDate) {
        self.episodes = episodes
        self.placements = placements
        self.spanStart = spanStart
        self.spanEnd = spanEnd
        summary = LookedAfterSummary(episodes: episodes, placements: placements, spanStart: spanStart, spanEnd: spanEnd)
    }

    /// Reads the folder `import-903` wrote (see the type's summary).
    public init(importFolder folder: String) throws {
        let span = try Self.readSpan(path: folder + "/children-looked-after.csv")
        let (episodes, placements) = try Self.readEpisodes(path: folder + "/episodes.csv")
        self.init(episodes: episodes, placements: placements, spanStart: span.start, spanEnd: span.end)
    }

    /// The first month's first day and the last month-end of `period,age_band,placement,children`.
    static func readSpan(path: String) throws -> (start: CalendarDate, end: CalendarDate) {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord(), csv.record.strings == ["period", "age_band", "placement", "children"] else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected the header period,age_band,placement,children")
        }
        csv.expectedFieldCount = 4
        var first: CalendarDate?, last: CalendarDate?
        while try csv.nextRecord() {
            let text = csv.record.string(at: 0)
            guard let day = CalendarDate(parsing: text), day == day.monthPeriod.lastDay else {
                throw DataError(
                    file: csv.fileName, line: csv.record.line(of: 0), column: csv.record.column(of: 0),
                    expected: "expected a month-end date YYYY-MM-DD, found \(DataError.quote(text))")
            }
            first = min(first ?? day, day)
            last = max(last ?? day, day)
        }
        guard let first, let last else {
            throw DataError(file: csv.fileName, line: 2, column: 1, expected: "expected at least one month of children looked after, found none")
        }
        return (first.monthPeriod.firstDay, last)
    }

    /// Episodes from `child,care_period,decom,dec,place,placement,rne,ls,cin,dob,uasc,file,line`,
    /// and the map of each `place` to its `placement`.
    static func readEpisodes(path: String) throws -> ([SSDA903Episode], PlacementCategoryMap) {
        let columns = ["child", "care_period", "decom", "dec", "place", "placement", "rne", "ls", "cin", "dob", "uasc", "file", "line"]
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord(), csv.record.strings == columns else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected the header " + columns.joined(separator: ","))
        }
        csv.expectedFieldCount = columns.count
        var episodes: [SSDA903Episode] = []
        var categoryOfCode: [String: String] = [:]
        var pairs: [(code: String, category: String)] = []
        while try csv.nextRecord() {
            let record = csv.record
            func fail(_ index: Int, _ expected: String) -> DataError {
                DataError(
                    file: csv.fileName, line: record.line(of: index), column: record.column(of: index),
                    expected: "\(expected), found \(DataError.quote(record.string(at: index)))")
            }
            func date(_ index: Int) throws -> CalendarDate {
                guard let day = CalendarDate(parsing: record.string(at: index)) else { throw fail(index, "expected a date YYYY-MM-DD") }
                return day
            }
            let start = try date(2), birth = try date(9)
            let end = record.isEmpty(at: 3) ? nil : try date(3)
            if let end, end <= start { throw fail(3, "expected an end after the start \(start)") }
            let place = record.string(at: 4), category = record.string(at: 5)
            guard !category.isEmpty else { throw fail(5, "expected a placement category") }
            if let known = categoryOfCode[place] {
                guard known == category else { throw fail(5, "expected \(known), the category of \(place) on an earlier row") }
            } else {
                categoryOfCode[place] = category
                pairs.append((place, category))
            }
            let uasc = record.string(at: 10)
            guard uasc == "true" || uasc == "false" else { throw fail(10, "expected true or false") }
            guard let line = Int(record.string(at: 12)) else { throw fail(12, "expected a line number") }
            episodes.append(
                SSDA903Episode(
                    child: record.string(at: 0), birth: birth, start: start, end: end, place: place, reasonNewEpisode: record.string(at: 6),
                    legalStatus: record.string(at: 7), categoryOfNeed: record.string(at: 8), carePeriod: record.string(at: 1),
                    unaccompanied: uasc == "true", file: record.string(at: 11), line: line))
        }
        let standard = PlacementCategoryMap.standard
        let map = pairs.allSatisfy { standard.category(of: $0.code) == $0.category } ? standard : PlacementCategoryMap(pairs)
        return (episodes, map)
    }
}
