import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

/// Counts behind the transition rates of a 903 projection, by (age band, placement) state,
/// on a reference window: child-days in each state, exits and placement moves out of it, and
/// entries into it with the entrants' ages.
///
/// - Exposure: days DECOM ≤ d < DEC inside the window, split at band birthdays.
/// - Exit (rule of ``LookedAfterSummary``), attributed to the state on the day before DEC;
///   exits on or after the 18th birthday are ageing out, which a projection applies from the
///   birthday itself, so they are not counted as exits.
/// - Move: a placement category change between joined episodes, from the state on the day
///   before to the new placement.
/// - Entry: by state on DECOM, with the entrant's age in days (resampled for new entrants).
///
/// Complexity: O(episodes).
public struct LookedAfterRates: Sendable {
    public let placements: [String]
    public let windowStart: CalendarDate
    public let windowEnd: CalendarDate
    /// `exposure[band][placement]`, child-days.
    public private(set) var exposure: [[Double]]
    public private(set) var exits: [[Double]]
    /// `moves[band][from][to]`.
    public private(set) var moves: [[[Double]]]
    /// `entrantAges[band][placement]`: age in days at entry of each entrant in the window.
    public private(set) var entrantAges: [[[Int]]]
    /// Months in the window.
    public var months: Int { windowStart.monthPeriod.distance(to: windowEnd.monthPeriod) + 1 }

    public init(episodes: [SSDA903Episode], placements map: PlacementCategoryMap, windowStart: CalendarDate, windowEnd: CalendarDate) {
        let bands = LookedAfterAgeBand.allCases.count, count = map.categories.count
        placements = map.categories
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        exposure = Array(repeating: Array(repeating: 0, count: count), count: bands)
        exits = exposure
        moves = Array(repeating: Array(repeating: Array(repeating: 0, count: count), count: count), count: bands)
        entrantAges = Array(repeating: Array(repeating: [], count: count), count: bands)
        var endings: Set<String> = [], startings: Set<String> = []
        for e in episodes {
            startings.insert("\(e.child)|\(e.start.dayNumber)")
            if let end = e.end { endings.insert("\(e.child)|\(end.dayNumber)") }
        }
        let afterWindow = windowEnd.advanced(by: 1)
        var previous: (child: String, end: CalendarDate, placement: Int)?
        for e in episodes {
            let placement = map.categoryIndex(of: e.place)
            let end = e.end ?? afterWindow
            func band(_ day: CalendarDate) -> Int { LookedAfterAgeBand(age: SSDA903Date.age(on: day, birth: e.birth)).rawValue }
            // Exposure, split at birthdays.
            var from = max(e.start, windowStart)
            let to = min(end, afterWindow)
            while from < to {
                let current = LookedAfterAgeBand(age: SSDA903Date.age(on: from, birth: e.birth))
                let edge = current.next.map { SSDA903Date.birthday($0.lowestAge, of: e.birth) } ?? to
                let stop = min(edge, to)
                exposure[current.rawValue][placement] += Double(from.distance(to: stop))
                from = stop
            }
            let inWindow = { (day: CalendarDate) in day >= windowStart && day <= windowEnd }
            if inWindow(e.start), !endings.contains("\(e.child)|\(e.start.dayNumber)") {
                entrantAges[band(e.start)][placement].append(e.birth.distance(to: e.start))
            }
            if let exit = e.end, inWindow(exit), e.start < exit, !startings.contains("\(e.child)|\(exit.dayNumber)"),
                SSDA903Date.age(on: exit, birth: e.birth) < 18
            {
                exits[band(exit.advanced(by: -1))][placement] += 1
            }
            if e.start < end {
                if let p = previous, p.child == e.child, p.end == e.start, inWindow(e.start), p.placement != placement {
                    moves[band(e.start.advanced(by: -1))][p.placement][placement] += 1
                }
                previous = (e.child, end, placement)
            }
        }
    }

    /// Total entries in the window.
    public var entries: Int { entrantAges.joined().reduce(0) { $0 + $1.count } }
}
