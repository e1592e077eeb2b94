import ArgumentParser
import ScorecastData

/// `scorecast import-903 FILE_OR_DIR... --out DIR`: SSDA903 returns into children looked after
/// by age band and placement, month by month.
struct ImportSSDA903Command: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-903",
        abstract: "Import SSDA903 returns (header, episodes, UASC) into children looked after by age and placement.",
        discussion: """
            Reads 903 header, episodes and UASC tables, recognised by their header row (folders are \
            searched recursively; other 903 tables there are skipped), cleans the episodes by the \
            demand model's rules and writes children-looked-after.csv, flows.csv, transitions.csv, \
            episodes.csv and validation.csv into DIR, all five or none. Row-level problems are \
            listed in validation.csv and counted on standard error. A file that cannot be read as \
            903 exits 65 naming it, and nothing is written.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Argument(help: ArgumentHelp("903 CSV files or folders holding them.", valueName: "file-or-dir"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Directory for the output files (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Placement categories (code,placement) replacing the default map.", valueName: "file"))
    var placements: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one 903 file or folder") }
    }

    func execute() throws {
        let map = try placements.map { try PlacementCategoryMap.read(path: $0) } ?? .standard
        let result = try SSDA903Import(paths: inputs, placements: map)
        try writeAll(result.files().map { ($0.name, Array($0.text.utf8)) }, into: out)
        for file in result.returns.skipped { printError("\(file): skipped: not a 903 header, episodes or UASC table") }
        let left = result.issues.count
        printError(
            "\(result.episodes.count) episodes of \(Set(result.episodes.map(\.child)).count) children, \(result.summary.months.first!)..\(result.summary.months.last!); \(left) row problem\(left == 1 ? "" : "s") listed in \(out)/validation.csv"
        )
    }
}
