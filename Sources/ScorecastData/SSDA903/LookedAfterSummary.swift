import ScorecastCore

/// Children looked after by age band and placement, month by month: month-end stock, entries,
/// exits and moves between (age band, placement) states, from cleaned 903 episodes.
///
/// Rules (issue 19, following the children's services demand model):
/// - A child counts on days DECOM ≤ d < DEC; an open episode counts to the end of the data.
///   Stock is counted on the last day of each month of the span.
/// - Age is in completed years on the day (``SSDA903Date/age(on:birth:)``), banded by
///   ``LookedAfterAgeBand``; placement is the episode's PLACE by the ``PlacementCategoryMap``.
/// - Entry: an episode with no episode of the same child ending on its DECOM, counted on DECOM.
///   Exit: an episode with a DEC and no episode of the same child starting on it, counted on
///   DEC with the age on DEC and the ending episode's placement. Both only inside the span.
/// - A move: a day d on which a child in care on d − 1 and on d is in a different (age band,
///   placement) state: a placement change between joined episodes, or a birthday into the next
///   band. Counted in d's month.
///
/// Complexity: O(episodes × months).
public struct LookedAfterSummary: Sendable {
    /// The months of the span, first to last.
    public let months: [Period]
    /// Placement categories, in output order.
    public let placements: [String]
    /// `stock[month][band][placement]`: children in care on the month's last day.
    public private(set) var stock: [[[Int]]]
    public private(set) var entries: [[[Int]]]
    public private(set) var exits: [[[Int]]]
    /// Moves by (month, from band, from placement, to band, to placement).
    public private(set) var moves: [Move: Int] = [:]

    /// A move between states in a month.
    public struct Move: Hashable, Sendable, Comparable {
        public var month: Int
        public var fromBand: LookedAfterAgeBand
        public var fromPlacement: Int
        public var toBand: LookedAfterAgeBand
        public var toPlacement: Int

        public static func < (lhs: Move, rhs: Move) -> Bool {
            (lhs.month, lhs.fromBand.rawValue, lhs.fromPlacement, lhs.toBand.rawValue, lhs.toPlacement)
                < (rhs.month, rhs.fromBand.rawValue, rhs.fromPlacement, rhs.toBand.rawValue, rhs.toPlacement)
        }
    }

    /// Counts `episodes` (cleaned, sorted by child then DECOM) from `spanStart` to `spanEnd`.
    public init(episodes: [SSDA903Episode], placements map: PlacementCategoryMap, spanStart: CalendarDate, spanEnd: CalendarDate) {
        precondition(spanStart <= spanEnd, "empty span")
        let firstMonth = spanStart.monthPeriod
        let months = Array(firstMonth...spanEnd.monthPeriod)
        self.months = months
        self.placements = map.categories
        let empty = [[[Int]]](
            repeating: [[Int]](repeating: [Int](repeating: 0, count: map.categories.count), count: LookedAfterAgeBand.allCases.count),
            count: months.count)
        stock = empty
        entries = empty
        exits = empty
        let monthEnds = months.map(\.lastDay)
        let afterSpan = spanEnd.advanced(by: 1)
        func monthIndex(_ date: CalendarDate) -> Int { firstMonth.distance(to: date.monthPeriod) }
        func band(_ date: CalendarDate, _ birth: CalendarDate) -> LookedAfterAgeBand {
            LookedAfterAgeBand(age: SSDA903Date.age(on: date, birth: birth))
        }

        var endings: Set<ChildDay> = []
        var startings: Set<ChildDay> = []
        for episode in episodes {
            startings.insert(ChildDay(child: episode.child, day: episode.start))
            if let end = episode.end { endings.insert(ChildDay(child: episode.child, day: end)) }
        }

        var previousInCare: (child: String, end: CalendarDate, placement: Int)?
        for episode in episodes {
            let placement = map.categoryIndex(of: episode.place)
            let end = episode.end ?? afterSpan
            // Month-end stock.
            var month = max(0, monthIndex(max(episode.start, spanStart)))
            while month < months.count, monthEnds[month] < end {
                if monthEnds[month] >= episode.start {
                    stock[month][band(monthEnds[month], episode.birth).rawValue][placement] += 1
                }
                month += 1
            }
            // Entries and exits.
            if episode.start >= spanStart, episode.start <= spanEnd,
                !endings.contains(ChildDay(child: episode.child, day: episode.start))
            {
                entries[monthIndex(episode.start)][band(episode.start, episode.birth).rawValue][placement] += 1
            }
            if let exit = episode.end, exit >= spanStart, exit <= spanEnd,
                !startings.contains(ChildDay(child: episode.child, day: exit))
            {
                exits[monthIndex(exit)][band(exit, episode.birth).rawValue][placement] += 1
            }
            // Moves: placement change where episodes join, birthdays into the next band.
            guard episode.start < end else { continue }  // an episode of no days holds no state
            func record(_ day: CalendarDate, from: Int, to: Int) {
                guard day >= spanStart, day <= spanEnd else { return }
                let move = Move(
                    month: monthIndex(day), fromBand: band(day.advanced(by: -1), episode.birth), fromPlacement: from,
                    toBand: band(day, episode.birth), toPlacement: to)
                if move.fromBand != move.toBand || from != to { moves[move, default: 0] += 1 }
            }
            if let previous = previousInCare, previous.child == episode.child, previous.end == episode.start {
                record(episode.start, from: previous.placement, to: placement)
            }
            for edge in [1, 5, 10, 16] {
                let birthday = SSDA903Date.birthday(edge, of: episode.birth)
                if birthday > episode.start, birthday < end { record(birthday, from: placement, to: placement) }
            }
            previousInCare = (episode.child, end, placement)
        }
    }

    private struct ChildDay: Hashable {
        var child: String
        var day: CalendarDate
    }
}
