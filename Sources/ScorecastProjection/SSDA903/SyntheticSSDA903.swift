import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded synthetic council's SSDA903 returns: SYNTHETIC DATA for examples, tests and
/// backtests, with a future that is known.
///
/// A stationary stock of about 430 children looked after: about 165 entries a year (Poisson),
/// ages at entry and first placements drawn from fixed mixes by age band; while in care each
/// child leaves, moves placement or changes legal status (a new episode in the same placement)
/// at constant yearly hazards by age band and placement category, and leaves at 18. The
/// process runs from 20 years before the first return, so the returns see its stationary state.
///
/// Each collection year (1 April to 31 March) gives a header, an episodes and a UASC table, as
/// a council would send them: episodes overlapping the year, an episode open at 31 March
/// with DEC blank (and repeated, closed, next year). Messiness, seeded like the rest: a byte
/// order mark on every other year's files and CRLF on the others, rows shuffled, about 3% of
/// codes lower-cased and 3% padded with spaces, ISO dates in one year, an extra `LA` column,
/// and per year a duplicated row, an episode with DEC before DECOM and an episode of a child
/// with no header row (all three listed by `import-903`, none changing the counts).
///
/// The size is of the order of a mid-sized English council (about 14 children starting care a
/// month); the age and placement mixes and the hazards are set by hand to look plausible, not
/// fitted to any council's figures.
public struct SyntheticSSDA903: Sendable {
    public var seed: UInt64
    /// Collection years written, ending with ``lastCollectionYear``.
    public var years: Int
    /// The year in which the last collection year ends (2025 for 2024-25).
    public var lastCollectionYear: Int
    /// Entries a year.
    public var entriesPerYear: Double

    public init(seed: UInt64, years: Int = 5, lastCollectionYear: Int = 2025, entriesPerYear: Double = 165) {
        precondition(years >= 1, "at least one year")
        self.seed = seed
        self.years = years
        self.lastCollectionYear = lastCollectionYear
        self.entriesPerYear = entriesPerYear
    }

    /// One synthetic episode.
    public struct Episode: Sendable {
        public var child: String
        public var birth: CalendarDate
        public var start: CalendarDate
        public var end: CalendarDate?
        public var reason: String
        public var legalStatus: String
        public var place: String
        public var unaccompanied: Bool
    }

    /// The files, as (relative path, text): `YYYY-YY/header.csv`, `episodes.csv`, `uasc.csv`
    /// per collection year.
    public func files() -> [(path: String, text: String)] {
        var generator = Xoshiro256StarStar(seed: seed)
        let episodes = simulate(using: &generator)
        var files: [(path: String, text: String)] = []
        for year in (lastCollectionYear - years + 1)...lastCollectionYear {
            files += returnFiles(year: year, episodes: episodes, using: &generator)
        }
        return files
    }

    /// All episodes of the simulated council (after burn-in, sorted by child and start), the
    /// truth behind the returns.
    public func simulate(using generator: inout some RandomNumberGenerator) -> [Episode] {
        let firstDay = CalendarDate(year: lastCollectionYear - years - 20, month: 4, day: 1)
        let lastDay = CalendarDate(year: lastCollectionYear, month: 3, day: 31)
        var episodes: [Episode] = []
        var usedIdentifiers: Set<Int> = []
        var day = Double(firstDay.dayNumber)
        let dailyEntries = entriesPerYear / 365.25
        while true {
            day += -log(RandomVariates.openUniform(using: &generator)) / dailyEntries
            let entry = CalendarDate(dayNumber: Int(day))
            guard entry <= lastDay else { break }
            var identifier: Int
            repeat { identifier = 100_000 + Int(generator.next() % 900_000) } while !usedIdentifiers.insert(identifier).inserted
            episodes += child(String(identifier), entering: entry, until: lastDay, using: &generator)
        }
        return episodes
    }

