import ScorecastCore

/// The figures a scorecard printed beside its values, as `printed.csv` holds them.
public struct PrintedFigures: Sendable, Equatable {
    public var changeFromPreviousMonth: Double?
    public var changeFromLastYear: Double?
    public var average12Months: Double?
    public var high12Months: Double?
    public var icon: String
    public var numberRowLine: Int?
    public var numberRow: String
}

/// One comparator value: a number, or why there is none.
public struct ComparatorValue: Sendable, Equatable {
    public var value: Double?
    public var status: String?
}

/// The tidy files of a scorecard directory, read for one month.
///
/// `indicators.csv` and `observations.csv` are required; `comparators.csv`, `printed.csv`
/// and `commentary.csv` are read when present. Rows of other periods are ignored (observations
/// are kept whole: the 12-month figures need the months before).
public struct ScorecardFiles: Sendable {
    public var indicators: [Indicator]
    /// Observed series by code.
    public var observations: [String: ObservedSeries]
    /// Comparators by code, then group.
    public var comparators: [String: [String: ComparatorValue]]
    /// Printed figures by code.
    public var printed: [String: PrintedFigures]
    /// Commentary by code.
    public var commentary: [String: String]
    /// Whether the directory had a `printed.csv`.
    public var hasPrinted: Bool

    /// Reads `directory` for `month`.
    ///
    /// - Throws: ``DataError`` for bad rows, ``FileError`` for a missing required file.
    public init(directory: String, month: Period) throws {
        let path = { (name: String) in directory + "/" + name }
        indicators = try Indicator.read(path: path("indicators.csv"))
        let series = try ObservationReader(path: path("observations.csv")).readAll()
        observations = Dictionary(series.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        comparators = [:]
        printed = [:]
        commentary = [:]
        hasPrinted = false
        let monthText = month.description
        if let table = try ScorecardFiles.optionalTable(path("comparators.csv"), required: ["series", "period", "group", "value"]) {
            while try table.next() {
                guard table.text("period") == monthText else { continue }
                let value = try table.number("value")
                let status = table.text("status")
                comparators[table.text("series"), default: [:]][table.text("group")] = ComparatorValue(
                    value: value, status: status.isEmpty ? nil : status)
            }
        }
        if let table = try ScorecardFiles.optionalTable(path("printed.csv"), required: ["series", "period"]) {
            hasPrinted = true
            while try table.next() {
                guard table.text("period") == monthText else { continue }
                printed[table.text("series")] = PrintedFigures(
                    changeFromPreviousMonth: try table.number("change_from_previous_month"),
                    changeFromLastYear: try table.number("change_from_last_year"),
                    average12Months: try table.number("average_12_months"),
                    high12Months: try table.number("high_12_months"),
                    icon: table.text("icon"),
                    numberRowLine: try table.number("number_row_line").map { Int($0) },
                    numberRow: table.text("number_row"))
            }
        }
        if let table = try ScorecardFiles.optionalTable(path("commentary.csv"), required: ["series", "period", "text"]) {
            while try table.next() {
                guard table.text("period") == monthText else { continue }
                commentary[table.text("series")] = table.text("text")
            }
        }
    }

    private static func optionalTable(_ path: String, required: [String]) throws -> CSVTable? {
        do {
            return try CSVTable(path: path, required: required)
        } catch let error as FileError where error.isMissing {
            return nil
        }
    }
}
