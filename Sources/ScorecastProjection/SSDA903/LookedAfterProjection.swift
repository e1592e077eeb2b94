import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded Monte Carlo projection of children looked after by age band and placement, from
/// 903 episodes: each child in care at the end of the data ages by their own birthdays, leaves
/// or moves placement at rates estimated on a reference window, leaves at 18; new children
/// enter by (band, placement) with ages resampled from the window's entrants.
///
/// Rate uncertainty is in the intervals: every path draws its own rates from their posteriors
/// before simulating. A state's exit rate and each move rate per child-day are
/// Gamma(events + 90·r̄, exposure + 90) (a Poisson rate's conjugate posterior, shrunk toward the
/// all-state rate r̄ with 90 child-days of weight, so a state seldom seen borrows from the
/// rest); monthly entries are Gamma(N + ½, months) in total, split by a Dirichlet(n_s + 0.01)
/// draw of the state mix. Within a month each child has at most one event, with probability
/// 1 − exp(−h·days) for total hazard h of its state at the month's start.
///
/// The demand model (data-to-insight/cs-demand-model, `prediction.py`) moves expected numbers
/// between states with daily point rates; this draws whole children and rates, so its
/// intervals carry both count noise and estimation uncertainty.
///
/// Complexity: O(paths × horizon × children).
public struct LookedAfterProjection: Sendable {
    public let rates: LookedAfterRates
    /// Children in care on the last day of the data: birth date and placement index.
    public let initial: [(birth: CalendarDate, placement: Int)]
    public let lastDay: CalendarDate
    public let horizon: Int

    /// - Parameters:
    ///   - episodes: cleaned episodes; `lastDay` the end of the data.
    ///   - window: reference window (first and last month); its end must not pass `lastDay`.
    public init(
        episodes: [SSDA903Episode], placements: PlacementCategoryMap, lastDay: CalendarDate,
        window: ClosedRange<Period>, horizon: Int
    ) {
        precondition(horizon >= 1, "horizon must be positive")
        rates = LookedAfterRates(
            episodes: episodes, placements: placements, windowStart: window.lowerBound.firstDay,
            windowEnd: min(window.upperBound.lastDay, lastDay))
        initial = episodes.filter {
            $0.start <= lastDay && ($0.end.map { $0 > lastDay } ?? true) && SSDA903Date.age(on: lastDay, birth: $0.birth) < 18
        }
        .map { ($0.birth, placements.categoryIndex(of: $0.place)) }
        self.lastDay = lastDay
        self.horizon = horizon
    }

    /// The projected months.
    public var months: [Period] { (1...horizon).map { lastDay.monthPeriod.advanced(by: $0) } }

