import ScorecastCore

/// One local authority's statistical neighbours as a DfE file lists them: the authority's key
/// (DfE's three-digit LA number, or an ONS code) and its neighbours' keys, closest first, with
/// where the row is (for messages).
public struct NeighbourGroup: Sendable, Equatable {
    public var authority: String
    public var neighbours: [String]
    public var line: Int
    public var column: Int

    public init(authority: String, neighbours: [String], line: Int, column: Int) {
        self.authority = authority
        self.neighbours = neighbours
        self.line = line
        self.column = column
    }
}

/// Reads DfE's published statistical neighbour groupings: the wide layout of the children's
/// services statistical neighbour benchmarking tool, as a CSV
/// (`New_Statistical_Neighbour_Groupings_April_2021.csv`, `sn_model_2025_wide.csv` in
/// `dfe-analytical-services/CSC_outcomes_and_enablers/data-raw`) or as LAIT's workbook
/// (`sn_april_2021.xlsx`, `sn_may_2025.xlsx` in
/// `dfe-analytical-services/local-authority-interactive-tool/01_data/02_prod`, sheet "LA SN
/// Groups", header on row 3).
///
/// The header row is the first (of the first 20) with an `SN1`/`SN_1` column; the authority's
/// key is its `LA num`, `LA number`, `old_la_code`, `la_code` or `new_la_code` column (first
/// found); neighbours are the `SNk`/`SN_k` columns in order of k (the closeness columns `SNP`,
/// `SN_kP` are not neighbours). Empty and `-` cells are no neighbour; a row with none is left
/// out (DfE lists the authorities a model does not cover with every neighbour cell empty).
public enum NeighbourGroupsFile {
    /// The key columns recognised, in order of preference (compared in lower case).
    public static let keyColumns = ["la num", "la number", "old_la_code", "la_code", "new_la_code", "la code"]

    /// Reads the file at `path`: an `.xlsx` workbook (its first sheet) when it is a ZIP
    /// archive, CSV otherwise.
    ///
    /// - Throws: ``DataError`` for a file without the header described, an authority listed
    ///   twice, or a malformed CSV or workbook; ``FileError`` when the file cannot be read.
    public static func read(path: String) throws -> [NeighbourGroup] {
        let bytes = try ByteSource(path: path).readAll()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let sheet = try XLSXReader(path: path).sheet()
            return try groups(rows: sheet.rows, file: path)
        }
        let csv = CSVReader(source: ByteSource(bytes: bytes, name: path))
        var rows: [(number: Int, fields: [String])] = []
        while try csv.nextRecord() { rows.append((csv.record.line, csv.record.strings)) }
        return try groups(rows: rows, file: path)
    }

    /// The groups in `rows` (row number, fields), `file` naming them in messages.
    public static func groups(rows: [(number: Int, fields: [String])], file: String) throws -> [NeighbourGroup] {
        func normalised(_ text: String) -> String { text.trimmingSpaces.lowercased() }
        func rank(_ name: String) -> Int? {
            let name = normalised(name)
            guard name.hasPrefix("sn") else { return nil }
            var digits = name.dropFirst(2)
            if digits.first == "_" { digits = digits.dropFirst() }
            return digits.isEmpty || !digits.allSatisfy(\.isNumber) ? nil : Int(digits)
        }
        guard let headerIndex = rows.prefix(20).firstIndex(where: { $0.fields.contains { rank($0) == 1 } }) else {
            throw DataError(
                file: file, line: rows.first?.number ?? 1, column: 1,
                expected: "expected a header row with SN1 (or SN_1), SN2, ... neighbour columns in the first 20 rows, found none")
        }
        let header = rows[headerIndex]
        let names = header.fields.map(normalised)
        guard let keyIndex = keyColumns.lazy.compactMap({ names.firstIndex(of: $0) }).first else {
            throw DataError(
                file: file, line: header.number, column: 1,
                expected:
                    "expected a column naming the authority (\(keyColumns.joined(separator: ", "))) in the header, found \(header.fields.joined(separator: ","))"
            )
        }
        let neighbourColumns = header.fields.indices.compactMap { index in rank(header.fields[index]).map { (rank: $0, index: index) } }
            .sorted { $0.rank < $1.rank }.map(\.index)
        var groups: [NeighbourGroup] = []
        var seen: [String: Int] = [:]
        for row in rows[(headerIndex + 1)...] {
            func cell(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmingSpaces : "" }
            let key = cell(keyIndex)
            guard !key.isEmpty else { continue }
            let neighbours = neighbourColumns.map(cell).filter { !$0.isEmpty && $0 != "-" }
            guard !neighbours.isEmpty else { continue }
            if let earlier = seen[key] {
                throw DataError(
                    file: file, line: row.number, column: keyIndex + 1,
                    expected: "expected each authority once, found \(DataError.quote(key)) again (first at line \(earlier))")
            }
            seen[key] = row.number
            groups.append(NeighbourGroup(authority: key, neighbours: neighbours, line: row.number, column: keyIndex + 1))
        }
        return groups
    }
}
