import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// Which indicators borrow a seasonal profile, and from which reference series
/// (`report --seasonality-map`).
///
/// The map is a CSV users edit, `code,reference,reason`: an indicator's code, the name of a
/// series in the references file, and why (for the reader of the map). The bundled map
/// (`notebooks-data/scorecard/seasonality-references.csv`) sends the demand flows (contacts,
/// referrals, section 47 enquiries, initial conferences, and their rates) to the national
/// Cafcass care-applications series; stocks and percentages are not mapped. An indicator
/// borrows only while it has under two years of its own history (``ForecastPipeline``).
public struct SeasonalityReferences: Sendable {
    /// Indicator code → the profile it borrows.
    public var profiles: [String: SeasonalProfile]

    public init(profiles: [String: SeasonalProfile] = [:]) {
        self.profiles = profiles
    }

    /// Reads the map at `mapPath` and estimates each named reference's profile once from
    /// the series of `referencesPath` (tidy observations).
    ///
    /// - Throws: ``DataError`` for a malformed map, a code named twice, or a reference the
    ///   references file lacks or that cannot carry a profile (named at its map line).
    public static func load(mapPath: String, referencesPath: String, calendar: EnglandCalendar = EnglandCalendar()) throws -> SeasonalityReferences {
        let table = try CSVTable(path: mapPath, required: ["code", "reference"])
        let references = try ObservationReader(path: referencesPath, columns: .standard).readAll()
        var byName: [String: ObservedSeries] = [:]
        for item in references { byName[item.name] = item }
        var estimated: [String: SeasonalProfile] = [:]
        var profiles: [String: SeasonalProfile] = [:]
        var lines: [String: Int] = [:]
        while try table.next() {
            let code = table.text("code"), reference = table.text("reference")
            guard !code.isEmpty else { throw table.error("code", "expected an indicator code, found an empty field") }
            if let line = lines[code] {
                throw table.error("code", "expected each code once, found \(DataError.quote(code)) again (first on line \(line))")
            }
            lines[code] = table.csv.record.line
            guard let series = byName[reference] else {
                throw table.error(
                    "reference",
                    "expected a series of \(referencesPath) (\(byName.keys.sorted().joined(separator: ", "))), found \(DataError.quote(reference))")
            }
            if estimated[reference] == nil {
                do {
                    estimated[reference] = try SeasonalProfile.estimate(from: series.series, calendar: calendar)
                } catch {
                    throw table.error("reference", "expected a reference series that carries a seasonal profile: \(error)")
                }
            }
            profiles[code] = estimated[reference]
        }
        return SeasonalityReferences(profiles: profiles)
    }
}
