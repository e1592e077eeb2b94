import ScorecastCore
import ScorecastData
import ScorecastProjection
import Testing

@Suite("Synthetic CIN census council")
struct SyntheticCINCensusTests {
    struct Council: Sendable, CustomStringConvertible {
        var seed: UInt64
        var referralsPerYear: Double
        var years: Int
        var lastYear: Int
        var messy: Bool
        var description: String { "seed \(seed), \(referralsPerYear)/year, \(years) years to \(lastYear)\(messy ? "" : ", clean")" }
    }

    static let councils: [Council] = [
        Council(seed: 903, referralsPerYear: 600, years: 5, lastYear: 2025, messy: true),
        Council(seed: 1, referralsPerYear: 250, years: 2, lastYear: 2025, messy: true),
        Council(seed: 7, referralsPerYear: 1_500, years: 3, lastYear: 2024, messy: true),
        Council(seed: 42, referralsPerYear: 120, years: 7, lastYear: 2021, messy: true),
        Council(seed: 11, referralsPerYear: 400, years: 1, lastYear: 2026, messy: false),
    ]

    /// Every month of every measure read from the returns equals the council's truth exactly,
    /// percentages carry those counts, and every invalid episode is in validation.
    @Test(arguments: councils) func importRecoversTheTruth(_ council: Council) throws {
        let synthetic = SyntheticCINCensus(
            seed: council.seed, years: council.years, lastCollectionYear: council.lastYear, referralsPerYear: council.referralsPerYear,
            messy: council.messy)
        let (files, truth) = synthetic.generate()
        #expect(files.count == council.years)
        let returns = try files.map { try CINCensusReader.read(bytes: Array($0.text.utf8), file: $0.path) }
        let result = CINCensusImport(returns: returns)
        #expect(result.measures.months == truth.months)
        #expect(truth.months.count == 12 * council.years)
        for measure in CINMeasure.counts {
            let got = try #require(result.measures.counts[measure.name])
            let expected = try #require(truth.counts[measure.name])
            let wrong = zip(truth.months, zip(got, expected)).filter { $0.1.0 != $0.1.1 }
            #expect(wrong.isEmpty, "\(measure.name): \(wrong.prefix(3).map { "\($0.0) \($0.1.0) ≠ \($0.1.1)" })")
        }
        #expect(truth.counts["referrals"]!.reduce(0, +) > 0)
        // Percentages: numerator and denominator are the counts.
        let rows = result.observationsCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for row in rows where row[0] == "icpcs_to_plan_pct" {
            let index = truth.months.firstIndex { $0.description == row[1] }!
            #expect(Int(row[3]) == truth.counts["icpcs_to_plan"]![index] && Int(row[4]) == truth.counts["icpcs"]![index])
            if let value = Double(row[2]) { #expect(value >= 0 && value <= 100) }
        }
        let flagged = Set(result.merged.issues.map { "\($0.file)|\($0.child)" })
        for invalid in truth.invalid { #expect(flagged.contains("\(invalid.file)|\(invalid.child)"), "\(invalid)") }
        #expect(result.merged.issues.count == truth.invalid.count)
        #expect(council.messy ? truth.invalid.count == 7 * council.years : truth.invalid.isEmpty)
    }

    /// The council's referrals dip in August and December and are few at weekends.
    @Test func referralsDipInAugustAndDecember() throws {
        let (_, truth) = SyntheticCINCensus(seed: 5, years: 6, referralsPerYear: 3_000, messy: false).generate()
        let referrals = truth.counts["referrals"]!
        func mean(_ month: Int) -> Double {
            let values = zip(truth.months, referrals).filter { $0.0.position == month }.map { Double($0.1) }
            return values.reduce(0, +) / Double(values.count)
        }
        let others = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11].map(mean).reduce(0, +) / 10
        #expect(mean(8) < 0.85 * others)
        #expect(mean(12) < 0.9 * others)
    }
}
