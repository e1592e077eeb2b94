import Foundation
import ScorecastCharts
import ScorecastComparators
import ScorecastData
import ScorecastNumerics

/// The report's DfE comparator section: one local authority's published figures for a year
/// ending 31 March against its statistical neighbours, its region and England, with PHE
/// confidence intervals and the Fingertips significance verdict, plus funnel plots.
///
/// The rows are exactly those `scorecast compare --la CODE --year YEAR` computes (all 13
/// measures, 95% and 99.8% intervals, significance at 95%, the chosen neighbour model), so
/// `comparators.csv` is byte-for-byte what `compare` writes. The funnels are
/// ``FunnelTable``s (exact Poisson or binomial limits around England's rate, no
/// overdispersion adjustment), drawn with curves sampled from ``FunnelLimits``.
///
/// Complexity: one ``ComparisonTable`` row per measure (O(A) each for A authorities) and one
/// funnel per funnel measure (O(A) limits plus the sampled curves).
public struct ComparatorReport: Sendable {
    public var data: AreaData
    /// The authority's index in `data`.
    public var authority: Int
    /// The DfE year (ending 31 March).
    public var year: Int
    public var table: ComparisonTable
    /// One row per catalogued measure, in catalogue order.
    public var rows: [ComparisonRow]
    /// The funnels that could be drawn, and why any other could not.
    public var funnels: [FunnelTable]
    public var funnelGaps: [String]

    /// The measures drawn as funnel plots: children looked after per 10,000 and re-referrals.
    public static let funnelMeasures = ["cla_31mar_rate_per_10k", "rereferrals_12m_pct"]
    /// The interval levels of the table and CSV (as `compare`'s defaults).
    public static let levels = [0.95, 0.998]

    /// Computes the rows and funnels.
    ///
    /// - Parameters:
    ///   - data: the DfE data (``AreaData/load(indicators:populations:neighbours:)``).
    ///   - authority: the local authority's index in `data`.
    ///   - year: the year ending 31 March.
    ///   - neighbourModel: the DfE statistical neighbour model (2021 or 2025).
    public init(data: AreaData, authority: Int, year: Int, neighbourModel: Int = 2021) {
        self.data = data
        self.authority = authority
        self.year = year
        table = ComparisonTable(
            data: data,
            options: ComparisonOptions(
                confidenceLevels: Self.levels, significanceLevel: 0.95, neighbourModel: neighbourModel))
        rows = table.rows(authorities: [authority], measures: data.catalogue.measures, years: [year])
        funnels = []
        funnelGaps = []
        for name in Self.funnelMeasures {
            guard let measure = data.catalogue.named(name) else { continue }
            do {
                // Spiegelhalter (2005): when the units differ by more than chance (I·φ̂ beyond
                // the 95% point of χ² on I − 1 degrees of freedom), exact limits flag units for
                // that alone; the limits are then widened by √φ̂ and the page says so.
                var funnel = try FunnelTable(data: data, measure: measure, year: year, levels: Self.levels)
                let units = funnel.dispersion.units
                if units > 1, funnel.dispersion.phi > 1,
                    ChiSquared.survival(Double(units) * funnel.dispersion.phi, degreesOfFreedom: Double(units - 1)) < 0.05
                {
                    funnel = try FunnelTable(data: data, measure: measure, year: year, levels: Self.levels, overdispersion: .multiplicative)
                }
                funnels.append(funnel)
            } catch {
                funnelGaps.append("No funnel plot of \(Self.title(of: measure)): \(error)")
            }
        }
    }

    public var area: AreaData.Area { data.areas[authority] }

    /// The authority's region, as the data name it ("South East").
    public var regionName: String { area.region.isEmpty ? "region" : area.region }

    /// The section's heading.
    public var heading: String {
        "Compared with statistical neighbours, England and the \(regionName) (DfE, year ending 31 March \(year))"
    }

