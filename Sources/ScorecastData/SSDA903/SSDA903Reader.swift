import ScorecastCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads SSDA903 header, episodes and UASC tables from files and folders.
///
/// Each file is recognised by its header row (``SSDA903Table/recognise(_:)``), so files may
/// come in any order and with any names; a folder is searched recursively for `.csv` files
/// (sorted by path), and files there that are other 903 tables are skipped. UTF-8 with or
/// without a byte order mark, CRLF or LF (``CSVReader``). Fields are trimmed; codes are
/// upper-cased; dates are `dd/mm/YYYY` or `YYYY-MM-DD` (``SSDA903Date``).
///
/// An episodes file is one return, or several when it has a `YEAR` column (one per value); a
/// return's collection year is the one (1 April to 31 March) holding its latest DECOM.
///
/// Row-level problems become ``SSDA903Issue``s; a file that is not CSV, or (named on the
/// command line) not one of the three tables, throws ``DataError`` naming it.
///
/// Complexity: O(total bytes).
public enum SSDA903Reader {
    /// Reads every file in `paths` (files or folders).
    ///
    /// - Throws: ``DataError`` for a file that cannot be read as 903 or when no episodes are
    ///   found; ``FileError`` for a path that cannot be opened.
    public static func read(paths: [String]) throws -> SSDA903Returns {
        var returns = SSDA903Returns()
        var returnKeys: [ReturnKey: (latestStart: CalendarDate, rows: [Int])] = [:]
        var fileOrder = 0
        for path in paths {
            let (files, isFolder) = try FolderFiles.under(path) { $0.lowercased().hasSuffix(".csv") }
            for file in files {
                try readFile(file, named: !isFolder, fileOrder: fileOrder, into: &returns, returnKeys: &returnKeys)
                fileOrder += 1
            }
        }
        guard !returnKeys.isEmpty else {
            throw DataError(
                file: paths.first ?? "-", line: 1, column: 1,
                expected: "expected at least one 903 episodes table (CHILD,DECOM,RNE,...) with rows, found none")
        }
        let ranked = returnKeys.map { (key: $0.key, year: SSDA903Date.collectionYear(of: $0.value.latestStart), rows: $0.value.rows) }
            .sorted { ($0.year, $0.key.fileOrder, $0.key.year) < ($1.year, $1.key.fileOrder, $1.key.year) }
        for (rank, group) in ranked.enumerated() {
            for row in group.rows { returns.episodes[row].returnRank = rank }
        }
        returns.returnYears = ranked.map(\.year)
        returns.firstCollectionYear = ranked.map(\.year).min()!
        returns.lastCollectionYear = ranked.map(\.year).max()!
        return returns
    }

    struct ReturnKey: Hashable {
        var fileOrder: Int
        var year: String
    }

