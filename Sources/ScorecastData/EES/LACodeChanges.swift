import ScorecastCore

/// Local authority code and boundary changes, read from one committed lookup
/// (`notebooks-data/dfe/la_code_changes.csv`): which codes are old spellings of a current code,
/// and in which years (ending 31 March) an authority created or abolished by a reorganisation
/// existed.
///
/// Columns (by name): `code,name,first_year,last_year,replaced_by,change`. A row with
/// `replaced_by` is a code change of the same authority (Gateshead E08000020 → E08000037): the
/// old code is read as the new one in every year. A row with `first_year` or `last_year` is an
/// authority that exists only in those years (Northamptonshire to 2021; North and West
/// Northamptonshire from 2022): EES files still list it outside them with a symbol (`z`, `x`),
/// and those rows describe no authority. Reorganisations follow the Local Government Boundary
/// Commission orders as DfE's EES files apply them (Dorset/BCP 2019, Buckinghamshire 2020,
/// Northamptonshire 2021, Cumbria 2023).
public struct LACodeChanges: Sendable {
    /// A year range in which an authority existed (nil: unbounded on that side).
    public struct Lifetime: Sendable, Equatable {
        public var firstYear: Int?
        public var lastYear: Int?
        public func contains(_ year: Int) -> Bool {
            (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
        }
    }

    private var replacements: [String: String] = [:]
    private var lifetimes: [String: Lifetime] = [:]

    /// No changes: every code is its own.
    public init() {}

    /// Reads the lookup.
    ///
    /// - Throws: ``DataError`` for a missing column, a year that is not a whole number, a row
    ///   with neither a replacement nor a year, or a code listed twice; `FileError` when the
    ///   file cannot be read.
    public init(path: String) throws {
        let table = try CSVTable(path: path, required: ["code", "first_year", "last_year", "replaced_by"])
        while try table.next() {
            let code = table.text("code")
            guard !code.isEmpty, replacements[code] == nil, lifetimes[code] == nil else {
                throw table.error("code", "expected each code once, found \(DataError.quote(code))")
            }
            func year(_ column: String) throws -> Int? {
                let text = table.text(column)
                if text.isEmpty { return nil }
                guard let year = Int(text) else {
                    throw table.error(column, "expected a year (ending 31 March) or nothing in column '\(column)', found \(DataError.quote(text))")
                }
                return year
            }
            let first = try year("first_year"), last = try year("last_year")
            let replacement = table.text("replaced_by")
            if !replacement.isEmpty {
                replacements[code] = replacement
            } else if first != nil || last != nil {
                lifetimes[code] = Lifetime(firstYear: first, lastYear: last)
            } else {
                throw table.error("replaced_by", "expected a replacement code or a first_year or last_year for \(code)")
            }
        }
    }

    /// The current code for `code`.
    public func current(_ code: String) -> String { replacements[code] ?? code }

    /// Whether the authority with (current) `code` existed in `year`; true for codes not listed.
    public func exists(_ code: String, in year: Int) -> Bool { lifetimes[code]?.contains(year) ?? true }
}
