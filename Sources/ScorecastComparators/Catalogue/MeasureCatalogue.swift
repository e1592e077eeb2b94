import ScorecastCore
import ScorecastData

/// The measures of a comparator data folder, read from its `measures.csv`: what `compare`,
/// `funnel` and `scorecard-comparators` know about each measure, in the order tables list them.
///
/// Columns (found by name, in any order; others ignored):
/// `measure,unit,polarity,numerator,denominator,multiplier,source_file,filters`. `unit` is
/// `count`, `rate_per_10k`, `percent` or `number` (``Measure/Kind``); `polarity` is
/// `higher_is_better`, `lower_is_better` or `neutral`; `numerator` and `denominator` name other
/// measures (or `population_0_17`, the populations file) and may be empty; `multiplier` is a
/// positive number. `import-ees` adds rows; the first 13 are the bundled DfE measures.
public struct MeasureCatalogue: Sendable {
    /// The columns written, in order.
    public static let columns = ["measure", "unit", "polarity", "numerator", "denominator", "multiplier", "source_file", "filters"]

    /// Every measure, in table order.
    public private(set) var measures: [Measure]
    private var indexByName: [String: Int]

    /// A catalogue of `measures` (names must be distinct).
    public init(_ measures: [Measure] = []) {
        self.measures = []
        indexByName = [:]
        for measure in measures { set(measure) }
    }

    /// The measure called `name`, if catalogued.
    public func named(_ name: String) -> Measure? { indexByName[name].map { measures[$0] } }

    /// The names, in order.
    public var names: [String] { measures.map(\.name) }

    /// Replaces the measure with `measure`'s name in place, or appends it.
    public mutating func set(_ measure: Measure) {
        if let index = indexByName[measure.name] {
            measures[index] = measure
        } else {
            indexByName[measure.name] = measures.count
            measures.append(measure)
        }
    }

    /// Reads `measures.csv`.
    ///
    /// - Throws: ``DataError`` naming file, line and column for a missing column, an unknown
    ///   unit or polarity, a multiplier that is not a positive number, a repeated measure, or
    ///   a numerator or denominator that names no catalogued measure; `FileError` when the
    ///   file cannot be read.
    /// - Complexity: O(rows).
    public static func read(path: String) throws -> MeasureCatalogue {
        let table = try CSVTable(path: path, required: ["measure", "unit", "polarity", "numerator", "denominator", "multiplier"])
        var catalogue = MeasureCatalogue()
        var references: [(DataError, String)] = []
        while try table.next() {
            let name = table.text("measure")
            guard !name.isEmpty, !name.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
                throw table.error("measure", "expected a measure name (no commas or quotes), found \(DataError.quote(name))")
            }
            guard catalogue.named(name) == nil else {
                throw table.error("measure", "expected each measure once, found a second \(DataError.quote(name))")
            }
            let unitText = table.text("unit")
            guard let kind = Measure.Kind(rawValue: unitText) else {
                throw table.error(
                    "unit", "expected a unit: \(Measure.Kind.allCases.map(\.rawValue).joined(separator: ", ")), found \(DataError.quote(unitText))")
            }
            let polarityText = table.text("polarity")
            guard let polarity = Polarity(rawValue: polarityText) else {
                throw table.error(
                    "polarity",
                    "expected a polarity: \(Polarity.allCases.map(\.rawValue).joined(separator: ", ")), found \(DataError.quote(polarityText))")
            }
            guard let multiplier = try table.number("multiplier"), multiplier > 0, multiplier.isFinite else {
                throw table.error(
                    "multiplier", "expected a positive number in column 'multiplier', found \(DataError.quote(table.text("multiplier")))")
            }
            let numerator = table.text("numerator")
            let denominator = table.text("denominator")
            if !numerator.isEmpty { references.append((table.error("numerator", ""), numerator)) }
            if !denominator.isEmpty, denominator != Measure.populationDenominator {
                references.append((table.error("denominator", ""), denominator))
            }
            catalogue.set(
                Measure(
                    name: name, kind: kind, numerator: numerator.isEmpty ? nil : numerator,
                    denominator: denominator.isEmpty ? nil : denominator, multiplier: multiplier, polarity: polarity,
                    sourceFile: table.text("source_file"), filters: table.text("filters")))
        }
        for (location, name) in references where catalogue.named(name) == nil {
            var error = location
            error.expected = "expected a catalogued measure or \(Measure.populationDenominator), found \(DataError.quote(name))"
            throw error
        }
        return catalogue
    }

    /// Writes the catalogue as CSV, header first.
    public func write(to writer: inout CSVWriter) {
        writer.writeRecord(Self.columns)
        for measure in measures {
            writer.writeField(measure.name)
            writer.writeField(measure.kind.rawValue)
            writer.writeField(measure.polarity.rawValue)
            writer.writeField(measure.numerator ?? "")
            writer.writeField(measure.denominator ?? "")
            writer.writeField(measure.multiplier)
            writer.writeField(measure.sourceFile)
            writer.writeField(measure.filters)
            writer.endRecord()
        }
    }
}
