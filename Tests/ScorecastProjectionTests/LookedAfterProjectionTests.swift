import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries
import Testing

@testable import ScorecastProjection

#if canImport(Glibc)
    import Glibc
#endif

@Suite("903 projection by age band and placement")
struct LookedAfterProjectionTests {
    static func episode(_ child: Int, _ birth: String, _ start: String, _ end: String?, _ place: String) -> SSDA903Episode {
        SSDA903Episode(
            child: String(child), birth: CalendarDate(parsing: birth)!, start: CalendarDate(parsing: start)!,
            end: end.map { CalendarDate(parsing: $0)! }, place: place, reasonNewEpisode: "S", legalStatus: "C2",
            categoryOfNeed: "N1", carePeriod: "\(child)/1", unaccompanied: false, file: "-", line: child)
    }

    /// Exposure, exits, moves and entries counted by hand.
    @Test func ratesCountExposureAndEvents() {
        let episodes = [
            // In Fostering all window (Jan–Dec 2020, 366 days), turns 10 on 2020-07-01: 182 days at 5-10, 184 at 10-16.
            Self.episode(1, "2010-07-01", "2019-01-01", nil, "U1"),
            // Enters 2020-03-01 in K2 at 12, moves to U4 on 2020-05-01, leaves 2020-08-01.
            Self.episode(2, "2008-01-15", "2020-03-01", "2020-05-01", "K2"),
            Self.episode(2, "2008-01-15", "2020-05-01", "2020-08-01", "U4"),
            // Leaves on the 18th birthday: ageing out, not an exit.
            Self.episode(3, "2002-06-10", "2019-05-01", "2020-06-10", "H5"),
        ]
        let rates = LookedAfterRates(
            episodes: episodes, placements: .standard,
            windowStart: CalendarDate(year: 2020, month: 1, day: 1), windowEnd: CalendarDate(year: 2020, month: 12, day: 31))
        let (fiveToTen, tenToSixteen, sixteen) = (
            LookedAfterAgeBand.fiveToTen.rawValue, LookedAfterAgeBand.tenToSixteen.rawValue, LookedAfterAgeBand.sixteenToEighteen.rawValue
        )
        #expect(rates.exposure[fiveToTen][0] == 182)
        #expect(rates.exposure[tenToSixteen][0] == 184 + 92)
        #expect(rates.exposure[tenToSixteen][1] == 61)
        #expect(rates.exposure[sixteen][2] == 161)
        #expect(rates.exits[tenToSixteen][0] == 1)
        #expect(rates.exits.joined().reduce(0, +) == 1)
        #expect(rates.moves[tenToSixteen][1][0] == 1)
        #expect(rates.entries == 1)
        #expect(rates.entrantAges[tenToSixteen][1] == [CalendarDate(parsing: "2008-01-15")!.distance(to: CalendarDate(parsing: "2020-03-01")!)])
        #expect(rates.months == 12)
    }

    /// With one state, no moves and almost no entries, the mean stock after t days is
    /// N·E[exp(−R t)] = N (1 + t/β)^−α for the rate's Gamma(α, β) posterior: the simulation
    /// (exits month by month, a rate drawn per path) must agree.
    @Test func meanStockFollowsTheGammaMixedSurvival() {
        var episodes: [SSDA903Episode] = []
        for child in 0..<1000 { episodes.append(Self.episode(child, "2005-06-01", "2015-01-01", nil, "U1")) }
        for child in 1000..<1400 {
            let end = CalendarDate(year: 2016, month: 4, day: 1).advanced(by: (child - 1000) * 730 / 400)
            episodes.append(Self.episode(child, "2005-06-01", "2015-01-01", end.description, "U1"))
        }
        let lastDay = CalendarDate(year: 2018, month: 3, day: 31)
        let projection = LookedAfterProjection(
            episodes: episodes, placements: .standard, lastDay: lastDay,
            window: Period(year: 2016, month: 4)...Period(year: 2018, month: 3), horizon: 12)
        #expect(projection.initial.count == 1000)
        let band = LookedAfterAgeBand.tenToSixteen.rawValue
        let exposure = projection.rates.exposure[band][0]
        #expect(projection.rates.exits[band][0] == 400)
        let pooled = 400 / exposure
        let (alpha, beta) = (400 + 90 * pooled, exposure + 90)
        var generator = Xoshiro256StarStar(seed: 11)
        let paths = 4000
        let counts = projection.simulate(paths: paths, using: &generator)
        let table = LookedAfterProjectionTable(projection: projection, counts: counts, paths: paths, levels: [80, 95])
        for (month, period) in projection.months.enumerated() where month % 3 == 2 {
            let days = Double(lastDay.distance(to: period.lastDay))
            let expected = 1000 * pow(1 + days / beta, -alpha)
            let row = table.rows.first { $0.period == period && $0.ageBand == "all" && $0.placement == "all" }!
            // Entries: Gamma(½, 24 months) a month, about 0.02; Monte Carlo error about 0.3.
            #expect(abs(row.mean - expected) < 1.5, "month \(period): \(row.mean) vs \(expected)")
        }
    }

    /// Same seed, same paths; counts never negative; intervals nested; `all`
    /// rows add up.
    @Test func projectionIsSeededAndConsistent() throws {
        let data = SyntheticSSDA903(seed: 4, years: 3)
        var episodeGenerator = Xoshiro256StarStar(seed: 4)
        let truth = data.simulate(using: &episodeGenerator)
        let episodes = truth.map {
            SSDA903Episode(
                child: $0.child, birth: $0.birth, start: $0.start, end: $0.end, place: $0.place, reasonNewEpisode: $0.reason,
                legalStatus: $0.legalStatus, categoryOfNeed: "N1", carePeriod: $0.child, unaccompanied: false, file: "-", line: 1)
        }
        let lastDay = CalendarDate(year: 2025, month: 3, day: 31)
        let projection = LookedAfterProjection(
            episodes: episodes, placements: .standard, lastDay: lastDay,
            window: Period(year: 2023, month: 4)...Period(year: 2025, month: 3), horizon: 6)
        var a = Xoshiro256StarStar(seed: 3), b = Xoshiro256StarStar(seed: 3)
        let first = projection.simulate(paths: 200, using: &a)
        #expect(first == projection.simulate(paths: 200, using: &b))
        #expect(first.allSatisfy { (count: Int32) in count >= 0 })
        let table = LookedAfterProjectionTable(projection: projection, counts: first, paths: 200, levels: [80, 95])
        #expect(table.rows.count == 6 * (20 + 5 + 4 + 1))
        for row in table.rows {
            let (outer, inner) = (row.intervals[1], row.intervals[0])
            // (The mean of a skewed cell may lie outside an interval: 0.02 with 80% interval [0, 0].)
            let nested: Bool = outer.lower <= inner.lower && inner.lower <= inner.upper && inner.upper <= outer.upper && row.mean >= 0
            #expect(nested, "\(row.period) \(row.ageBand) \(row.placement)")
        }
        for period in projection.months {
            let rows = table.rows.filter { $0.period == period }
            let cellRows = rows.filter { $0.ageBand != "all" && $0.placement != "all" }
            let cells: Double = cellRows.map(\.mean).reduce(0, +)
            let total = rows.first { $0.ageBand == "all" && $0.placement == "all" }!.mean
            #expect(abs(cells - total) < 1e-6)
        }
        // A stationary council stays near its stock (about 450).
        let last = table.rows.last { $0.ageBand == "all" && $0.placement == "all" }!
        #expect(last.mean > 380 && last.mean < 540)
    }
}
