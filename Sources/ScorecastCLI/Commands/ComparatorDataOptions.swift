import ArgumentParser
import ScorecastComparators
import ScorecastData

/// `--data DIR` and `--confidence`: where the DfE local authority files are, and which
/// interval levels to report. Shared by `compare` and `funnel`.
struct ComparatorDataOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder with measures.csv, la_childrens_social_care_indicators.csv, ons_population_0_17_by_la.csv and statistical_neighbours.csv (default: dfe/ in the bundled data, which scorecast doctor locates; SCORECAST_DATA overrides).",
            valueName: "dir"))
    var data = BundledData.path("dfe")

    @Option(
        name: .customLong("confidence"), parsing: .upToNextOption,
        help: ArgumentHelp("Interval levels in percent, in column order.", valueName: "percent"))
    var confidencePercents: [Double] = [95, 99.8]

    @Option(
        help: ArgumentHelp(
            "DfE statistical neighbour groupings (the wide CSV or LAIT's .xlsx) replacing the folder's for --sn-model.", valueName: "file"))
    var neighbours: String?

    func validate() throws {
        guard !confidencePercents.isEmpty, confidencePercents.allSatisfy({ $0 > 0 && $0 < 100 }) else {
            throw ValidationError("--confidence levels must be percentages strictly between 0 and 100")
        }
    }

    var levels: [Double] { confidencePercents.map { $0 / 100 } }

    /// Reads the folder's four files, and `--neighbours` as the `neighbourModel` year's groups.
    func load(neighbourModel: Int = 2021) throws -> AreaData {
        var loaded = try Self.load(folder: data)
        if let neighbours {
            try loaded.setNeighbours(try NeighbourGroupsFile.read(path: neighbours), file: neighbours, model: neighbourModel)
        }
        return loaded
    }

    /// Reads the four files from `folder` (shared with `report --comparators`).
    static func load(folder: String) throws -> AreaData {
        try AreaData.load(folder: folder)
    }

    /// The measures named, or every catalogued measure when none; an unknown name is a usage
    /// error listing the catalogued ones.
    static func measures(_ names: [String], in catalogue: MeasureCatalogue) throws -> [Measure] {
        if names.isEmpty { return catalogue.measures }
        return try names.map { name in
            guard let measure = catalogue.named(name) else {
                throw ValidationError("unknown measure '\(name)'; expected one of: \(catalogue.names.joined(separator: ", "))")
            }
            return measure
        }
    }

    /// The authority `text` names (ONS code or name); a usage error saying why otherwise,
    /// prefixed with `option` (`"--la: "`) when given.
    static func authority(matching text: String, in data: AreaData, option: String = "") throws -> Int {
        do {
            return try data.localAuthority(matching: text)
        } catch {
            throw ValidationError(option + error.description)
        }
    }

    /// A usage error unless `data` has figures for `year`.
    static func requireYear(_ year: Int, in data: AreaData) throws {
        guard data.years.contains(year) else {
            throw ValidationError("no data for year \(year); the data cover \(data.years.first ?? 0)-\(data.years.last ?? 0)")
        }
    }

    /// A usage error unless `model` is a DfE statistical neighbour model (2021 or 2025).
    static func validateNeighbourModel(_ model: Int) throws {
        guard model == 2021 || model == 2025 else { throw ValidationError("--sn-model must be 2021 or 2025") }
    }
}
