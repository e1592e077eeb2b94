import ScorecastCore

/// Reads one indicator from an explore-education-statistics (EES) open-data CSV.
///
/// EES files share one layout (DfE's EES data standards, as in the verbatim files under
/// `data-raw/` of `dfe-analytical-services/CSC_outcomes_and_enablers`): time columns
/// `time_period,time_identifier`; geography columns `geographic_level,country_code,
/// country_name,region_code,region_name,new_la_code,la_name,old_la_code` in any order; filter
/// columns (`category`, `cla_group`, `population_type`, characteristics...); and indicator
/// columns holding numbers or the symbols of ``EESSymbol``. A UTF-8 byte-order mark is skipped
/// (``CSVReader``).
///
/// Rows are kept when every filter of the selection matches; National, Regional and Local
/// authority rows are read, other levels counted and reported; Inner and Outer London
/// (`E13…` regional rows) and joint figures (`E06000061 / E06000062`) are reported, not
/// assigned; codes go through ``LACodeChanges``. Each area and year must be left with one row:
/// when two remain, the error names the filter column that tells them apart and lists its
/// values, so the user can add `--where COLUMN=VALUE`.
///
/// Complexity: O(rows × columns) time for one pass; memory O(observations). Error paths re-read
/// the file once to list a column's values.
public enum EESReader {
    /// The time and geography columns every file must have.
    public static let requiredColumns = [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
        "region_code", "region_name", "new_la_code", "la_name",
    ]
    /// Columns that are neither filters nor indicators.
    static let layoutColumns: Set<String> = Set(requiredColumns + ["old_la_code", "la_code"])

