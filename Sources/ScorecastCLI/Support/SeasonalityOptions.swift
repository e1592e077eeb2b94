import ArgumentParser
import Foundation
import ScorecastReport

/// `--seasonality-map`, `--references`, `--no-borrowing`: which short indicators borrow a
/// seasonal profile, shared by `report`, `explain` and `forecast`.
struct SeasonalityOptions: ParsableArguments {
    /// The bundled map, relative to the bundled data.
    static let bundledMap = "notebooks-data/scorecard/seasonality-references.csv"
    static let bundledReferences = "notebooks-data/cafcass/cafcass-care-applications-tidy.csv"

    @Option(
        help: ArgumentHelp(
            "Which indicators borrow a seasonal profile from which reference series (CSV code,reference,reason). Default for a scorecard folder: the bundled map (demand flows borrow from Cafcass).",
            valueName: "file"))
    var seasonalityMap: String?

    @Option(help: ArgumentHelp("The reference series the map names (tidy observations). Default: the bundled Cafcass series.", valueName: "file"))
    var references: String?

    @Flag(help: "Borrow no seasonality: short indicators are judged and forecast on their own months alone.")
    var noBorrowing = false

    func validate() throws {
        if noBorrowing && (seasonalityMap != nil || references != nil) {
            throw ValidationError("--no-borrowing cannot be combined with --seasonality-map or --references.")
        }
    }

    /// The profiles to borrow. With no map given, the bundled one when `useBundledDefault`
    /// (a scorecard folder) and it is present; none otherwise.
    func load(useBundledDefault: Bool) throws -> SeasonalityReferences {
        guard !noBorrowing else { return SeasonalityReferences() }
        let map: String
        if let seasonalityMap {
            map = seasonalityMap
        } else {
            guard useBundledDefault, FileManager.default.fileExists(atPath: Self.bundledMap) else { return SeasonalityReferences() }
            map = Self.bundledMap
        }
        return try SeasonalityReferences.load(mapPath: map, referencesPath: references ?? Self.bundledReferences)
    }
}
