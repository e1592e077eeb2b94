import ScorecastCore
import ScorecastData

/// Adds (or replaces) one measure in a comparator data folder from an EES extract: its rows in
/// the indicators file and its row in `measures.csv`, keeping every other measure.
///
/// Each observation becomes an indicators row (`la_code,la_name,region,year,measure,value,
/// geographic_level,old_la_code,value_type,source`) with the number exactly as published, or an
/// empty value and `value_type` `missing: REASON` for a symbol or blank (``AreaData`` reads
/// those back as missing, and `compare` says why). With a numerator and a denominator, their
/// values become the measures `NAME_numerator` and `NAME_denominator` (catalogued as counts),
/// which the catalogue row names, so intervals, significance and the gap in children follow.
///
/// Both files are written whole or not at all (``OutputFile``: a temporary file renamed into
/// place), the indicators file first; the catalogue only names measures whose rows are present.
public enum MeasureImport {
    /// The indicators file's columns, in order.
    public static let indicatorColumns = [
        "la_code", "la_name", "region", "year", "measure", "value", "geographic_level",
        "old_la_code", "value_type", "source",
    ]

    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var measure: String
        /// Rows written per geographic level (National, Regional, Local authority).
        public var rowsByLevel: [String: Int]
        /// Missing values written, by reason.
        public var missingByReason: [String: Int]
        /// Rows of other measures kept.
        public var rowsKept: Int

        /// One line: `placement_stability_pct: 4650 Local authority, 330 Regional, 30 National rows; 58 missing (c (confidential: suppressed) 58)`.
        public var line: String {
            let levels = EESObservation.Level.allCases.reversed().map { "\(rowsByLevel[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            let missing = missingByReason.values.reduce(0, +)
            let reasons = missingByReason.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            return "\(measure): \(levels) rows; \(missing) missing\(missing > 0 ? " (\(reasons))" : ""); \(rowsKept) rows of other measures kept"
        }
    }

    /// The names of the companion measures holding `name`'s numerator and denominator.
    public static func numeratorName(_ name: String) -> String { name + "_numerator" }
    public static func denominatorName(_ name: String) -> String { name + "_denominator" }

    /// Writes `extract` into the folder as `measure` (its numerator and denominator names are
    /// set here when the extract has them).
    ///
    /// - Throws: ``DataError`` for a malformed existing indicators file or catalogue;
    ///   `FileError` when a file cannot be read or written (then nothing in the folder changed,
    ///   unless the catalogue could not be renamed after the indicators were).
    public static func write(_ extract: EESExtract, as measure: Measure, sourceFile: String, filters: String, folder: String) throws -> Summary {
        let folder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let indicatorsPath = folder + "/" + AreaData.FileName.indicators
        let cataloguePath = folder + "/" + AreaData.FileName.measures
        let hasNumerator = extract.observations.contains { $0.numerator != nil }
        let hasDenominator = extract.observations.contains { $0.denominator != nil }
        var measure = measure
        measure.numerator = hasNumerator ? numeratorName(measure.name) : nil
        measure.denominator = hasDenominator ? denominatorName(measure.name) : nil
        measure.sourceFile = sourceFile
        measure.filters = filters
        let replaced: Set<String> = [measure.name, numeratorName(measure.name), denominatorName(measure.name)]

        var catalogue = exists(cataloguePath) ? try MeasureCatalogue.read(path: cataloguePath) : MeasureCatalogue()
        for name in catalogue.names {
            if let other = catalogue.named(name), !replaced.contains(name),
                [other.numerator, other.denominator].contains(where: { $0.map(replaced.contains) ?? false })
            {
                throw DataError(
                    file: cataloguePath, line: 1, column: 1,
                    expected: "expected \(measure.name) to be replaceable, found \(name) using its numerator or denominator")
            }
        }
        if hasNumerator {
            catalogue.set(
                Measure(name: numeratorName(measure.name), kind: .count, multiplier: 1, polarity: .neutral, sourceFile: sourceFile, filters: filters))
        }
        if hasDenominator {
            catalogue.set(
                Measure(
                    name: denominatorName(measure.name), kind: .count, multiplier: 1, polarity: .neutral, sourceFile: sourceFile, filters: filters))
        }
        catalogue.set(measure)

        var writer = CSVWriter()
        var summary = Summary(measure: measure.name, rowsByLevel: [:], missingByReason: [:], rowsKept: 0)
        var header = indicatorColumns
        if exists(indicatorsPath) {
            let table = try CSVTable(path: indicatorsPath, required: ["la_code", "year", "measure", "value"])
            header = table.header + indicatorColumns.filter { !table.header.contains($0) }
            writer.writeRecord(header)
            while try table.next() {
                guard !replaced.contains(table.text("measure")) else { continue }
                summary.rowsKept += 1
                for column in header { writer.writeField(table.text(column)) }
                writer.endRecord()
            }
        } else {
            writer.writeRecord(header)
        }
        let source = "EES:" + sourceFile
        for observation in extract.observations {
            func row(_ name: String, _ value: EESValue) {
                var fields: [String: String] = [
                    "la_code": observation.code, "la_name": observation.name, "region": observation.region,
                    "year": String(observation.year), "measure": name, "geographic_level": observation.level.rawValue,
                    "old_la_code": observation.oldCode, "source": source + ":line \(observation.line)",
                ]
                switch value {
                case .number(_, let text):
                    fields["value"] = text
                    fields["value_type"] = "published"
                case .missing(let reason):
                    fields["value"] = ""
                    fields["value_type"] = AreaData.missingValueTypePrefix + reason
                }
                writer.writeRecord(header.map { fields[$0] ?? "" })
            }
            row(measure.name, observation.value)
            summary.rowsByLevel[observation.level.rawValue, default: 0] += 1
            if case .missing(let reason) = observation.value { summary.missingByReason[reason, default: 0] += 1 }
            if let numerator = observation.numerator { row(numeratorName(measure.name), numerator) }
            if let denominator = observation.denominator { row(denominatorName(measure.name), denominator) }
        }
        var catalogueWriter = CSVWriter()
        catalogue.write(to: &catalogueWriter)
        let indicatorsOutput = try OutputFile(path: indicatorsPath)
        let catalogueOutput = try OutputFile(path: cataloguePath)
        try indicatorsOutput.write(writer.bytes)
        try catalogueOutput.write(catalogueWriter.bytes)
        try indicatorsOutput.commit()
        try catalogueOutput.commit()
        return summary
    }

    /// Whether a file exists at `path` (it can be opened for reading).
    static func exists(_ path: String) -> Bool {
        (try? ByteSource(path: path)) != nil
    }
}
