import Foundation
import ScorecastData
import Testing

@testable import ScorecastComparators

/// Golden snapshots of the CSV that `scorecast compare --la E06000045 --year 2021` and
/// `scorecast funnel --measure cla_31mar_rate_per_10k --year 2021` write (made with those
/// commands from the bundled data; the numbers themselves are checked against R in the other
/// suites). A change in columns, order or formatting shows up here.
@Suite("Golden CSV output")
struct GoldenCSVTests {
    static func golden(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func compareSouthampton2021() throws {
        let data = try #require(BundledData.data)
        let table = ComparisonTable(data: data)
        let rows = table.rows(authorities: [try data.localAuthority(matching: "E06000045")], measures: BundledData.catalogue.measures, years: [2021])
        var writer = CSVWriter()
        table.writeCSV(rows, to: &writer)
        #expect(writer.text == (try Self.golden("golden-compare-southampton-2021")))
        #expect(
            writer.text.hasPrefix(
                "measure,year,la_code,la_name,value,numerator,denominator,lo_95,hi_95,lo_99.8,hi_99.8,sn_mean,sn_median,sn_min,sn_max,region_value,england_value,rank_england,rank_sn,quartile_band,vs_england,vs_region,gap_children_sn,gap_children_england,"
            ))
    }

    @Test func funnelLookedAfterRate2021() throws {
        let data = try #require(BundledData.data)
        let funnel = try FunnelTable(data: data, measure: BundledData.catalogue.named("cla_31mar_rate_per_10k")!, year: 2021)
        var writer = CSVWriter()
        funnel.writeCSV(to: &writer)
        #expect(writer.text == (try Self.golden("golden-funnel-cla-rate-2021")))
        // Every flagged row lies outside its limits, and every inside row within them.
        for row in funnel.rows where row.flags[0] != "no_denominator" {
            let value = row.observation.numerator / row.observation.denominator * 10_000
            #expect((row.flags[0] == "inside") == (row.limits[0].lower <= value && value <= row.limits[0].upper))
        }
    }

    @Test func countMeasureHasNoFunnel() throws {
        let data = try #require(BundledData.data)
        #expect(throws: FunnelTable.FunnelError.self) {
            try FunnelTable(data: data, measure: BundledData.catalogue.named("cla_31mar_number")!, year: 2021)
        }
    }
}
