/// One school holiday: an inclusive date range with a free label (`summer`, `half_term`, ...).
public struct SchoolHoliday: Hashable, Sendable, CustomStringConvertible {
    /// The first day of the holiday.
    public var start: CalendarDate
    /// The last day of the holiday (inclusive).
    public var end: CalendarDate
    /// A free label: `summer`, `half_term`, `christmas`, `easter`, ...
    public var kind: String

    public init(start: CalendarDate, end: CalendarDate, kind: String) {
        precondition(start <= end, "A school holiday must not end before it starts")
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// Whether `date` falls within the holiday.
    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }

    public var description: String { "\(start)..\(end) \(kind)" }
}

/// The school holidays of a typical English local authority: the default term model.
///
/// English LAs set their own term dates, but most follow the same pattern (six terms of
/// roughly equal length, 190 pupil days, the Local Government Association's standard school
/// year). This model reproduces that pattern by rule, for the academic year that starts in
/// September of `year`:
///
/// | holiday | rule (all dates inclusive) |
/// |---|---|
/// | autumn half term | the Monday–Friday week that begins on the last Monday of October |
/// | Christmas | from the first Monday on or after 19 December to the day before the spring term, which starts on the first weekday on or after 4 January |
/// | spring half term | the Monday–Friday week that begins on the first Monday on or after 11 February |
/// | Easter | from the Monday before Good Friday to the Friday after Easter Monday (two weeks around Easter) |
/// | summer half term | the Monday–Friday week that begins on the last Monday of May |
/// | summer | from the first Monday on or after 20 July to the day before the autumn term, which starts on the first weekday on or after 3 September |
///
/// Checked against published calendars: it puts the summer break from late July to early
/// September and gives about 190–195 school days a year. Councils whose Easter holiday is
/// fixed to early April, or whose terms differ, should pass their actual dates
/// (``SchoolCalendar/init(holidays:)``).
public enum DefaultSchoolTermModel {
    /// The holidays of the academic year that starts in September of `year` (1 September to
    /// 31 August), in date order. The summer break is split at 1 September: its first days
    /// before the autumn term belong to the academic year they fall in.
    ///
    /// - Complexity: O(1).
    public static func holidays(academicYearStarting year: Int) -> [SchoolHoliday] {
        let autumnHalfTerm = CalendarDate(year: year, month: 10, day: 31).onOrBefore(weekday: 1)
        let christmasStart = CalendarDate(year: year, month: 12, day: 19).onOrAfter(weekday: 1)
        let springTermStart = CalendarDate(year: year + 1, month: 1, day: 4).nextWeekdayOnOrAfter
        let springHalfTerm = CalendarDate(year: year + 1, month: 2, day: 11).onOrAfter(weekday: 1)
        let easter = easterSunday(year: year + 1)
        let summerHalfTerm = CalendarDate(year: year + 1, month: 5, day: 31).onOrBefore(weekday: 1)
        let summerStart = CalendarDate(year: year + 1, month: 7, day: 20).onOrAfter(weekday: 1)
        let autumnStart = autumnTermStart(year: year)
        var holidays: [SchoolHoliday] = []
        if autumnStart > CalendarDate(year: year, month: 9, day: 1) {
            holidays.append(SchoolHoliday(start: CalendarDate(year: year, month: 9, day: 1), end: autumnStart.advanced(by: -1), kind: "summer"))
        }
        return holidays + [
            SchoolHoliday(start: autumnHalfTerm, end: autumnHalfTerm.advanced(by: 4), kind: "half_term"),
            SchoolHoliday(start: christmasStart, end: springTermStart.advanced(by: -1), kind: "christmas"),
            SchoolHoliday(start: springHalfTerm, end: springHalfTerm.advanced(by: 4), kind: "half_term"),
            SchoolHoliday(start: easter.advanced(by: -6), end: easter.advanced(by: 5), kind: "easter"),
            SchoolHoliday(start: summerHalfTerm, end: summerHalfTerm.advanced(by: 4), kind: "half_term"),
            SchoolHoliday(start: summerStart, end: CalendarDate(year: year + 1, month: 8, day: 31), kind: "summer"),
        ]
    }

    /// The first day of the autumn term in `year`: the first weekday on or after 3 September.
    public static func autumnTermStart(year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 9, day: 3).nextWeekdayOnOrAfter
    }
}

/// Which days are school holidays: the default model, or a council's own dates.
///
/// A council's dates (from a term-dates CSV, `start,end,kind`) replace the default model for
/// every academic year (1 September – 31 August) in which one of its holidays starts; academic
/// years the file does not reach keep the default model, so a file for recent years still
/// gives a complete calendar for a long series. A council's summer break that runs into
/// September is kept whole. ``overriddenAcademicYears`` says which years came from the file.
public struct SchoolCalendar: Sendable {
    /// The council's own holidays (empty for the default model).
    public let holidays: [SchoolHoliday]
    /// Academic years (by the calendar year in which they start) that the council's dates cover.
    public let overriddenAcademicYears: Set<Int>

    /// The default term model of a typical English LA (``DefaultSchoolTermModel``).
    public static let englandDefault = SchoolCalendar(holidays: [])

    /// A calendar whose school holidays are `holidays` in the academic years they start in,
    /// and the default model elsewhere.
    public init(holidays: [SchoolHoliday]) {
        self.holidays = holidays.sorted { $0.start < $1.start }
        overriddenAcademicYears = Set(holidays.map { SchoolCalendar.academicYear(of: $0.start) })
    }

    /// The academic year (the calendar year of its September) that `date` belongs to.
    public static func academicYear(of date: CalendarDate) -> Int {
        let (year, month, _) = date.components
        return month >= 9 ? year : year - 1
    }

    /// The holidays that overlap `first`...`last` (they may extend beyond it), in date order.
    public func holidays(from first: CalendarDate, through last: CalendarDate) -> [SchoolHoliday] {
        guard first <= last else { return [] }
        var result = holidays.filter { $0.end >= first && $0.start <= last }
        for academicYear in SchoolCalendar.academicYear(of: first)...SchoolCalendar.academicYear(of: last)
        where !overriddenAcademicYears.contains(academicYear) {
            result += DefaultSchoolTermModel.holidays(academicYearStarting: academicYear)
                .filter { $0.end >= first && $0.start <= last }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// Whether `date` is in a school holiday (weekends included; bank holidays are separate).
    public func isSchoolHoliday(_ date: CalendarDate) -> Bool {
        holidays(from: date, through: date).isEmpty == false
    }
}
