/// A known disruption to model as an intervention dummy: e.g. the school closures of
/// 23 March – June 2020 and January – 8 March 2021.
///
/// Rows with the same `name` form one regressor. For each period the regressor is the share of
/// the period's weekdays (Monday–Friday) that fall inside any of the name's date ranges, so a
/// closure from 23 March gives March 2020 a value of 7/22 and April 2020 a value of 1.
public struct InterventionEvent: Hashable, Sendable {
    /// The regressor's name (the `event` column of the events CSV).
    public var name: String
    /// First day (inclusive).
    public var start: CalendarDate
    /// Last day (inclusive).
    public var end: CalendarDate

    public init(name: String, start: CalendarDate, end: CalendarDate) {
        precondition(start <= end, "An event must not end before it starts")
        self.name = name
        self.start = start
        self.end = end
    }

    /// The share of `period`'s weekdays covered by any of `events` (all of one name).
    public static func share(of period: Period, coveredBy events: [InterventionEvent]) -> Double {
        var covered = 0, weekdays = 0
        var date = period.firstDay
        let last = period.lastDay
        while date <= last {
            if date.isWeekday {
                weekdays += 1
                if events.contains(where: { date >= $0.start && date <= $0.end }) { covered += 1 }
            }
            date = date.advanced(by: 1)
        }
        return weekdays == 0 ? 0 : Double(covered) / Double(weekdays)
    }
}