    /// Reads `selection` from the EES file at `path`.
    ///
    /// - Throws: ``DataError`` (file, line, column) for a missing required, indicator or filter
    ///   column; a ragged row; an unknown time identifier or malformed time period; a value
    ///   that is neither a number nor an EES symbol, or outside ``EESSelection/valueRange``; a
    ///   negative numerator or denominator; a filter value that occurs nowhere (listing the
    ///   column's values); two rows left for one area and year (naming the filter needed and
    ///   its values); no Local authority rows. `FileError` when the file cannot be read.
    public static func read(path: String, selection: EESSelection, codeChanges: LACodeChanges = LACodeChanges()) throws -> EESExtract {
        let indicatorColumns = [selection.valueColumn] + [selection.numeratorColumn, selection.denominatorColumn].compactMap { $0 }
        let table = try CSVTable(path: path, required: requiredColumns + indicatorColumns)
        for filter in selection.filters where !table.has(filter.column) {
            let filters = try filterColumns(path: path, header: table.header, selection: selection)
            throw DataError(
                file: table.csv.fileName, line: 1, column: 1,
                expected:
                    "expected a filter column named \(DataError.quote(filter.column)) in the header; the filter columns are: \(filters.joined(separator: ", "))"
            )
        }
        var extract = EESExtract(file: table.csv.fileName, observations: [], ignoredLevels: [:], skipped: [:], rowsRead: 0)
        var firstIgnoredLevel: DataError?
        var rowByKey: [ObservationKey: Int] = [:]
        var filterMatches = Array(repeating: 0, count: selection.filters.count)
        var localAuthorities = 0
        rows: while try table.next() {
            extract.rowsRead += 1
            for (index, filter) in selection.filters.enumerated() {
                guard table.text(filter.column) == filter.value else { continue rows }
                filterMatches[index] += 1
            }
            let levelText = table.text("geographic_level")
            guard let level = EESObservation.Level(rawValue: levelText) else {
                extract.ignoredLevels[levelText, default: 0] += 1
                if firstIgnoredLevel == nil {
                    firstIgnoredLevel = table.error(
                        "geographic_level",
                        "expected geographic_level National, Regional or Local authority, found only \(DataError.quote(levelText)) and no Local authority rows"
                    )
                }
                continue
            }
            let year: Int
            switch EESTimePeriod.yearEnding31March(timePeriod: table.text("time_period"), identifier: table.text("time_identifier")) {
            case .success(let value): year = value
            case .failure(let refusal):
                throw table.error(refusal.column, refusal.expected + ", found \(DataError.quote(table.text(refusal.column)))")
            }
            var observation = EESObservation(
                level: level, code: "", name: "", region: "", oldCode: "", year: year,
                value: .missing(reason: ""), line: table.csv.record.line)
            let codeColumn: String
            switch level {
            case .national:
                codeColumn = "country_code"
                observation.code = table.text("country_code")
                observation.name = table.text("country_name")
            case .regional:
                codeColumn = "region_code"
                observation.code = table.text("region_code")
                observation.name = table.text("region_name")
                observation.region = observation.name
                if observation.code.hasPrefix("E13") {
                    extract.skipped["London sub-regions (Inner and Outer London) are not regions of the comparator data", default: 0] += 1
                    continue
                }
            case .localAuthority:
                codeColumn = "new_la_code"
                observation.code = codeChanges.current(table.text("new_la_code"))
                observation.name = table.text("la_name")
                // London boroughs carry their sub-region (Inner or Outer London, E13…); the
                // comparator data's region is London.
                observation.region = table.text("region_code").hasPrefix("E13") ? "London" : table.text("region_name")
                observation.oldCode = table.text("old_la_code")
                if observation.code.contains("/") {
                    extract.skipped["joint figures for two authorities (\(observation.code)) are not assigned to either", default: 0] += 1
                    continue
                }
            }
            guard !observation.code.isEmpty else {
                throw table.error(codeColumn, "expected an area code in column '\(codeColumn)' for a \(level.rawValue) row, found an empty field")
            }
            observation.value = try value(table, selection.valueColumn, range: selection.valueRange)
            observation.numerator = try selection.numeratorColumn.map { try value(table, $0, range: 0...Double.greatestFiniteMagnitude) }
            observation.denominator = try selection.denominatorColumn.map { try value(table, $0, range: 0...Double.greatestFiniteMagnitude) }
            if level == .localAuthority, !codeChanges.exists(observation.code, in: year), observation.value.number == nil {
                extract.skipped["authorities listed, without a value, for a year they did not exist (la_code_changes.csv)", default: 0] += 1
                continue
            }
            let key = ObservationKey(code: observation.code, year: year)
            if let earlier = rowByKey[key] {
                throw try neededFilter(
                    path: path, header: table.header, selection: selection,
                    lines: (extract.observations[earlier].line, observation.line), code: observation.code, year: year)
            }
            rowByKey[key] = extract.observations.count
            if level == .localAuthority { localAuthorities += 1 }
            extract.observations.append(observation)
        }
        for (index, filter) in selection.filters.enumerated() where filterMatches[index] == 0 {
            let values = try columnValues(path: path, column: filter.column, selection: selection, upTo: index)
            throw DataError(
                file: extract.file, line: 1, column: column(of: filter.column, in: table.header),
                expected: "expected a row with \(filter.column)=\(DataError.quote(filter.value)); its values are: \(listing(values))")
        }
        guard localAuthorities > 0 else {
            if let firstIgnoredLevel { throw firstIgnoredLevel }
            throw DataError(file: extract.file, line: 1, column: 1, expected: "expected Local authority rows matching the filters, found none")
        }
        return extract
    }

    /// The cell in `column` as a number or a missing value with its reason.
    static func value(_ table: CSVTable, _ column: String, range: ClosedRange<Double>) throws -> EESValue {
        let text = table.text(column).trimmingSpaces
        if text.isEmpty { return .missing(reason: EESSymbol.blankReason) }
        if let symbol = EESSymbol(rawValue: text) { return .missing(reason: symbol.reason) }
        guard let number = CSVNumber.parse(text), number.isFinite else {
            throw table.error(
                column,
                "expected a number or an EES symbol (\(EESSymbol.allCases.map(\.rawValue).joined(separator: " "))) in column \(DataError.quote(column)), found \(DataError.quote(text))"
            )
        }
        guard range.contains(number) else {
            throw table.error(
                column,
                "expected a number in \(CSVNumber.format(range.lowerBound))...\(range.upperBound == .greatestFiniteMagnitude ? "" : CSVNumber.format(range.upperBound)) in column \(DataError.quote(column)), found \(DataError.quote(text))"
            )
        }
        return .number(number, text: text)
    }

