import Foundation
import ScorecastCore
import ScorecastData
import Testing

@testable import ScorecastComparators

/// The August 2021 Southampton scorecard (bundled tidy files) against the comparators it prints
/// and the DfE figures for 2019-20 (year ending March 2020) that they describe.
@Suite("Scorecard comparators")
struct ScorecardComparisonTests {
    static let root = BundledData.directory.deletingLastPathComponent().deletingLastPathComponent()

    static func comparison() throws -> ScorecardComparison {
        let month = try #require(Period(parsing: "2021-08"))
        let files = try ScorecardFiles(directory: root.appendingPathComponent("notebooks-data/scorecard/tidy").path, month: month)
        let data = try #require(BundledData.data)
        let links = try ScorecardComparison.readLinks(path: BundledData.path("scorecard-measure-map.csv"), catalogue: BundledData.catalogue)
        return ScorecardComparison(
            lines: ScorecardReport.lines(files, month: month), links: links, data: data,
            authority: try data.localAuthority(matching: "E06000045"), comparatorYear: 2020)
    }

    static func row(_ rows: [ScorecardComparison.Row], _ code: String, _ group: String) -> ScorecardComparison.Row? {
        rows.first { $0.indicator.code == code && $0.group == group }
    }

    @Test func differencesRatiosAndDFEFigures() throws {
        let rows = try Self.comparison().rows
        #expect(rows.count == 64 * 3)
        // LAC1-NI: latest 100 per 10,000 against England's printed 67; DfE's current figure for
        // 2019-20 is 68 (revised populations), so the printed value is 1 below it.
        let lac = try #require(Self.row(rows, "LAC1-NI", "england"))
        #expect(lac.latest == 100 && lac.comparator == 67)
        #expect(lac.difference == 33 && abs(lac.ratio - 100.0 / 67) < 1e-15)
        #expect(lac.position == .higher)
        #expect(lac.dfeValue == 68 && lac.printedMinusDFE == -1)
        // CP1-NI is a monthly rate: DfE's annual 170.5 per 10,000 / 12.
        let s47 = try #require(Self.row(rows, "CP1-NI", "england"))
        #expect(abs(s47.dfeValue - 170.5 / 12) < 1e-12)
        // Re-referrals, lower is better: 26% printed for the South East equals DfE's 26.
        let rereferrals = try #require(Self.row(rows, "M6-QL", "south_east"))
        #expect(rereferrals.dfeValue == 26 && rereferrals.printedMinusDFE == 0)
        #expect(rereferrals.position == (rereferrals.latest > 26 ? .worse : rereferrals.latest < 26 ? .better : .same))
        // A local measure has no comparator: nothing is made up.
        let local = try #require(Self.row(rows, "M1", "england"))
        #expect(local.comparator.isNaN && local.difference.isNaN && local.position == .notApplicable)
        #expect(local.dfeMeasure.isEmpty && local.dfeValue.isNaN)
    }

    @Test(arguments: [
        (5.0, 3.0, Polarity.higherIsBetter, ScorecardComparison.Position.better),
        (5.0, 3.0, Polarity.lowerIsBetter, ScorecardComparison.Position.worse),
        (2.0, 3.0, Polarity.lowerIsBetter, ScorecardComparison.Position.better),
        (2.0, 3.0, Polarity.neutral, ScorecardComparison.Position.lower),
        (3.0, 3.0, Polarity.neutral, ScorecardComparison.Position.same),
        (Double.nan, 3.0, Polarity.neutral, ScorecardComparison.Position.notApplicable),
    ])
    func position(value: Double, comparator: Double, polarity: Polarity, expected: ScorecardComparison.Position) {
        #expect(ScorecardComparison.Position.of(value, against: comparator, polarity: polarity) == expected)
    }
}