    /// `comparators.csv`: the `scorecast compare` columns for the authority and year.
    public func csv() -> [UInt8] {
        var writer = CSVWriter()
        table.writeCSV(rows, to: &writer)
        return writer.bytes
    }

    /// A reader's name for a measure.
    static func title(of measure: Measure) -> String {
        switch measure.name {
        case "cla_31mar_number": "Children looked after at 31 March"
        case "cla_31mar_rate_per_10k": "Children looked after at 31 March, per 10,000 children"
        case "cpp_31mar_number": "Children on protection plans at 31 March"
        case "cpp_31mar_rate_per_10k": "Children on protection plans at 31 March, per 10,000 children"
        case "cin_31mar_number": "Children in need at 31 March"
        case "cin_31mar_rate_per_10k": "Children in need at 31 March, per 10,000 children"
        case "referrals_number": "Referrals in the year"
        case "referrals_rate_per_10k": "Referrals in the year, per 10,000 children"
        case "rereferrals_12m_pct": "Re-referrals within 12 months, % of referrals"
        case "s47_enquiries_number": "Section 47 enquiries in the year"
        case "s47_enquiries_rate_per_10k": "Section 47 enquiries, per 10,000 children"
        case "icpc_number": "Initial child protection conferences in the year"
        case "icpc_rate_per_10k": "Initial child protection conferences, per 10,000 children"
        default: measure.name
        }
    }

    /// A value in the measure's units: whole numbers for counts, one decimal for rates and
    /// percentages.
    static func format(_ value: Double, _ measure: Measure) -> String {
        guard value.isFinite else { return "–" }
        switch measure.kind {
        case .count: return NumberText.format(value)
        case .rate, .number: return NumberText.format(value, decimals: 1)
        case .percentage: return NumberText.format(value, decimals: 1) + "%"
        }
    }

    static func axisLabel(_ measure: Measure) -> String {
        switch measure.kind {
        case .count: "Children"
        case .rate: "Rate per 10,000 children aged 0-17"
        case .number: measure.name
        case .percentage: "Percentage"
        }
    }

    static func words(_ significance: Significance) -> String {
        significance.rawValue.replacingUnderscores
    }

    /// The 95% interval of an observation (the first level).
    static func interval95(_ observation: AreaObservation) -> ConfidenceInterval? {
        observation.intervals.first ?? nil
    }

    /// The page section for `place` (the scorecard's name for the authority).
    public func section(place: String) -> IndicatorSection {
        let neighbourCount = rows.first?.neighbourCodes.count ?? 0
        var meta =
            "\(area.name) (\(area.code)), DfE published figures for the year ending 31 March \(year); statistical neighbours from the DfE \(table.options.neighbourModel) model"
        if neighbourCount == 0 {
            meta += " (none are listed for \(area.name) in the data, so there is no neighbours' average)"
        } else {
            let names = (rows.first?.neighbourCodes ?? []).compactMap { data.index(ofCode: $0).map { data.areas[$0].name } }
            meta += ": " + names.joined(separator: "; ")
        }
        meta += ". Intervals: PHE methods at 95%; significance: the interval against England's or the region's value (Fingertips)."

        let table = ReportTable(
            caption: "\(area.name) against its comparators, year ending 31 March \(year)",
            headers: [
                "Measure", area.name, "95% interval", "Statistical neighbours' average", "England", regionName,
                "Against England", "Against the \(regionName)",
            ],
            rows: rows.map { row in
                let interval = Self.interval95(row.observation)
                return [
                    Self.title(of: row.measure), Self.format(row.observation.value, row.measure),
                    interval.map { "\(Self.format($0.lower, row.measure)) to \(Self.format($0.upper, row.measure))" } ?? "–",
                    Self.format(row.neighbours.mean, row.measure), Self.format(row.englandValue, row.measure),
                    Self.format(row.regionValue, row.measure), Self.words(row.versusEngland), Self.words(row.versusRegion),
                ]
            })

        var verdicts: [Verdict] = []
        for funnel in funnels {
            verdicts.append(funnelVerdict(funnel))
        }
        for gap in funnelGaps {
            verdicts.append(Verdict(source: "Funnel plot", label: "not drawn", explanation: gap, tone: .unknown))
        }

        var charts: [String] = []
        // A chart per rate and percentage the authority has a value for (counts are not
        // comparable across authorities of different sizes).
        for (index, row) in rows.enumerated() where row.measure.kind != .count && row.observation.value.isFinite {
            charts.append(comparatorChart(row, label: place).svg(id: "dfe-cmp-\(index)"))
        }
        for (index, funnel) in funnels.enumerated() where funnel.rows.contains(where: { $0.observation.denominator > 0 }) {
            charts.append(funnelPlot(funnel).svg(id: "dfe-funnel-\(index)"))
        }
        return IndicatorSection(
            code: "", title: heading, meta: meta, facts: [], verdicts: verdicts, charts: charts,
            table: table, anchorName: "dfe-comparators")
    }

