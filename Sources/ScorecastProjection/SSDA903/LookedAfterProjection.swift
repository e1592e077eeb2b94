#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

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
    public init(episodes: [SSDA903Episode], placements: PlacementCategoryMap, lastDay: CalendarDate,
                window: ClosedRange<Period>, horizon: Int) {
        precondition(horizon >= 1, "horizon must be positive")
        rates = LookedAfterRates(episodes: episodes, placements: placements, windowStart: window.lowerBound.firstDay,
                                 windowEnd: min(window.upperBound.lastDay, lastDay))
        initial = episodes.filter { $0.start <= lastDay && ($0.end.map { $0 > lastDay } ?? true) && SSDA903Date.age(on: lastDay, birth: $0.birth) < 18 }
            .map { ($0.birth, placements.categoryIndex(of: $0.place)) }
        self.lastDay = lastDay
        self.horizon = horizon
    }

    /// The projected months.
    public var months: [Period] { (1...horizon).map { lastDay.monthPeriod.advanced(by: $0) } }

    /// Counts per path: `result[path][month][band][placement]` flattened as
    /// `((path × horizon + month) × bands + band) × placements + placement`.
    public func simulate(paths: Int, using generator: inout some RandomNumberGenerator) -> [Int32] {
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

        var children: [(birth: CalendarDate, placement: Int)] = []
        children.reserveCapacity(initial.count * 2)
        for path in 0..<paths {
            // Rates of this path.
            var exitRate = [[Double]](repeating: [Double](repeating: 0, count: places), count: bands)
            var moveRate = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: places), count: places), count: bands)
            for b in 0..<bands {
                for p in 0..<places {
                    let exposure = rates.exposure[b][p] + prior
                    exitRate[b][p] = RandomVariates.gamma(shape: rates.exits[b][p] + prior * pooledExit, scale: 1 / exposure, using: &generator)
                    for q in 0..<places where q != p {
                        let shape = rates.moves[b][p][q] + prior * pooledMove[q]
                        moveRate[b][p][q] = shape > 0 ? RandomVariates.gamma(shape: shape, scale: 1 / exposure, using: &generator) : 0
                    }
                }
            }
            let monthlyEntries = RandomVariates.gamma(shape: Double(rates.entries) + 0.5, scale: 1 / Double(rates.months), using: &generator)
            var mix = entrantsByState.map { RandomVariates.gamma(shape: $0 + 0.01, using: &generator) }
            let mixTotal = mix.reduce(0, +)
            mix = mix.map { $0 / mixTotal }

            children.removeAll(keepingCapacity: true)
            children.append(contentsOf: initial)
            var previousEnd = lastDay
            for month in 0..<horizon {
                let monthEnd = monthEnds[month]
                let days = Double(previousEnd.distance(to: monthEnd))
                let firstCount = children.count
                // Entries, on a uniform day of the month.
                for state in 0..<mix.count where mix[state] > 0 {
                    let n = RandomVariates.poisson(mean: monthlyEntries * mix[state], using: &generator)
                    guard n > 0 else { continue }
                    let band = state / places, placement = state % places
                    let ages = rates.entrantAges[band][placement]
                    for _ in 0..<n {
                        let day = previousEnd.advanced(by: 1 + Int(generator.next() % UInt64(days)))
                        let age = ages.isEmpty
                            ? Int((Double(LookedAfterAgeBand(rawValue: band)!.lowestAge) + RandomVariates.openUniform(using: &generator)) * 365.25)
                            : ages[Int(generator.next() % UInt64(ages.count))]
                        children.append((day.advanced(by: -age), placement))
                    }
                }
                // Exits, moves and ageing out (entrants are exposed for half the month).
                var survivors: [(birth: CalendarDate, placement: Int)] = []
                survivors.reserveCapacity(children.count)
                let startDay = previousEnd.advanced(by: 1)
                for (index, child) in children.enumerated() {
                    guard SSDA903Date.birthday(18, of: child.birth) > monthEnd else { continue }
                    let band = LookedAfterAgeBand(age: max(0, SSDA903Date.age(on: startDay, birth: child.birth))).rawValue
                    let exposureDays = index < firstCount ? days : days / 2
                    let exit = exitRate[band][child.placement]
                    let moves = moveRate[band][child.placement]
                    let total = exit + moves.reduce(0, +)
                    var placement = child.placement
                    if RandomVariates.openUniform(using: &generator) < 1 - exp(-total * exposureDays) {
                        var u = RandomVariates.openUniform(using: &generator) * total - exit
                        if u <= 0 { continue }
                        for q in 0..<places where moves[q] > 0 {
                            placement = q
                            u -= moves[q]
                            if u <= 0 { break }
                        }
                    }
                    survivors.append((child.birth, placement))
                }
                children = survivors
                for child in children {
                    let band = LookedAfterAgeBand(age: max(0, SSDA903Date.age(on: monthEnd, birth: child.birth))).rawValue
                    result[((path * horizon + month) * bands + band) * places + child.placement] += 1
                }
                previousEnd = monthEnd
            }
        }
        return result
    }
}
