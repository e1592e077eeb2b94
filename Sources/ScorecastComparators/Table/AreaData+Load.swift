import ScorecastCore
import ScorecastData

extension AreaData {
    /// The file names of a comparator data folder (the layout of `notebooks-data/dfe/`).
    public enum FileName {
        public static let indicators = "la_childrens_social_care_indicators.csv"
        public static let populations = "ons_population_0_17_by_la.csv"
        public static let neighbours = "statistical_neighbours.csv"
        public static let measures = "measures.csv"
    }

    /// The value type of an indicator row whose value is missing for a stated reason: the
    /// `value_type` column reads `missing: REASON` and the `value` is empty.
    public static let missingValueTypePrefix = "missing: "

    /// Reads a comparator data folder: the four files named in ``FileName``.
    public static func load(folder: String) throws -> AreaData {
        let folder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return try load(
            indicators: folder + "/" + FileName.indicators, populations: folder + "/" + FileName.populations,
            neighbours: folder + "/" + FileName.neighbours, measures: folder + "/" + FileName.measures)
    }

    /// Reads the bundled DfE files (`notebooks-data/dfe/`): the measures catalogue (when
    /// `measures` is given), the indicators, the populations aged 0–17 and the statistical
    /// neighbours. Columns are found by name (the data layer's ``CSVTable``); other columns are
    /// ignored. An indicator row with an empty value is read as missing when its `value_type`
    /// says why (``missingValueTypePrefix``).
    ///
    /// - Throws: ``DataError`` naming file, line and column for malformed CSV, a missing column,
    ///   a year or value that is not a number, an unknown geographic level, a duplicated
    ///   area + year + measure, or a code in the neighbours file that names no area;
    ///   `ByteSourceError` when a file cannot be read.
    /// - Complexity: O(rows).
    public static func load(indicators: String, populations: String, neighbours: String, measures: String? = nil) throws -> AreaData {
        var data = AreaData()
        if let measures { data.catalogue = try MeasureCatalogue.read(path: measures) }
        try data.readValues(path: indicators, measureColumn: "measure")
        try data.readValues(path: populations, measureColumn: nil)
        try data.readNeighbours(path: neighbours)
        return data
    }

    /// Reads indicator rows (with `measureColumn`) or population rows (without).
    mutating func readValues(path: String, measureColumn: String?) throws {
        let table = try CSVTable(
            path: path,
            required: ["la_code", "la_name", "region", "year", "value", "geographic_level"] + (measureColumn.map { [$0] } ?? []))
        var seen = Set<SeenKey>()
        while try table.next() {
            let code = table.text("la_code")
            let levelText = table.text("geographic_level")
            guard let level = Level(rawValue: levelText) else {
                throw table.error("geographic_level", "expected National, Regional or Local authority, found \(DataError.quote(levelText))")
            }
            let year = try Self.integer(table, "year")
            let index = add(area: Area(code: code, name: table.text("la_name"), region: table.text("region"), level: level))
            setOldCode(table.text("old_la_code"), of: index)
            let number = try table.number("value")
            if number == nil, let measureColumn, table.text("value_type").hasPrefix(Self.missingValueTypePrefix) {
                let measure = table.text(measureColumn)
                guard seen.insert(SeenKey(area: index, year: year, measure: measure)).inserted else {
                    throw table.error(
                        measureColumn,
                        "expected one row per la_code, year and measure, found a second \(DataError.quote(measure)) for \(code) \(year)")
                }
                setMissing(
                    reason: String(table.text("value_type").dropFirst(Self.missingValueTypePrefix.count)), area: index, year: year, measure: measure)
                continue
            }
            guard let value = number, value.isFinite else {
                throw table.error("value", "expected a number in column 'value', found an empty field")
            }
            if let measureColumn {
                let measure = table.text(measureColumn)
                guard seen.insert(SeenKey(area: index, year: year, measure: measure)).inserted else {
                    throw table.error(
                        measureColumn,
                        "expected one row per la_code, year and measure, found a second \(DataError.quote(measure)) for \(code) \(year)")
                }
                setValue(value, area: index, year: year, measure: measure)
            } else {
                guard population(area: index, year: year).isNaN else {
                    throw table.error("year", "expected one population per la_code and year, found a second for \(code) \(year)")
                }
                setPopulation(value, area: index, year: year)
            }
        }
    }

    mutating func readNeighbours(path: String) throws {
        let table = try CSVTable(path: path, required: ["la_code", "model_year", "rank", "neighbour_la_code"])
        var lists: [Int: [Int: [(rank: Int, neighbour: Int)]]] = [:]
        while try table.next() {
            let code = table.text("la_code")
            guard let area = index(ofCode: code) else {
                throw table.error("la_code", "expected a code present in the indicators file, found \(DataError.quote(code))")
            }
            let neighbourCode = table.text("neighbour_la_code")
            guard let neighbour = index(ofCode: neighbourCode) else {
                throw table.error("neighbour_la_code", "expected a code present in the indicators file, found \(DataError.quote(neighbourCode))")
            }
            let model = try Self.integer(table, "model_year")
            let rank = try Self.integer(table, "rank")
            lists[model, default: [:]][area, default: []].append((rank, neighbour))
        }
        for (model, byArea) in lists {
            for (area, entries) in byArea {
                setNeighbours(entries.sorted { $0.rank < $1.rank }.map(\.neighbour), of: area, model: model)
            }
        }
    }

    /// The whole number in `column` of the current row.
    static func integer(_ table: CSVTable, _ column: String) throws -> Int {
        let text = table.text(column)
        guard let value = Int(text) else {
            throw table.error(column, "expected a whole number in column '\(column)', found \(DataError.quote(text))")
        }
        return value
    }
}

/// An area, year and measure already read (to reject duplicates).
private struct SeenKey: Hashable {
    var area: Int
    var year: Int
    var measure: String
}