    /// Where the authority falls in a funnel, in words.
    func funnelVerdict(_ funnel: FunnelTable) -> Verdict {
        let source = "Funnel, " + Self.title(of: funnel.measure)
        guard let row = funnel.rows.first(where: { $0.area.code == area.code }) else {
            return Verdict(source: source, label: "not placed", explanation: "\(area.name) has no published value in \(year).", tone: .unknown)
        }
        let value = row.observation.numerator / row.observation.denominator * funnel.measure.multiplier
        guard value.isFinite, let outer = row.flags.last, outer != "no_denominator" else {
            return Verdict(
                source: source, label: "not placed", explanation: "\(area.name) has no numerator or denominator to place in the funnel.",
                tone: .unknown)
        }
        let inner = row.flags.first ?? outer
        let label: String
        let tone: Tone
        if outer != "inside" {
            label = "\(outer) 99.8% limits"
            tone = MonthlyReport.tone(high: outer == "above", polarity: funnel.measure.polarity)
        } else if inner != "inside" {
            label = "\(inner) 95% limits"
            tone = MonthlyReport.tone(high: inner == "above", polarity: funnel.measure.polarity)
        } else {
            label = "within limits"
            tone = .neutral
        }
        let limits = zip(funnel.levels, row.limits).map { level, pair in
            "\(NumberText.format(level * 100, decimals: level * 100 == (level * 100).rounded() ? 0 : 1))% limits \(Self.format(pair.lower, funnel.measure)) to \(Self.format(pair.upper, funnel.measure))"
        }.joined(separator: "; ")
        var note = ""
        if funnel.overdispersion == .multiplicative {
            note =
                " Authorities differ by more than chance (Spiegelhalter's overdispersion estimate φ = \(NumberText.format(funnel.dispersion.phi, decimals: 1)); 1 would be chance alone), so the limits drawn and used here are widened by √φ (as scorecast funnel --overdispersion multiplicative); exact limits would flag many authorities for that alone."
        } else if funnel.dispersion.phi > 1 {
            note =
                " Spiegelhalter's overdispersion estimate φ = \(NumberText.format(funnel.dispersion.phi, decimals: 1)) is not significantly above 1, so the exact limits stand."
        }
        return Verdict(
            source: source, label: label,
            explanation:
                "From counts and denominators, as the funnel is drawn (rounding can make this differ from the published figure): \(Self.format(value, funnel.measure)) against England's \(Self.format(funnel.target, funnel.measure)) (\(limits) for \(NumberText.format(row.observation.denominator)) \(funnel.measure.kind == .percentage ? "referrals" : "children")); \(funnel.rows.filter { $0.observation.numerator.isFinite && $0.observation.denominator > 0 }.count) local authorities plotted."
                + note,
            tone: tone)
    }