    private static let entryBandMix: [Double] = [0.22, 0.14, 0.16, 0.33, 0.15]
    /// First placement category mix by band: Fostering, Residential, Supported, Other.
    private static let placementMix: [[Double]] = [
        [0.80, 0.00, 0.00, 0.20], [0.80, 0.00, 0.00, 0.20], [0.80, 0.05, 0.00, 0.15],
        [0.70, 0.15, 0.00, 0.15], [0.45, 0.15, 0.30, 0.10],
    ]
    private static let codes: [[(String, Double)]] = [
        [("U1", 0.1), ("U2", 0.05), ("U3", 0.15), ("U4", 0.35), ("U5", 0.05), ("U6", 0.3)],
        [("K2", 0.6), ("R1", 0.3), ("P3", 0.05), ("S1", 0.05)],
        [("H5", 0.6), ("P2", 0.35), ("K3", 0.05)],
        [("A3", 0.05), ("A4", 0.05), ("A5", 0.1), ("A6", 0.1), ("P1", 0.4), ("R2", 0.1), ("R5", 0.15), ("Z1", 0.05)],
    ]
    /// Yearly hazard of leaving care by band.
    private static let exitHazard: [Double] = [0.45, 0.45, 0.25, 0.22, 0.45]
    /// Yearly hazard of a placement move by category.
    private static let moveHazard: [Double] = [0.35, 0.5, 0.4, 0.4]
    private static let legalChangeHazard = 0.15

    private static func draw(_ weights: [Double], using generator: inout some RandomNumberGenerator) -> Int {
        var u = RandomVariates.openUniform(using: &generator) * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            u -= weight
            if u <= 0 { return index }
        }
        return weights.count - 1
    }

    private static func code(_ category: Int, using generator: inout some RandomNumberGenerator) -> String {
        let options = codes[category]
        return options[draw(options.map(\.1), using: &generator)].0
    }

    private func child(
        _ identifier: String, entering entry: CalendarDate, until lastDay: CalendarDate,
        using generator: inout some RandomNumberGenerator
    ) -> [Episode] {
        let band = Self.draw(Self.entryBandMix, using: &generator)
        let lowest = [0, 1, 5, 10, 16][band], highest = [1, 5, 10, 16, 18][band]
        let ageDays = min(
            18 * 365 - 2, Int(Double(lowest) * 365.25 + RandomVariates.openUniform(using: &generator) * Double(highest - lowest) * 365.25))
        let birth = entry.advanced(by: -ageDays)
        let unaccompanied = band >= 3 && RandomVariates.openUniform(using: &generator) < 0.06
        let eighteenth = SSDA903Date.birthday(18, of: birth)
        var category = Self.draw(Self.placementMix[band], using: &generator)
        var place = Self.code(category, using: &generator)
        var legal = ["C2", "V2", "J2", "L1"][Self.draw([0.7, 0.2, 0.05, 0.05], using: &generator)]
        var reason = "S"
        var episodeStart = entry
        var clock = entry
        var episodes: [Episode] = []
        func episode(to end: CalendarDate?) -> Episode {
            Episode(
                child: identifier, birth: birth, start: episodeStart, end: end, reason: reason, legalStatus: legal, place: place,
                unaccompanied: unaccompanied)
        }
        while true {
            // Hazards are constant within a band; at a band's birthday the wait is drawn again
            // (the exponential is memoryless), in the same episode.
            let currentBand = LookedAfterAgeBand(age: SSDA903Date.age(on: clock, birth: birth))
            let nextEdge = currentBand.next.map { SSDA903Date.birthday($0.lowestAge, of: birth) } ?? eighteenth
            let hazards = [Self.exitHazard[currentBand.rawValue], Self.moveHazard[category], Self.legalChangeHazard].map { $0 / 365.25 }
            let wait = -log(RandomVariates.openUniform(using: &generator)) / hazards.reduce(0, +)
            var eventDay = clock.advanced(by: max(1, Int(wait.rounded(.up))))
            var event = Self.draw(hazards, using: &generator)
            if eventDay >= nextEdge {
                if nextEdge == eighteenth {
                    eventDay = eighteenth
                    event = 0
                } else {
                    clock = nextEdge
                    if clock > lastDay { break }
                    continue
                }
            }
            if eventDay > lastDay { break }
            episodes.append(episode(to: eventDay))
            switch event {
            case 0:
                return episodes
            case 1:
                category = Self.draw(
                    Self.placementMix[LookedAfterAgeBand(age: SSDA903Date.age(on: eventDay, birth: birth)).rawValue], using: &generator)
                place = Self.code(category, using: &generator)
                reason = "P"
            default:
                legal = ["C2", "V2", "J2", "L1"][Self.draw([0.7, 0.2, 0.05, 0.05], using: &generator)]
                reason = "L"
            }
            episodeStart = eventDay
            clock = eventDay
        }
        episodes.append(episode(to: nil))
        return episodes
    }
}