    private static func readFile(
        _ path: String, named: Bool, fileOrder: Int, into returns: inout SSDA903Returns,
        returnKeys: inout [ReturnKey: (latestStart: CalendarDate, rows: [Int])]
    ) throws {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord() else {
            if named {
                throw DataError(file: path, line: 1, column: 1, expected: "expected a 903 header, episodes or UASC table, found an empty file")
            }
            returns.skipped.append(path)
            return
        }
        let columns = csv.record.strings.map { $0.trimmingSpaces.uppercased() }
        guard let table = SSDA903Table.recognise(columns) else {
            if named {
                throw DataError(
                    file: path, line: 1, column: 1,
                    expected:
                        "expected the header row of a 903 header (CHILD,SEX,DOB,...), episodes (CHILD,DECOM,RNE,...) or UASC (CHILD,SEX,DOB,DUC) table, found \(DataError.quote(columns.joined(separator: ",")))"
                )
            }
            returns.skipped.append(path)
            return
        }
        returns.tables.append((path, table))
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil { index[name] = position }
        let fieldCount = columns.count
        while try csv.nextRecord() {
            let record = csv.record
            if record.count == 1 && record.isEmpty(at: 0) { continue }  // a blank line, not a row
            let line = record.line
            func issue(_ column: Int, _ rule: SSDA903Issue.Rule, _ message: String) {
                returns.issues.append(SSDA903Issue(file: path, line: line, column: column, rule: rule, message: message))
            }
            guard record.count >= fieldCount else {
                issue(1, .fieldCount, "expected \(fieldCount) fields as in the header row, found \(record.count); row left out")
                continue
            }
            func text(_ name: String) -> String { record.string(at: index[name]!).trimmingSpaces }
            func code(_ name: String) -> String { text(name).uppercased() }
            func column(_ name: String) -> Int { record.column(of: index[name]!) }
            func requiredDate(_ name: String) -> CalendarDate? {
                let value = text(name)
                guard !value.isEmpty else {
                    issue(column(name), .missingValue, "expected a date in \(name), found a blank; row left out")
                    return nil
                }
                guard let date = SSDA903Date.parse(Substring(value)) else {
                    issue(
                        column(name), .impossibleDate,
                        "expected a date dd/mm/YYYY or YYYY-MM-DD in \(name), found \(DataError.quote(value)); row left out")
                    return nil
                }
                return date
            }
            let child = code("CHILD")
            guard !child.isEmpty else {
                issue(column("CHILD"), .missingValue, "expected a child identifier in CHILD, found a blank; row left out")
                continue
            }
            switch table {
            case .header:
                guard let birth = requiredDate("DOB") else { continue }
                returns.headers.append(
                    SSDA903HeaderRecord(child: child, birth: birth, sex: code("SEX"), file: path, line: line, fileOrder: fileOrder))
            case .uasc:
                guard let birth = requiredDate("DOB") else { continue }
                let ceasedText = text("DUC")
                var ceased: CalendarDate?
                if !ceasedText.isEmpty {
                    guard let date = SSDA903Date.parse(Substring(ceasedText)) else {
                        issue(
                            column("DUC"), .impossibleDate,
                            "expected a date dd/mm/YYYY or YYYY-MM-DD in DUC, found \(DataError.quote(ceasedText)); row left out")
                        continue
                    }
                    ceased = date
                }
                returns.uasc.append(SSDA903UASCRecord(child: child, birth: birth, ceased: ceased, file: path, line: line))
            case .episodes:
                guard let start = requiredDate("DECOM") else { continue }
                let endText = text("DEC")
                var end: CalendarDate?
                if !endText.isEmpty {
                    guard let date = SSDA903Date.parse(Substring(endText)) else {
                        issue(
                            column("DEC"), .impossibleDate,
                            "expected a date dd/mm/YYYY or YYYY-MM-DD in DEC, found \(DataError.quote(endText)); row left out")
                        continue
                    }
                    guard date >= start else {
                        issue(column("DEC"), .decBeforeDecom, "expected DEC on or after DECOM \(start), found \(date); row left out")
                        continue
                    }
                    end = date
                }
                let place = code("PLACE")
                if place.isEmpty {
                    issue(column("PLACE"), .missingValue, "expected a placement code in PLACE, found a blank; row kept as Other")
                } else if !SSDA903Table.placementCodes.contains(place) {
                    issue(column("PLACE"), .unknownCode, "expected a 903 placement code in PLACE, found \(DataError.quote(place)); row kept")
                }
                let reason = code("RNE")
                if !SSDA903Table.newEpisodeReasons.contains(reason) {
                    issue(
                        column("RNE"), reason.isEmpty ? .missingValue : .unknownCode,
                        "expected an RNE code (S, L, P, T, U, B), found \(DataError.quote(reason)); row kept")
                }
                let year = index["YEAR"].map { record.string(at: $0).trimmingSpaces } ?? ""
                let key = ReturnKey(fileOrder: fileOrder, year: year)
                returns.episodes.append(
                    SSDA903EpisodeRecord(
                        child: child, start: start, end: end, reasonNewEpisode: reason, legalStatus: code("LS"),
                        categoryOfNeed: code("CIN"), place: place, file: path, line: line, returnRank: 0,
                        order: returns.episodes.count, placeColumn: column("PLACE"), endColumn: column("DEC"),
                        reasonCeased: end == nil ? "" : code("REC")))
                var group = returnKeys[key] ?? (start, [])
                group.latestStart = max(group.latestStart, start)
                group.rows.append(returns.episodes.count - 1)
                returnKeys[key] = group
            }
        }
    }
}
