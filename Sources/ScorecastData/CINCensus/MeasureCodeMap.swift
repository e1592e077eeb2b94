import ScorecastCore

/// A map from the measures an import writes (`referrals`, `cin_open`, `lac_open`, ...) to a
/// scorecard's own indicator codes (`M2`, `CIN5`, `LAC1`, ...): a CSV `measure,code` that users
/// edit for their scorecard. The bundled one, `notebooks-data/scorecard/measure-codes.csv`, maps
/// the bundled scorecard.
///
/// Each measure maps to at most one code and each code to at most one measure; measures not in
/// the map are left out of ``renamed(_:)``.
public struct MeasureCodeMap: Sendable, Equatable {
    /// `(measure, code)` in the file's order.
    public var entries: [(measure: String, code: String)]

    public init(entries: [(measure: String, code: String)]) {
        self.entries = entries
    }

    public static func == (lhs: MeasureCodeMap, rhs: MeasureCodeMap) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
    }

    /// The code of `measure`, if mapped.
    public func code(of measure: String) -> String? {
        entries.first { $0.measure == measure }?.code
    }

    /// Reads a map: columns `measure` and `code` (others, such as a note, are ignored).
    ///
    /// - Throws: ``FileError`` when unreadable; ``DataError`` for an empty field or a measure or
    ///   code given twice.
    public static func read(path: String) throws -> MeasureCodeMap {
        let table = try CSVTable(path: path, required: ["measure", "code"])
        var entries: [(measure: String, code: String)] = []
        var measureLines: [String: Int] = [:]
        var codeLines: [String: Int] = [:]
        while try table.next() {
            let measure = table.text("measure").trimmingSpaces
            let code = table.text("code").trimmingSpaces
            guard !measure.isEmpty else { throw table.error("measure", "expected a measure name, found an empty field") }
            guard !code.isEmpty else { throw table.error("code", "expected a scorecard code, found an empty field") }
            let line = table.csv.record.line
            if let first = measureLines[measure] {
                throw table.error("measure", "expected each measure once, found \(DataError.quote(measure)) again (first on line \(first))")
            }
            if let first = codeLines[code] {
                throw table.error("code", "expected each code once, found \(DataError.quote(code)) again (first on line \(first))")
            }
            measureLines[measure] = line
            codeLines[code] = line
            entries.append((measure, code))
        }
        return MeasureCodeMap(entries: entries)
    }

    /// The mapped series of `series`, renamed to their codes, in the map's order (numerators,
    /// denominators and statuses kept).
    public func renamed(_ series: [ObservedSeries]) -> [ObservedSeries] {
        let byName = Dictionary(series.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.compactMap { entry in
            guard var found = byName[entry.measure] else { return nil }
            found.series.name = entry.code
            return found
        }
    }

    /// The observations of an import folder (`import-cin`'s `observations.csv`, and
    /// `import-903`'s looked-after measures when the folder has them), renamed to codes by the
    /// map: the history `report --history` takes.
    ///
    /// - Throws: ``FileError`` when the folder has no `observations.csv`; ``DataError`` for a
    ///   bad row.
    public func history(importFolder directory: String) throws -> [ObservedSeries] {
        renamed(try ObservationReader(path: directory + "/observations.csv").readAll())
    }
}
