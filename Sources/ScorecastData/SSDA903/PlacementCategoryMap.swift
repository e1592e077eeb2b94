import ScorecastCore

/// Which placement category (`Fostering`, `Residential`, ...) each 903 `PLACE` code counts in.
///
/// The default follows the children's services demand model (data-to-insight/cs-demand-model,
/// `standard-v1.yaml`) as Scorecast's issue 19 sets it: `Fostering` U1–U6; `Residential` K2,
/// R1, P3, S1; `Supported` H5, K3, P2; `Other` every other code. A CSV `code,placement`
/// replaces it (``read(path:)``); codes it does not list count as `Other`.
public struct PlacementCategoryMap: Sendable, Equatable {
    /// The category every unlisted code falls in.
    public static let other = "Other"

    /// The categories in output order; `Other` is always last.
    public let categories: [String]
    private let categoryOfCode: [String: Int]

    /// A map from `pairs` of (upper-case code, category); categories keep their first
    /// appearance's order, and `Other` is added last.
    public init(_ pairs: [(code: String, category: String)]) {
        var categories: [String] = []
        var index: [String: Int] = [:]
        var codes: [String: Int] = [:]
        for (code, category) in pairs where category != Self.other {
            let position =
                index[category]
                ?? {
                    categories.append(category)
                    index[category] = categories.count - 1
                    return categories.count - 1
                }()
            codes[code] = position
        }
        categories.append(Self.other)
        self.categories = categories
        self.categoryOfCode = codes
    }

    /// The default map (see the type's summary).
    public static let standard = PlacementCategoryMap(
        ["U1", "U2", "U3", "U4", "U5", "U6"].map { ($0, "Fostering") }
            + ["K2", "R1", "P3", "S1"].map { ($0, "Residential") }
            + ["H5", "K3", "P2"].map { ($0, "Supported") }
    )

    /// The index in ``categories`` of `code` (upper-case, trimmed).
    public func categoryIndex(of code: String) -> Int {
        categoryOfCode[code] ?? categories.count - 1
    }

    /// The category of `code`.
    public func category(of code: String) -> String { categories[categoryIndex(of: code)] }

    /// Whether `code` is listed (not defaulted to `Other`).
    public func lists(_ code: String) -> Bool { categoryOfCode[code] != nil }

    /// Reads `code,placement` from the CSV at `path` (codes trimmed and upper-cased).
    ///
    /// - Throws: ``DataError`` for a wrong header, a blank field or a code listed twice;
    ///   ``FileError`` when the file cannot be read.
    public static func read(path: String) throws -> PlacementCategoryMap {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord(), csv.record.strings.map({ $0.trimmingSpaces.lowercased() }) == ["code", "placement"] else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected the header code,placement")
        }
        csv.expectedFieldCount = 2
        var pairs: [(code: String, category: String)] = []
        var seen: Set<String> = []
        while try csv.nextRecord() {
            let record = csv.record
            let code = record.string(at: 0).trimmingSpaces.uppercased()
            let category = record.string(at: 1).trimmingSpaces
            guard !code.isEmpty, !category.isEmpty else {
                throw DataError(
                    file: csv.fileName, line: record.line, column: record.column(of: code.isEmpty ? 0 : 1),
                    expected: "expected a code and a placement category, found a blank field")
            }
            guard seen.insert(code).inserted else {
                throw DataError(
                    file: csv.fileName, line: record.line, column: record.column(of: 0),
                    expected: "expected each code once, found \(DataError.quote(code)) again")
            }
            pairs.append((code, category))
        }
        return PlacementCategoryMap(pairs)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.categories == rhs.categories && lhs.categoryOfCode == rhs.categoryOfCode
    }
}
