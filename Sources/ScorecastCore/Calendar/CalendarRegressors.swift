/// The England calendar of one period: the day counts that calendar-aware models regress on.
///
/// Counted over the days of a month, quarter or year:
/// - `weekdays`: Monday to Friday;
/// - `bankHolidays`: bank holidays that fall on a weekday;
/// - `workingDays`: weekdays that are not bank holidays;
/// - `schoolHolidayWeekdays`: working days inside a school holiday;
/// - `schoolDays`: working days outside school holidays (`workingDays - schoolHolidayWeekdays`).
///
/// Quarterly and annual periods are the sums of their months.
public struct CalendarCounts: Hashable, Sendable {
    public var period: Period
    public var days: Int
    public var weekdays: Int
    public var bankHolidays: Int
    public var workingDays: Int
    public var schoolHolidayWeekdays: Int
    public var schoolDays: Int

    /// The share of working days that are school holidays, in [0, 1]: 1 for a month that is
    /// all school holiday, 0 for one that is all term.
    public var schoolHolidayShare: Double {
        workingDays == 0 ? 0 : Double(schoolHolidayWeekdays) / Double(workingDays)
    }
}

/// England's calendar: bank holidays by rule and school holidays by the default model or a
/// council's dates, summarised per period.
public struct EnglandCalendar: Sendable {
    /// Where school holidays come from.
    public var schools: SchoolCalendar

    /// The calendar with the default school term model, or with a council's school holidays.
    public init(schools: SchoolCalendar = .englandDefault) {
        self.schools = schools
    }

    /// The day counts of `period` (a month, quarter or year).
    ///
    /// - Complexity: O(days in the period).
    public func counts(for period: Period) -> CalendarCounts {
        let first = period.firstDay
        let last = period.lastDay
        let bankHolidayDates = Set(EnglandBankHolidays.bankHolidays(from: first, through: last).map(\.date))
        let holidays = schools.holidays(from: first, through: last)
        var weekdays = 0, bankHolidays = 0, schoolHolidayWeekdays = 0
        var date = first
        while date <= last {
            if date.isWeekday {
                weekdays += 1
                if bankHolidayDates.contains(date) {
                    bankHolidays += 1
                } else if holidays.contains(where: { $0.contains(date) }) {
                    schoolHolidayWeekdays += 1
                }
            }
            date = date.advanced(by: 1)
        }
        let workingDays = weekdays - bankHolidays
        return CalendarCounts(
            period: period, days: first.distance(to: last) + 1, weekdays: weekdays,
            bankHolidays: bankHolidays, workingDays: workingDays,
            schoolHolidayWeekdays: schoolHolidayWeekdays, schoolDays: workingDays - schoolHolidayWeekdays)
    }

    /// The day counts of `count` consecutive periods from `start`.
    public func counts(from start: Period, count: Int) -> [CalendarCounts] {
        (0..<count).map { counts(for: start.advanced(by: $0)) }
    }
}
