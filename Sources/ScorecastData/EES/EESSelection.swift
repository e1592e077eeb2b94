/// What to take from an EES data file: the indicator column, optional numerator and
/// denominator columns, and the filter values that pick one row per area and year.
public struct EESSelection: Sendable {
    /// A filter: rows whose `column` reads `value`.
    public struct Filter: Sendable, Equatable {
        public var column: String
        public var value: String
        public init(column: String, value: String) {
            self.column = column
            self.value = value
        }
    }

    public var valueColumn: String
    public var numeratorColumn: String?
    public var denominatorColumn: String?
    public var filters: [Filter]
    /// The values the indicator may take (`0...100` for percentages, `0...` for counts);
    /// anything else is bad data.
    public var valueRange: ClosedRange<Double>

    public init(
        valueColumn: String, numeratorColumn: String? = nil, denominatorColumn: String? = nil,
        filters: [Filter] = [], valueRange: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) {
        self.valueColumn = valueColumn
        self.numeratorColumn = numeratorColumn
        self.denominatorColumn = denominatorColumn
        self.filters = filters
        self.valueRange = valueRange
    }
}

/// One cell of an EES indicator column: a number (with the text as published, so it is
/// written back exactly) or missing with the reason.
public enum EESValue: Sendable, Equatable {
    case number(Double, text: String)
    case missing(reason: String)

    /// The number, or nil when missing.
    public var number: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }
}

/// One area's figures for one year, from one row of an EES file.
public struct EESObservation: Sendable, Equatable {
    /// The geographic levels kept.
    public enum Level: String, Sendable, CaseIterable {
        case national = "National"
        case regional = "Regional"
        case localAuthority = "Local authority"
    }

    public var level: Level
    /// ONS code (current, after ``LACodeChanges``): `E92000001`, `E12000008`, `E06000045`.
    public var code: String
    public var name: String
    /// The region's name for a local authority; the region's own name for a region; empty for England.
    public var region: String
    /// DfE's three-digit LA number (empty above LA level).
    public var oldCode: String
    /// Year ending 31 March.
    public var year: Int
    public var value: EESValue
    public var numerator: EESValue?
    public var denominator: EESValue?
    /// The row's line in the file.
    public var line: Int
}

/// What an EES file gave for a selection: the observations, and every row not used with why.
public struct EESExtract: Sendable {
    public var file: String
    /// One per area and year, in file order.
    public var observations: [EESObservation]
    /// Rows at geographic levels other than National, Regional and Local authority, by level.
    public var ignoredLevels: [String: Int]
    /// Other rows not used, by reason (London sub-regions, joint figures, authorities listed
    /// outside the years they existed).
    public var skipped: [String: Int]
    /// Rows read (excluding the header).
    public var rowsRead: Int

    /// One line per kind of row not used: `ignored 120 rows at geographic level 'Local authority district'`.
    public var notes: [String] {
        ignoredLevels.sorted { $0.key < $1.key }.map {
            "ignored \($0.value) rows at geographic level '\($0.key)' (only National, Regional and Local authority are read)"
        }
            + skipped.sorted { $0.key < $1.key }.map { "skipped \($0.value) rows: \($0.key)" }
    }
}
