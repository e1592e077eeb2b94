import ScorecastData

/// Funnel-plot data for one measure and year: every local authority's value and denominator
/// with limits around England's value, and whether it falls inside them.
///
/// Rates are modelled as Poisson counts over the population aged 0–17 and percentages as
/// binomial counts over their denominator (referrals, for re-referrals). England's value is
/// its own numerator over denominator (the published England value where those are missing).
/// Counts have no funnel.
public struct FunnelTable: Sendable {
    /// One authority's row.
    public struct Row: Sendable {
        public var area: AreaData.Area
        public var observation: AreaObservation
        /// Limits in the measure's units, one pair per level.
        public var limits: [(lower: Double, upper: Double)]
        /// (value − target)/s, unadjusted, and adjusted for overdispersion (NaN without a denominator).
        public var zScore: Double
        public var adjustedZScore: Double
        /// `inside`, `above` or `below` per level; `no_denominator` when it cannot be placed.
        public var flags: [String]
    }

    public enum FunnelError: Error, CustomStringConvertible {
        case countMeasure(String)
        case noEnglandValue(String, Int)
        public var description: String {
            switch self {
            case .countMeasure(let name): "funnel plots need a rate or percentage measure; \(name) is a count"
            case .noEnglandValue(let name, let year): "England has no value of \(name) in \(year) to centre the funnel on"
            }
        }
    }

    public var measure: Measure
    public var year: Int
    public var levels: [Double]
    public var overdispersion: FunnelLimits.Overdispersion
    /// England's value in the measure's units.
    public var target: Double
    public var dispersion: FunnelLimits.Dispersion
    public var rows: [Row]

    /// Builds the funnel for every local authority.
    public init(
        data: AreaData, measure: Measure, year: Int, levels: [Double] = [0.95, 0.998],
        overdispersion: FunnelLimits.Overdispersion = .none
    ) throws {
        guard measure.kind != .count else { throw FunnelError.countMeasure(measure.name) }
        self.measure = measure
        self.year = year
        self.levels = levels
        self.overdispersion = overdispersion
        let observationOptions = ComparisonOptions(confidenceLevels: [], significanceLevel: 0.95)
        var england = Double.nan
        if let index = data.englandIndex {
            let observation = AreaObservation(data: data, area: index, year: year, measure: measure, options: observationOptions)
            england =
                observation.numerator.isFinite && observation.denominator > 0
                ? observation.numerator / observation.denominator * measure.multiplier : observation.value
        }
        guard england.isFinite else { throw FunnelError.noEnglandValue(measure.name, year) }
        target = england
        let model: FunnelLimits.Model = measure.kind == .percentage ? .binomial : .poisson
        let theta = england / measure.multiplier
        let observations = data.localAuthorityIndices.map {
            (data.areas[$0], AreaObservation(data: data, area: $0, year: year, measure: measure, options: observationOptions))
        }.filter { $0.1.value.isFinite }
        let usable = observations.filter { $0.1.numerator.isFinite && $0.1.denominator > 0 }
        dispersion = FunnelLimits.dispersion(
            values: usable.map { $0.1.numerator / $0.1.denominator }, denominators: usable.map { $0.1.denominator },
            target: theta, model: model)
        let dispersion = dispersion
        rows = observations.map { area, observation in
            let n = observation.denominator
            guard observation.numerator.isFinite, n > 0 else {
                return Row(
                    area: area, observation: observation, limits: levels.map { _ in (.nan, .nan) },
                    zScore: .nan, adjustedZScore: .nan, flags: levels.map { _ in "no_denominator" })
            }
            let limits = levels.map { level in
                let pair = FunnelLimits.limits(
                    confidence: level, target: theta, denominator: n, model: model,
                    overdispersion: overdispersion, dispersion: dispersion)
                return (lower: pair.lower * measure.multiplier, upper: pair.upper * measure.multiplier)
            }
            let s = FunnelLimits.standardError(target: theta, denominator: n, model: model)
            let y = observation.numerator / n
            let z = (y - theta) / s
            let adjusted: Double
            switch overdispersion {
            case .multiplicative where dispersion.phi > 1: adjusted = z / dispersion.phi.squareRoot()
            case .additive where dispersion.tauSquared > 0: adjusted = (y - theta) / (s * s + dispersion.tauSquared).squareRoot()
            default: adjusted = z
            }
            let value = y * measure.multiplier
            let flags = limits.map { $0.lower > value ? "below" : ($0.upper < value ? "above" : "inside") }
            return Row(area: area, observation: observation, limits: limits, zScore: z, adjustedZScore: adjusted, flags: flags)
        }
    }

    /// Writes the table as CSV, header first.
    ///
    /// Columns: `measure,year,la_code,la_name,value,numerator,denominator,england_value`, then
    /// `lo_L,hi_L` per level, `z_score,z_adjusted`, `flag_L` per level, `overdispersion,phi,tau_squared`
    /// (τ̂² in the measure's units squared).
    /// `value` is the published value; limits and flags use numerator/denominator.
    public func writeCSV(to writer: inout CSVWriter) {
        let labels = levels.map(ComparisonOptions.label(for:))
        writer.writeRecord(
            ["measure", "year", "la_code", "la_name", "value", "numerator", "denominator", "england_value"]
                + labels.flatMap { ["lo_\($0)", "hi_\($0)"] } + ["z_score", "z_adjusted"] + labels.map { "flag_\($0)" }
                + ["overdispersion", "phi", "tau_squared"])
        for row in rows {
            writer.writeField(measure.name)
            writer.writeField(String(year))
            writer.writeField(row.area.code)
            writer.writeField(row.area.name)
            writer.writeField(row.observation.value)
            writer.writeField(row.observation.numerator)
            writer.writeField(row.observation.denominator)
            writer.writeField(target)
            for limit in row.limits {
                writer.writeField(limit.lower)
                writer.writeField(limit.upper)
            }
            writer.writeField(row.zScore)
            writer.writeField(row.adjustedZScore)
            for flag in row.flags { writer.writeField(flag) }
            writer.writeField(overdispersion.rawValue)
            writer.writeField(dispersion.phi)
            writer.writeField(dispersion.tauSquared * measure.multiplier * measure.multiplier)
            writer.endRecord()
        }
    }
}