    /// Counts per path: `result[path][month][band][placement]` flattened as
    /// `((path × horizon + month) × bands + band) × placements + placement`.
    ///
    /// Path `k` draws from its own ``Xoshiro256StarStar``, seeded from the k-th draw of a
    /// generator seeded from one draw of `injected` (a concrete generator keeps the inner loop
    /// free of generic calls). A `scenario` changes the simulation from its months on:
    /// `startsChange` multiplies the path's expected monthly entries, `exitRateChange` its exit
    /// rates, and `placementShift` sends that share of the children who would be placed in one
    /// category (on entry or on a move) to another, decided by a second stream of the path.
    /// Given the same `injected` state, every scenario's path k therefore draws the same rates,
    /// entry level and entry mix as the baseline's path k and the same numbers up to the first
    /// month the scenario changes; a 0% change reproduces the baseline exactly (common random
    /// numbers).
    ///
    /// - Precondition: the scenario has only those three changes, naming placements of
    ///   ``LookedAfterRates/placements``.
    public func simulate(paths: Int, scenario: Scenario = .baseline, using injected: inout some RandomNumberGenerator) -> [Int32] {
        var seeds = Xoshiro256StarStar(seed: injected.next())
        let bands = LookedAfterAgeBand.allCases.count, places = rates.placements.count
        var result = [Int32](repeating: 0, count: paths * horizon * bands * places)
        let prior = 90.0
        let totalExposure = max(1, rates.exposure.joined().reduce(0, +))
        let pooledExit = rates.exits.joined().reduce(0, +) / totalExposure
        var pooledMove = [Double](repeating: 0, count: places)
        for band in rates.moves { for from in band { for (to, n) in from.enumerated() { pooledMove[to] += n } } }
        pooledMove = pooledMove.map { $0 / totalExposure }
        let entrantsByState = rates.entrantAges.joined().map { Double($0.count) }
        let monthEnds = months.map(\.lastDay)

        var children: [SimulatedChild] = [], survivors: [SimulatedChild] = []
        children.reserveCapacity(initial.count * 2)
        survivors.reserveCapacity(initial.count * 2)
        let initialChildren = initial.map { SimulatedChild(birth: $0.birth, placement: $0.placement) }
        var exitRate = [Double](repeating: 0, count: bands * places)
        var moveRate = [Double](repeating: 0, count: bands * places * places)
        var totalRate = [Double](repeating: 0, count: bands * places)
        var eventProbability = [Double](repeating: 0, count: bands * places)
        var entrantEventProbability = [Double](repeating: 0, count: bands * places)
        let changes = ScenarioChanges(scenario: scenario, first: months[0], horizon: horizon, placements: rates.placements)
        for path in 0..<paths {
            let pathSeed = seeds.next()
            var generator = Xoshiro256StarStar(seed: pathSeed)
            var shiftGenerator = Xoshiro256StarStar(seed: pathSeed ^ 0x9E37_79B9_7F4A_7C15)
            // This path's rates, drawn from their posteriors.
            for b in 0..<bands {
                for p in 0..<places {
                    let exposure = rates.exposure[b][p] + prior
                    let state = b * places + p
                    exitRate[state] = RandomVariates.gamma(shape: rates.exits[b][p] + prior * pooledExit, scale: 1 / exposure, using: &generator)
                    var total = exitRate[state]
                    for q in 0..<places {
                        let shape = q == p ? 0 : rates.moves[b][p][q] + prior * pooledMove[q]
                        let rate = shape > 0 ? RandomVariates.gamma(shape: shape, scale: 1 / exposure, using: &generator) : 0
                        moveRate[state * places + q] = rate
                        total += rate
                    }
                    totalRate[state] = total
                }
            }
            let monthlyEntries = RandomVariates.gamma(shape: Double(rates.entries) + 0.5, scale: 1 / Double(rates.months), using: &generator)
            var mix = entrantsByState.map { RandomVariates.gamma(shape: $0 + 0.01, using: &generator) }
            let mixTotal = mix.reduce(0, +)
            mix = mix.map { $0 / mixTotal }

            children.removeAll(keepingCapacity: true)
            children.append(contentsOf: initialChildren)
            var previousEnd = lastDay
            for month in 0..<horizon {
                let monthEnd = monthEnds[month]
                let days = previousEnd.distance(to: monthEnd)
                let firstCount = children.count
                let exitMultiplier = changes.exitRate[month]
                for state in 0..<(bands * places) {
                    let total = totalRate[state] + (exitMultiplier - 1) * exitRate[state]
                    eventProbability[state] = -expm1(-total * Double(days))
                    entrantEventProbability[state] = -expm1(-total * Double(days) / 2)
                }
                let shifts = changes.shifts[month]
                // Entries, on a uniform day of the month.
                for state in 0..<mix.count where mix[state] > 0 {
                    let n = RandomVariates.poisson(mean: monthlyEntries * changes.starts[month] * mix[state], using: &generator)
                    guard n > 0 else { continue }
                    let band = state / places, placement = state % places
                    let ages = rates.entrantAges[band][placement]
                    for _ in 0..<n {
                        let day = previousEnd.advanced(by: 1 + Int(generator.next() % UInt64(days)))
                        let age =
                            ages.isEmpty
                            ? Int((Double(LookedAfterAgeBand(rawValue: band)!.lowestAge) + RandomVariates.openUniform(using: &generator)) * 365.25)
                            : ages[Int(generator.next() % UInt64(ages.count))]
                        let placed = shifts.isEmpty ? placement : ScenarioChanges.shift(placement, by: shifts, using: &shiftGenerator)
                        children.append(SimulatedChild(birth: day.advanced(by: -age), placement: placed))
                    }
                }
                // Ageing out at 18, exits and moves (entrants are exposed for half the month).
                survivors.removeAll(keepingCapacity: true)
                let startDay = previousEnd.dayNumber + 1
                for index in children.indices {
                    var child = children[index]
                    guard child.eighteenth > monthEnd.dayNumber else { continue }
                    let state = child.band(on: startDay) * places + child.placement
                    let probability = index < firstCount ? eventProbability[state] : entrantEventProbability[state]
                    if RandomVariates.openUniform(using: &generator) < probability {
                        let exit = exitMultiplier * exitRate[state]
                        var u = RandomVariates.openUniform(using: &generator) * (totalRate[state] - exitRate[state] + exit) - exit
                        if u <= 0 { continue }
                        for q in 0..<places where moveRate[state * places + q] > 0 {
                            child.placement = q
                            u -= moveRate[state * places + q]
                            if u <= 0 { break }
                        }
                        if !shifts.isEmpty { child.placement = ScenarioChanges.shift(child.placement, by: shifts, using: &shiftGenerator) }
                    }
                    survivors.append(child)
                }
                swap(&children, &survivors)
                let base = (path * horizon + month) * bands
                for child in children {
                    result[(base + child.band(on: monthEnd.dayNumber)) * places + child.placement] += 1
                }
                previousEnd = monthEnd
            }
        }
        return result
    }
}

/// A child in a simulated path: the days of the birthdays that change band (1, 5, 10, 16) and
/// of the 18th, and the placement.
struct SimulatedChild {
    var edges: (Int, Int, Int, Int)
    var eighteenth: Int
    var placement: Int

    init(birth: CalendarDate, placement: Int) {
        edges = (
            SSDA903Date.birthday(1, of: birth).dayNumber, SSDA903Date.birthday(5, of: birth).dayNumber,
            SSDA903Date.birthday(10, of: birth).dayNumber, SSDA903Date.birthday(16, of: birth).dayNumber
        )
        eighteenth = SSDA903Date.birthday(18, of: birth).dayNumber
        self.placement = placement
    }

    /// The band index on day number `day` (0 before the first birthday, also before birth).
    @inline(__always) func band(on day: Int) -> Int {
        (day >= edges.0 ? 1 : 0) + (day >= edges.1 ? 1 : 0) + (day >= edges.2 ? 1 : 0) + (day >= edges.3 ? 1 : 0)
    }
}
