import ScorecastCore
import ScorecastData

/// The monthly scorecard's comparators: for each indicator and each comparator group the
/// scorecard prints (statistical neighbours, England, South East), the difference and ratio of
/// the latest month's value to the comparator and where the authority stands by polarity;
/// and, for indicators that correspond to a DfE measure, the published DfE figure for the
/// comparator's year, so that the printed comparator can be checked against the source.
///
/// The scorecard's figures come from the data layer's ``ScorecardReport/lines(_:month:)`` (the
/// same latest values and comparators `scorecast scorecard` prints). The DfE check uses England's
/// and the region's published values and, for statistical neighbours, LAIT's mean over the
/// authority's neighbours in the chosen DfE model; a scorecard's "SN average" may come from an
/// older model, so that difference is reported, not judged.
public struct ScorecardComparison: Sendable {
    /// How a scorecard indicator maps onto a DfE measure: `scale` converts the annual DfE
    /// figure to the scorecard's basis (1/12 when the scorecard prints a monthly rate of an
    /// annual flow, 1 for stocks at a date and percentages).
    public struct MeasureLink: Sendable, Equatable {
        public var code: String
        public var measure: Measure
        public var scale: Double
        public init(code: String, measure: Measure, scale: Double) {
            self.code = code
            self.measure = measure
            self.scale = scale
        }
    }

    /// Where the latest value stands against a comparator.
    public enum Position: String, Sendable {
        case better, worse, higher, lower, same
        case notApplicable = "not_applicable"

        /// Position of `value` against `comparator` under `polarity` (a point comparison: the
        /// scorecard carries no denominators for an interval).
        public static func of(_ value: Double, against comparator: Double, polarity: Polarity) -> Position {
            guard value.isFinite, comparator.isFinite else { return .notApplicable }
            if value == comparator { return .same }
            let up = value > comparator
            switch polarity {
            case .higherIsBetter: return up ? .better : .worse
            case .lowerIsBetter: return up ? .worse : .better
            case .neutral: return up ? .higher : .lower
            }
        }
    }

    /// One indicator × comparator group.
    public struct Row: Sendable {
        public var indicator: Indicator
        public var month: Period
        public var latest: Double
        public var group: String
        public var comparator: Double
        public var comparatorStatus: String
        public var difference: Double
        public var ratio: Double
        public var position: Position
        /// The linked DfE measure and year, its published figure for the group scaled to the
        /// scorecard's basis, and the printed comparator minus that figure.
        public var dfeMeasure: String
        public var dfeYear: Int?
        public var dfeValue: Double
        public var printedMinusDFE: Double
    }

    public var rows: [Row]

    /// Builds the rows for `lines` (from ``ScorecardReport/lines(_:month:)``).
    ///
    /// - Parameters:
    ///   - links: scorecard codes linked to DfE measures (none: no DfE columns).
    ///   - data, authority: the DfE data and the scorecard's authority (for the region and the
    ///     neighbours), or nil to skip the check.
    ///   - comparatorYear: the DfE year (ending 31 March) the printed comparators describe.
    ///   - neighbourModel: the DfE statistical neighbour model for the neighbours' mean.
    public init(
        lines: [ScorecardLine], links: [MeasureLink] = [], data: AreaData? = nil, authority: Int? = nil,
        comparatorYear: Int, neighbourModel: Int = 2021
    ) {
        let linkByCode = Dictionary(links.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        rows = []
        for line in lines {
            for (group, comparator) in zip(ScorecardImport.comparatorGroups, line.comparators) {
                let value = comparator.value ?? .nan
                let link = linkByCode[line.indicator.code]
                var dfe = Double.nan
                if let link, let data, let authority {
                    dfe =
                        Self.publishedValue(
                            group: group, measure: link.measure, data: data, authority: authority,
                            year: comparatorYear, neighbourModel: neighbourModel) * link.scale
                }
                rows.append(
                    Row(
                        indicator: line.indicator, month: line.month, latest: line.latest, group: group,
                        comparator: value, comparatorStatus: comparator.status ?? "",
                        difference: line.latest - value, ratio: value != 0 ? line.latest / value : .nan,
                        position: .of(line.latest, against: value, polarity: line.indicator.polarity),
                        dfeMeasure: link?.measure.name ?? "", dfeYear: link == nil ? nil : comparatorYear,
                        dfeValue: dfe, printedMinusDFE: value - dfe))
            }
        }
    }

    /// The DfE figure a comparator group stands for: England's or the authority's region's
    /// published value, or LAIT's mean over the authority's neighbours.
    static func publishedValue(group: String, measure: Measure, data: AreaData, authority: Int, year: Int, neighbourModel: Int) -> Double {
        switch group {
        case "england":
            return data.englandIndex.map { data.value(area: $0, year: year, measure: measure.name) } ?? .nan
        case "statistical_neighbours":
            let values = data.neighbours(of: authority, model: neighbourModel).map { data.value(area: $0, year: year, measure: measure.name) }
            return NeighbourSummary(values: values, numerators: [], denominators: [], multiplier: measure.multiplier).mean
        default:
            // A region named like the group (`south_east` → South East).
            let wanted = AreaData.normalised(group)
            guard
                let region = data.areas.indices.first(where: {
                    data.areas[$0].level == .regional && AreaData.normalised(data.areas[$0].name) == wanted
                })
            else { return .nan }
            return data.value(area: region, year: year, measure: measure.name)
        }
    }

    /// The CSV columns.
    public static let columns = [
        "code", "title", "unit", "polarity", "period", "latest", "group", "comparator",
        "comparator_status", "difference", "ratio", "position",
        "dfe_measure", "dfe_year", "dfe_value", "printed_minus_dfe",
    ]

    /// Writes the rows as CSV, header first.
    public func writeCSV(to writer: inout CSVWriter) {
        writer.writeRecord(Self.columns)
        for row in rows {
            writer.writeField(row.indicator.code)
            writer.writeField(row.indicator.title)
            writer.writeField(row.indicator.unit.rawValue)
            writer.writeField(row.indicator.polarity.rawValue)
            writer.writeField(row.month.description)
            writer.writeField(row.latest)
            writer.writeField(row.group)
            writer.writeField(row.comparator)
            writer.writeField(row.comparatorStatus)
            writer.writeField(row.difference)
            writer.writeField(row.ratio)
            writer.writeField(row.position.rawValue)
            writer.writeField(row.dfeMeasure)
            writer.writeField(row.dfeYear.map(String.init) ?? "")
            writer.writeField(row.dfeValue)
            writer.writeField(row.printedMinusDFE)
            writer.endRecord()
        }
    }

    /// Reads links from a CSV with columns `code,measure,scale` (more may follow); each
    /// measure must be in `catalogue`.
    ///
    /// - Throws: ``DataError`` for an unknown measure or a scale that is not a positive number.
    public static func readLinks(path: String, catalogue: MeasureCatalogue) throws -> [MeasureLink] {
        let table = try CSVTable(path: path, required: ["code", "measure", "scale"])
        var links: [MeasureLink] = []
        while try table.next() {
            let name = table.text("measure")
            guard let measure = catalogue.named(name) else {
                throw table.error("measure", "expected a measure in the measures catalogue, found \(DataError.quote(name))")
            }
            guard let scale = try table.number("scale"), scale > 0 else {
                throw table.error("scale", "expected a positive number in column 'scale', found \(DataError.quote(table.text("scale")))")
            }
            links.append(MeasureLink(code: table.text("code"), measure: measure, scale: scale))
        }
        return links
    }
}
