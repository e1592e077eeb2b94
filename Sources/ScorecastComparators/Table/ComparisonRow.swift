import ScorecastData
import ScorecastNumerics

/// One row of the comparator table: a local authority's value of one measure in one year,
/// against its statistical neighbours, its region and England.
public struct ComparisonRow: Sendable {
    public var measure: Measure
    public var year: Int
    public var area: AreaData.Area
    public var observation: AreaObservation
    /// The statistical neighbours' summary (LAIT mean, DfE dashboard median, ...).
    public var neighbours: NeighbourSummary
    /// The neighbours' codes, closest first.
    public var neighbourCodes: [String]
    public var regionValue: Double
    public var englandValue: Double
    /// Rank among all local authorities with a value (1 = best by polarity; ties shared).
    public var rankEngland: Int?
    /// Among authorities with a value in England.
    public var rankedInEngland: Int
    /// Rank among the authority and its neighbours.
    public var rankNeighbours: Int?
    public var rankedAmongNeighbours: Int
    /// Quartile band A–D among all local authorities.
    public var quartileBand: String?
    public var versusEngland: Significance
    public var versusRegion: Significance
    /// Children the authority would have at the neighbours' mean rate, minus those it has
    /// (positive: more at the neighbours' rate). NaN for counts or when inputs are missing.
    public var gapChildrenNeighbours: Double
    /// The same at England's rate.
    public var gapChildrenEngland: Double
    /// The Fingertips recent-trend result over the five years ending in `year`.
    public var trend: TrendTest.Result
}

/// Builds comparator rows for any set of local authorities, measures and years.
///
/// Per measure and year, the values of all local authorities, their quartile boundaries and the
/// England and regional values are computed once and shared by every authority's row, so a
/// table of every authority costs about as much as the statistics themselves:
/// O(A² + A·(K + 5)) per measure-year for A authorities and K neighbours (the rank is a linear
/// scan; the trend test refits six weighted lines of at most five points).
public struct ComparisonTable: Sendable {
    public var data: AreaData
    public var options: ComparisonOptions

    public init(data: AreaData, options: ComparisonOptions = ComparisonOptions()) {
        self.data = data
        self.options = options
    }

    /// Rows for `authorities` (area indices) × `measures` × `years`, ordered by authority,
    /// then year, then measure. Authorities or years without any data still get rows (with
    /// empty values and reasons), so nothing is silently dropped.
    public func rows(authorities: [Int], measures: [Measure], years: [Int]) -> [ComparisonRow] {
        var rows: [ComparisonRow] = []
        rows.reserveCapacity(authorities.count * measures.count * years.count)
        // Observations of every area, per measure and year, computed once: each row reads its
        // own, its neighbours' and (for the trend) its four previous years'.
        let neededYears = Set(years.flatMap { ($0 - TrendTest.pointCount + 1)...$0 })
        let contexts: [[Int: MeasureYearContext]] = measures.map { measure in
            Dictionary(
                uniqueKeysWithValues: neededYears.map {
                    ($0, MeasureYearContext(data: data, measure: measure, year: $0, options: options))
                })
        }
        for authority in authorities {
            for year in years {
                for (index, measure) in measures.enumerated() {
                    rows.append(row(authority: authority, measure: measure, year: year, contexts: contexts[index]))
                }
            }
        }
        return rows
    }

    /// What every authority's row for one measure and year shares.
    struct MeasureYearContext {
        /// Every area's observation, indexed by area.
        var observations: [AreaObservation]
        var authorityValues: [Double]
        var boundaries: [Double]?
        var englandValue: Double

        init(data: AreaData, measure: Measure, year: Int, options: ComparisonOptions) {
            observations = data.areas.indices.map { AreaObservation(data: data, area: $0, year: year, measure: measure, options: options) }
            let observations = observations
            authorityValues = data.localAuthorityIndices.map { observations[$0].value }
            boundaries = Ranking.quartileBoundaries(of: authorityValues)
            englandValue = data.englandIndex.map { observations[$0].value } ?? .nan
        }
    }

    func row(authority: Int, measure: Measure, year: Int, contexts: [Int: MeasureYearContext]) -> ComparisonRow {
        let context = contexts[year]!
        let area = data.areas[authority]
        let observation = context.observations[authority]
        let neighbourIndices = data.neighbours(of: authority, model: options.neighbourModel)
        let neighbourObservations = neighbourIndices.map { context.observations[$0] }
        let neighbourValues = neighbourObservations.map(\.value)
        let neighbours = NeighbourSummary(
            values: neighbourValues, numerators: neighbourObservations.map(\.numerator),
            denominators: neighbourObservations.map(\.denominator), multiplier: measure.multiplier)
        let regionValue = data.regionIndex(named: area.region).map { context.observations[$0].value } ?? .nan
        let value = observation.value
        let rankEngland = Ranking.rank(of: value, among: context.authorityValues, polarity: measure.polarity)
        let rankNeighbours = Ranking.rank(of: value, among: [value] + neighbourValues, polarity: measure.polarity)
        let band = context.boundaries.flatMap { Ranking.quartileBand(of: value, boundaries: $0, polarity: measure.polarity) }
        let comparable = measure.kind != .count
        let versusEngland =
            comparable ? Significance.compare(observation.significanceInterval, with: context.englandValue, polarity: measure.polarity) : .notCompared
        let versusRegion =
            comparable ? Significance.compare(observation.significanceInterval, with: regionValue, polarity: measure.polarity) : .notCompared
        func gap(at rate: Double) -> Double {
            guard comparable, observation.numerator.isFinite, observation.denominator.isFinite, rate.isFinite else { return .nan }
            return rate * observation.denominator / measure.multiplier - observation.numerator
        }
        var points: [TrendTest.Point] = []
        for pointYear in (year - TrendTest.pointCount + 1)...year {
            guard let point = contexts[pointYear]?.observations[authority], point.value.isFinite else { break }
            points.append(
                TrendTest.Point(
                    time: Double(pointYear), value: point.value, numerator: point.numerator, denominator: point.denominator,
                    lower95: point.interval95?.lower ?? .nan, upper95: point.interval95?.upper ?? .nan))
        }
        return ComparisonRow(
            measure: measure, year: year, area: area, observation: observation, neighbours: neighbours,
            neighbourCodes: neighbourIndices.map { data.areas[$0].code },
            regionValue: regionValue, englandValue: context.englandValue,
            rankEngland: rankEngland, rankedInEngland: context.authorityValues.filter(\.isFinite).count,
            rankNeighbours: rankNeighbours, rankedAmongNeighbours: ([value] + neighbourValues).filter(\.isFinite).count,
            quartileBand: band, versusEngland: versusEngland, versusRegion: versusRegion,
            gapChildrenNeighbours: gap(at: neighbours.mean), gapChildrenEngland: gap(at: context.englandValue),
            trend: points.count == TrendTest.pointCount ? TrendTest.test(points, proportion: measure.kind == .percentage) : .notEnoughData)
    }
}
