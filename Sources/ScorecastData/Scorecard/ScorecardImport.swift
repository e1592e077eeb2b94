import ScorecastCore

/// A published scorecard turned into the tidy files: observations, indicator catalogue,
/// comparators, commentary, and the figures the scorecard printed beside its values.
///
/// Files written by ``files()``:
/// - `observations.csv`: `series,period,value,status`, one row per printed monthly cell; a
///   missing cell has an empty value and status `not_published` (`-`) or `tbc`.
/// - `indicators.csv`: the catalogue (``Indicator``), unit and polarity from the catalogue
///   given, otherwise inferred from the row and title (polarity `neutral`, reported).
/// - `comparators.csv`: `series,period,group,value,status`, groups `statistical_neighbours`,
///   `england`, `south_east` in that order; `Local` gives status `local_measure`, `-`
///   `not_published`.
/// - `commentary.csv`: `series,period,text`.
/// - `printed.csv`: `series,period,change_from_previous_month,change_from_last_year,
///   average_12_months,high_12_months,icon,number_row_line,number_row`: the scorecard's own
///   derived figures (percent changes as printed, `-15` for `-15%`), its icon character as it
///   is, and the number row verbatim for provenance.
public struct ScorecardImport: Sendable {
    /// The scorecard's month: the last of the monthly values.
    public var month: Period
    public var indicators: [Indicator]
    public var scorecard: [ScorecardIndicator]
    /// Codes the catalogue did not cover (their unit was inferred and polarity set neutral).
    public var uncatalogued: [String]

    /// Comparator groups in the order the scorecard prints them.
    public static let comparatorGroups = ["statistical_neighbours", "england", "south_east"]
    /// The names of the files written, in order.
    public static let fileNames = ["observations.csv", "indicators.csv", "comparators.csv", "commentary.csv", "printed.csv"]

    /// Combines what was read from the text with the catalogue's decisions.
    public init(text: ScorecardText, month: Period, catalogue: [Indicator] = []) {
        self.month = month
        self.scorecard = text.indicators
        var uncatalogued: [String] = []
        indicators = text.indicators.map { entry in
            if let decided = catalogue.first(where: { $0.code == entry.code }) {
                return Indicator(
                    code: entry.code, title: entry.title, unit: decided.unit, polarity: decided.polarity,
                    frequency: decided.frequency, lead: entry.lead, owner: entry.owner, outcome: entry.outcome)
            }
            uncatalogued.append(entry.code)
            return Indicator(
                code: entry.code, title: entry.title, unit: ScorecardImport.inferredUnit(entry), polarity: .neutral,
                frequency: entry.title.lowercased().contains("per quarter") ? .quarterly : .monthly,
                lead: entry.lead, owner: entry.owner, outcome: entry.outcome)
        }
        self.uncatalogued = uncatalogued
    }

    /// The unit a row and title suggest: percent when the row prints `%`, a rate when the
    /// title says "per 10,000" or "per 100,000", otherwise a count.
    public static func inferredUnit(_ entry: ScorecardIndicator) -> IndicatorUnit {
        let title = entry.title.lowercased()
        if entry.printsPercentages || title.hasPrefix("percentage") { return .percent }
        if title.contains("per 100,000") { return .ratePer100k }
        if title.contains("per 10,000") { return .ratePer10k }
        return .count
    }

    /// The period of monthly cell `index` of `entry` (the last cell is the scorecard's month).
    public func period(ofMonthly index: Int, in entry: ScorecardIndicator) -> Period {
        month.advanced(by: index - (entry.monthly.count - 1))
    }

    /// The five files' contents, in the order of ``fileNames``.
    public func files() -> [(name: String, bytes: [UInt8])] {
        let monthText = month.description
        var observations = CSVWriter()
        observations.writeRecord(["series", "period", "value", "status"])
        var comparators = CSVWriter()
        comparators.writeRecord(["series", "period", "group", "value", "status"])
        var commentary = CSVWriter()
        commentary.writeRecord(["series", "period", "text"])
        var printed = CSVWriter()
        printed.writeRecord([
            "series", "period", "change_from_previous_month", "change_from_last_year", "average_12_months",
            "high_12_months", "icon", "number_row_line", "number_row",
        ])
        for entry in scorecard {
            for (index, cell) in entry.monthly.enumerated() {
                observations.writeRecord([
                    entry.code, period(ofMonthly: index, in: entry).description,
                    CSVNumber.format(cell.value ?? .nan), cell.status ?? "",
                ])
            }
            for (group, cell) in zip(ScorecardImport.comparatorGroups, entry.comparators) {
                comparators.writeRecord([entry.code, monthText, group, CSVNumber.format(cell.value ?? .nan), cell.status ?? ""])
            }
            if !entry.commentary.isEmpty {
                commentary.writeRecord([entry.code, monthText, entry.commentary])
            }
            printed.writeRecord([
                entry.code, monthText,
                CSVNumber.format(entry.changeFromPreviousMonth.value ?? .nan),
                CSVNumber.format(entry.changeFromLastYear.value ?? .nan),
                CSVNumber.format(entry.average12Months.value ?? .nan),
                CSVNumber.format(entry.high12Months.value ?? .nan),
                entry.icon ?? "", String(entry.numberRowLine), entry.numberRowText,
            ])
        }
        return [
            ("observations.csv", observations.bytes),
            ("indicators.csv", Indicator.csv(indicators)),
            ("comparators.csv", comparators.bytes),
            ("commentary.csv", commentary.bytes),
            ("printed.csv", printed.bytes),
        ]
    }
}