    /// Values for a message, each quoted in full on one line.
    static func listing(_ values: [String]) -> String {
        values.map { "'" + DataError.singleLine($0) + "'" }.joined(separator: ", ")
    }

    /// The column (from 1) of `name` in `header`, or 1.
    static func column(of name: String, in header: [String]) -> Int {
        guard let index = header.firstIndex(of: name) else { return 1 }
        return header[..<index].reduce(1) { $0 + $1.count + 1 }
    }

    /// The filter columns of the file: neither layout nor selected indicator columns, holding
    /// at least one field that is not a number, a symbol or blank.
    static func filterColumns(path: String, header: [String], selection: EESSelection) throws -> [String] {
        let table = try CSVTable(path: path, required: [])
        var isText = Array(repeating: false, count: header.count)
        while try table.next() {
            for (index, name) in header.enumerated() where !isText[index] && !layoutColumns.contains(name) {
                let text = table.text(name).trimmingSpaces
                if !text.isEmpty, EESSymbol(rawValue: text) == nil, CSVNumber.parse(text) == nil { isText[index] = true }
            }
        }
        return header.indices.filter { isText[$0] }.map { header[$0] }
    }

    /// The distinct values of `column` among rows matching the first `upTo` filters, in order of appearance.
    static func columnValues(path: String, column: String, selection: EESSelection, upTo: Int) throws -> [String] {
        let table = try CSVTable(path: path, required: [])
        var seen = Set<String>(), values: [String] = []
        rows: while try table.next() {
            for filter in selection.filters.prefix(upTo) where table.text(filter.column) != filter.value { continue rows }
            let value = table.text(column)
            if seen.insert(value).inserted { values.append(value) }
        }
        return values
    }

    /// The error for two rows left for one area and year, at the second row: the first filter
    /// column whose text differs between them, with its values among the rows the given
    /// filters keep.
    static func neededFilter(path: String, header: [String], selection: EESSelection, lines: (Int, Int), code: String, year: Int) throws -> DataError
    {
        let table = try CSVTable(path: path, required: [])
        var first: [String] = [], second: [String] = []
        var secondRecord = CSVRecord()
        while try table.next() {
            if table.csv.record.line == lines.0 { first = table.csv.record.strings }
            if table.csv.record.line == lines.1 {
                second = table.csv.record.strings
                secondRecord = table.csv.record
                break
            }
        }
        let chosen = Set(selection.filters.map(\.column))
        let indicators = Set([selection.valueColumn, selection.numeratorColumn, selection.denominatorColumn].compactMap { $0 })
        let textColumns = Set(try filterColumns(path: path, header: header, selection: selection))
        let differing = header.indices.filter { index in
            let name = header[index]
            return !chosen.contains(name) && !indicators.contains(name) && textColumns.contains(name)
                && index < first.count && index < second.count && first[index] != second[index]
        }
        guard let index = differing.first else {
            return DataError(
                file: table.csv.fileName, line: lines.1, column: 1,
                expected:
                    "expected one row per area and year, found a second row for \(code) \(year) (first at line \(lines.0)) that no filter column tells apart"
            )
        }
        let name = header[index]
        let values = try columnValues(path: path, column: name, selection: selection, upTo: selection.filters.count)
        return DataError(
            file: table.csv.fileName, line: secondRecord.line(of: index), column: secondRecord.column(of: index),
            expected:
                "expected one row per area and year, found a second for \(code) \(year) (first at line \(lines.0)): choose one with --where \(name)=VALUE; its values are: \(listing(values))"
        )
    }
}

/// An area and year already read.
private struct ObservationKey: Hashable {
    var code: String
    var year: Int
}
