import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries
import Testing

@testable import ScorecastProjection

@Suite("903 projection scenarios")
struct LookedAfterScenarioTests {
    /// A stationary synthetic council (three years) projected 24 months.
    static let projection: LookedAfterProjection = {
        let data = SyntheticSSDA903(seed: 4, years: 3)
        var episodeGenerator = Xoshiro256StarStar(seed: 4)
        let episodes = data.simulate(using: &episodeGenerator).map {
            SSDA903Episode(
                child: $0.child, birth: $0.birth, start: $0.start, end: $0.end, place: $0.place, reasonNewEpisode: $0.reason,
                legalStatus: $0.legalStatus, categoryOfNeed: "N1", carePeriod: $0.child, unaccompanied: false, file: "-", line: 1)
        }
        return LookedAfterProjection(
            episodes: episodes, placements: .standard, lastDay: CalendarDate(year: 2025, month: 3, day: 31),
            window: Period(year: 2023, month: 4)...Period(year: 2025, month: 3), horizon: 24)
    }()

    static func counts(_ adjustments: [Scenario.Adjustment], paths: Int = 400) -> [Int32] {
        var generator = Xoshiro256StarStar(seed: 21)
        return projection.simulate(paths: paths, scenario: Scenario(name: "s", adjustments: adjustments), using: &generator)
    }

    /// Mean over paths of the total stock at month `month` (0-based).
    static func meanTotal(_ counts: [Int32], paths: Int, month: Int, placement: Int? = nil) -> Double {
        let places = projection.rates.placements.count, bands = LookedAfterAgeBand.allCases.count, horizon = projection.horizon
        var sum = 0.0
        for path in 0..<paths {
            for band in 0..<bands {
                for place in 0..<places where placement == nil || placement == place {
                    sum += Double(counts[((path * horizon + month) * bands + band) * places + place])
                }
            }
        }
        return sum / Double(paths)
    }

    static let april2025 = Period(year: 2025, month: 4)

    /// A change of 0% draws exactly the baseline's paths (common random numbers).
    @Test(arguments: [
        Scenario.Adjustment.startsChange(percent: 0, from: april2025),
        .exitRateChange(percent: 0, from: april2025),
        .placementShift(percent: 0, from: april2025, fromPlacement: "Residential", toPlacement: "Fostering"),
    ])
    func aZeroChangeIsTheBaseline(adjustment: Scenario.Adjustment) {
        #expect(Self.counts([adjustment]) == Self.counts([]))
    }

    /// Entrants do not interact, so the mean stock is (survivors of today's children) +
    /// (entry multiplier) × (stock from entrants). With starts −99% the second term is 1% of
    /// the baseline's; +10% must add a tenth of it (Monte Carlo tolerance 30%).
    @Test func tenPercentMoreEntriesRaisesTheMeanStockByATenthOfTheEntrants() {
        let paths = 400, last = 23
        let baseline = Self.meanTotal(Self.counts([]), paths: paths, month: last)
        let more = Self.meanTotal(Self.counts([.startsChange(percent: 10, from: Self.april2025)]), paths: paths, month: last)
        let almostNone = Self.meanTotal(Self.counts([.startsChange(percent: -99, from: Self.april2025)]), paths: paths, month: last)
        let fromEntrants = (baseline - almostNone) / 0.99
        #expect(fromEntrants > 100, "stock from entrants \(fromEntrants)")
        #expect(more > baseline)
        #expect(abs((more - baseline) - 0.1 * fromEntrants) < 0.3 * 0.1 * fromEntrants, "\(more) - \(baseline) vs 0.1 × \(fromEntrants)")
    }

    /// A starts change from a later month leaves the months before it as they were.
    @Test func aLaterChangeLeavesTheEarlierMonthsAlone() {
        let paths = 100
        let baseline = Self.counts([], paths: paths)
        let later = Self.counts([.startsChange(percent: 50, from: Period(year: 2026, month: 4))], paths: paths)
        for month in 0..<12 {
            #expect(Self.meanTotal(later, paths: paths, month: month) == Self.meanTotal(baseline, paths: paths, month: month))
        }
        #expect(Self.meanTotal(later, paths: paths, month: 23) > Self.meanTotal(baseline, paths: paths, month: 23))
    }

    /// Shifting every new Residential placement to Fostering: no path gains a Residential
    /// child in any month (ageing keeps the placement), and Fostering gains on the baseline.
    @Test func aFullShiftStopsNewResidentialPlacements() {
        let paths = 200
        let residential = Self.projection.rates.placements.firstIndex(of: "Residential")!
        let fostering = Self.projection.rates.placements.firstIndex(of: "Fostering")!
        let shifted = Self.counts(
            [.placementShift(percent: 100, from: Self.april2025, fromPlacement: "Residential", toPlacement: "Fostering")], paths: paths)
        let baseline = Self.counts([], paths: paths)
        let places = Self.projection.rates.placements.count, bands = LookedAfterAgeBand.allCases.count, horizon = Self.projection.horizon
        func residentialCount(_ counts: [Int32], _ path: Int, _ month: Int) -> Int32 {
            (0..<bands).reduce(0) { $0 + counts[((path * horizon + month) * bands + $1) * places + residential] }
        }
        let initialResidential = Int32(Self.projection.initial.filter { $0.placement == residential }.count)
        for path in 0..<paths {
            var previous = initialResidential
            for month in 0..<horizon {
                let now = residentialCount(shifted, path, month)
                #expect(now <= previous, "path \(path) month \(month)")
                previous = now
            }
        }
        #expect(
            Self.meanTotal(shifted, paths: paths, month: 23, placement: residential)
                < Self.meanTotal(baseline, paths: paths, month: 23, placement: residential))
        #expect(
            Self.meanTotal(shifted, paths: paths, month: 23, placement: fostering)
                > Self.meanTotal(baseline, paths: paths, month: 23, placement: fostering))
    }
}
