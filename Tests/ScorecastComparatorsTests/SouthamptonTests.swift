import ScorecastData
import Testing

@testable import ScorecastComparators

/// Southampton (E06000045), year ending March 2021, 2021 neighbour model, against an
/// independent base-R calculation from the same bundled files
/// (`scripts/fixtures/southampton-2021.R` → `Fixtures/southampton-2021.csv`).
@Suite("Southampton 2021 comparator table")
struct SouthamptonTests {
    static let expected = FixtureTable("southampton-2021")

    static func rows() throws -> [ComparisonRow] {
        let data = try #require(BundledData.data)
        let southampton = try data.localAuthority(matching: "E06000045")
        return ComparisonTable(data: data).rows(authorities: [southampton], measures: BundledData.catalogue.measures, years: [2021])
    }

    @Test func neighboursAreTheIssuesList() throws {
        let data = try #require(BundledData.data)
        let southampton = try data.localAuthority(matching: "Southampton")
        let names = data.neighbours(of: southampton, model: 2021).map { data.areas[$0].name }
        #expect(
            names == [
                "Portsmouth", "Sheffield", "Peterborough", "Plymouth", "Derby", "Bristol, City of",
                "Coventry", "Stoke-on-Trent", "Kingston upon Hull, City of", "Salford",
            ])
        let rate = try #require(try Self.rows().first { $0.measure.name == "cla_31mar_rate_per_10k" })
        #expect(rate.observation.value == 100)
        #expect(rate.observation.numerator == 498)
    }

    @Test(arguments: BundledData.catalogue.measures.map(\.name))
    func matchesIndependentCalculation(measure: String) throws {
        let t = Self.expected
        let reference = try #require(t.rows.first { t.text($0, "measure") == measure })
        let row = try #require(try Self.rows().first { $0.measure.name == measure })
        func same(_ value: Double, _ column: String) {
            let wanted = t.number(reference, column)
            #expect((value.isNaN && wanted.isNaN) || isClose(value, wanted, relative: 1e-9), "\(measure) \(column): \(value) vs \(wanted)")
        }
        let o = row.observation
        same(o.value, "value")
        same(o.numerator, "numerator")
        same(o.denominator, "denominator")
        same(o.intervals[0]?.lower ?? .nan, "lo_95")
        same(o.intervals[0]?.upper ?? .nan, "hi_95")
        same(o.intervals[1]?.lower ?? .nan, "lo_998")
        same(o.intervals[1]?.upper ?? .nan, "hi_998")
        same(row.neighbours.mean, "sn_mean")
        same(row.neighbours.median, "sn_median")
        same(row.neighbours.minimum, "sn_min")
        same(row.neighbours.maximum, "sn_max")
        same(row.regionValue, "region_value")
        same(row.englandValue, "england_value")
        same(Double(row.rankEngland ?? -1), "rank_england")
        same(Double(row.rankNeighbours ?? -1), "rank_sn")
        #expect(row.quartileBand == t.text(reference, "quartile_band"))
        #expect(row.versusEngland.rawValue == t.text(reference, "vs_england"))
        #expect(row.versusRegion.rawValue == t.text(reference, "vs_region"))
        same(row.gapChildrenNeighbours, "gap_children_sn")
        same(row.gapChildrenEngland, "gap_children_england")
    }

    /// Spot values read by eye from the data: Southampton's looked-after rate (100) is above
    /// England's (67 in 2021) with a 95% interval of about 91–109, so `higher`; its 11-way
    /// neighbour rank puts it 8th (ascending, neutral polarity).
    @Test func lookedAfterRow() throws {
        let row = try #require(try Self.rows().first { $0.measure.name == "cla_31mar_rate_per_10k" })
        #expect(row.versusEngland == .higher)
        #expect(row.rankNeighbours == 8)
        let interval = try #require(row.observation.intervals[0])
        #expect(interval.lower > 90 && interval.lower < 93 && interval.upper > 108 && interval.upper < 111)
    }
}