    /// The authority, its neighbours, their average, the region and England, with 95% intervals.
    func comparatorChart(_ row: ComparisonRow, label: String) -> ComparatorChart {
        let measure = row.measure
        let options = ComparisonOptions(confidenceLevels: [0.95], significanceLevel: 0.95, neighbourModel: table.options.neighbourModel)
        let own = Self.interval95(row.observation)
        var chartRows = [
            ComparatorChart.Row(label: label, value: row.observation.value, lower: own?.lower ?? .nan, upper: own?.upper ?? .nan, role: .local)
        ]
        for code in row.neighbourCodes {
            guard let index = data.index(ofCode: code) else { continue }
            let observation = AreaObservation(data: data, area: index, year: year, measure: measure, options: options)
            let interval = Self.interval95(observation)
            chartRows.append(
                ComparatorChart.Row(
                    label: data.areas[index].name, value: observation.value,
                    lower: interval?.lower ?? .nan, upper: interval?.upper ?? .nan, role: .neighbour))
        }
        chartRows.append(ComparatorChart.Row(label: "Statistical neighbours' average", value: row.neighbours.mean, role: .neighbourAverage))
        chartRows.append(ComparatorChart.Row(label: regionName, value: row.regionValue, role: .region))
        chartRows.append(ComparatorChart.Row(label: "England", value: row.englandValue, role: .england))
        return ComparatorChart(
            title: Self.title(of: measure), subtitle: "DfE, year ending 31 March \(year); against England: \(Self.words(row.versusEngland))",
            valueLabel: Self.axisLabel(measure), intervalLevel: 95, rows: chartRows)
    }

    /// Every local authority's value against its denominator, the authority highlighted, with
    /// the funnel's limits sampled at 120 denominators spaced evenly on a log scale.
    func funnelPlot(_ funnel: FunnelTable) -> FunnelPlot {
        let measure = funnel.measure
        let points = funnel.rows.compactMap { row -> FunnelPlot.Point? in
            let observation = row.observation
            guard observation.numerator.isFinite, observation.denominator > 0 else { return nil }
            return FunnelPlot.Point(
                label: row.area.name, denominator: observation.denominator,
                value: observation.numerator / observation.denominator * measure.multiplier,
                highlighted: row.area.code == area.code)
        }
        let denominators = points.map(\.denominator)
        var smallest = max(1, (denominators.min() ?? 1) * 0.9)
        var largest = (denominators.max() ?? 1) * 1.05
        if largest <= smallest {
            smallest = max(1, smallest / 2)
            largest = smallest * 4
        }
        let sampleCount = 120
        let grid = (0..<sampleCount).map { step -> Double in
            let fraction = Double(step) / Double(sampleCount - 1)
            return (smallest * pow(largest / smallest, fraction)).rounded()
        }
        let model: FunnelLimits.Model = measure.kind == .percentage ? .binomial : .poisson
        let theta = funnel.target / measure.multiplier
        let limits = funnel.levels.map { level -> FunnelPlot.Limits in
            let pairs = grid.map {
                FunnelLimits.limits(
                    confidence: level, target: theta, denominator: $0, model: model,
                    overdispersion: funnel.overdispersion, dispersion: funnel.dispersion)
            }
            return FunnelPlot.Limits(
                level: level * 100, denominators: grid,
                lower: pairs.map { $0.lower * measure.multiplier }, upper: pairs.map { $0.upper * measure.multiplier })
        }
        return FunnelPlot(
            title: "Funnel plot: " + Self.title(of: measure),
            subtitle:
                "Every local authority in England, year ending 31 March \(year); limits around England's \(Self.format(funnel.target, measure))"
                + (funnel.overdispersion == .multiplicative
                    ? ", widened by √φ for overdispersion (φ = \(NumberText.format(funnel.dispersion.phi, decimals: 1)))" : ""),
            valueLabel: Self.axisLabel(measure),
            denominatorLabel: measure.kind == .percentage ? "Referrals" : "Children aged 0-17",
            centre: funnel.target, points: points, limits: limits)
    }
}
