/// A 903 import: the returns read, cleaned and counted, and the five CSV files
/// `scorecast import-903` writes.
///
/// - `children-looked-after.csv`: `period,age_band,placement,children`, period the last day of
///   each month of the span, every band × placement (zeros included).
/// - `flows.csv`: `period,age_band,placement,entries,exits`, period `YYYY-MM`.
/// - `transitions.csv`: `period,from_age_band,from_placement,to_age_band,to_placement,children`,
///   the non-zero moves of ``LookedAfterSummary``.
/// - `episodes.csv`: `child,care_period,decom,dec,place,placement,rne,ls,cin,dob,uasc,file,line`,
///   the cleaned episodes (dates ISO; `dec` blank when open).
/// - `validation.csv`: `file,line,column,rule,message`, sorted by file, line and column.
public struct SSDA903Import: Sendable {
    public let returns: SSDA903Returns
    public let episodes: [SSDA903Episode]
    public let issues: [SSDA903Issue]
    public let summary: LookedAfterSummary
    public let placements: PlacementCategoryMap

    /// Reads, cleans and counts the 903 files in `paths`.
    ///
    /// - Throws: as ``SSDA903Reader/read(paths:)``.
    public init(paths: [String], placements: PlacementCategoryMap = .standard) throws {
        let returns = try SSDA903Reader.read(paths: paths)
        let (episodes, cleaningIssues) = SSDA903Cleaning.clean(returns)
        self.returns = returns
        self.episodes = episodes
        self.placements = placements
        self.issues = (returns.issues + cleaningIssues).sorted {
            ($0.file, $0.line, $0.column, $0.rule.rawValue) < ($1.file, $1.line, $1.column, $1.rule.rawValue)
        }
        self.summary = LookedAfterSummary(episodes: episodes, placements: placements, spanStart: returns.spanStart, spanEnd: returns.spanEnd)
    }

    /// The output files' names and contents, in the order listed in the type's summary.
    public func files() -> [(name: String, text: String)] {
        [
            ("children-looked-after.csv", stockCSV()), ("flows.csv", flowsCSV()), ("transitions.csv", transitionsCSV()),
            ("episodes.csv", episodesCSV()), ("validation.csv", validationCSV()),
        ]
    }

    public func stockCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["period", "age_band", "placement", "children"])
        for (month, period) in summary.months.enumerated() {
            for band in LookedAfterAgeBand.allCases {
                for (index, placement) in summary.placements.enumerated() {
                    csv.writeRecord([period.lastDay.description, band.description, placement, String(summary.stock[month][band.rawValue][index])])
                }
            }
        }
        return csv.text
    }

    public func flowsCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["period", "age_band", "placement", "entries", "exits"])
        for (month, period) in summary.months.enumerated() {
            for band in LookedAfterAgeBand.allCases {
                for (index, placement) in summary.placements.enumerated() {
                    csv.writeRecord([
                        period.description, band.description, placement,
                        String(summary.entries[month][band.rawValue][index]), String(summary.exits[month][band.rawValue][index]),
                    ])
                }
            }
        }
        return csv.text
    }

    public func transitionsCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["period", "from_age_band", "from_placement", "to_age_band", "to_placement", "children"])
        for (move, count) in summary.moves.sorted(by: { $0.key < $1.key }) {
            csv.writeRecord([
                summary.months[move.month].description, move.fromBand.description, summary.placements[move.fromPlacement],
                move.toBand.description, summary.placements[move.toPlacement], String(count),
            ])
        }
        return csv.text
    }

    public func episodesCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["child", "care_period", "decom", "dec", "place", "placement", "rne", "ls", "cin", "dob", "uasc", "file", "line"])
        for episode in episodes {
            csv.writeRecord([
                episode.child, episode.carePeriod, episode.start.description, episode.end?.description ?? "", episode.place,
                placements.category(of: episode.place), episode.reasonNewEpisode, episode.legalStatus, episode.categoryOfNeed,
                episode.birth.description, episode.unaccompanied ? "true" : "false", episode.file, String(episode.line),
            ])
        }
        return csv.text
    }

    public func validationCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["file", "line", "column", "rule", "message"])
        for issue in issues {
            csv.writeRecord([issue.file, String(issue.line), String(issue.column), issue.rule.rawValue, issue.message])
        }
        return csv.text
    }
}
