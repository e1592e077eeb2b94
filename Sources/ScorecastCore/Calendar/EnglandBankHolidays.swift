/// A bank holiday: its date, its name, and whether it is a substitute day.
public struct BankHoliday: Hashable, Sendable, CustomStringConvertible {
    public var date: CalendarDate
    public var name: String
    /// `true` when the holiday moved to a weekday because its usual date fell at a weekend.
    public var isSubstitute: Bool

    public init(date: CalendarDate, name: String, isSubstitute: Bool = false) {
        self.date = date
        self.name = name
        self.isSubstitute = isSubstitute
    }

    public var description: String { "\(date) \(name)\(isSubstitute ? " (substitute day)" : "")" }
}

/// Bank holidays in England and Wales, by rule, with the one-off changes as data.
///
/// The rules are those of the Banking and Financial Dealings Act 1971 and the royal
/// proclamations made under it each year:
/// - New Year's Day (1 January; from 1974), Good Friday and Easter Monday (Gregorian computus,
///   ``easterSunday(year:)``), the early May bank holiday (first Monday of May; from 1978),
///   the spring bank holiday (last Monday of May), the summer bank holiday (last Monday of
///   August), Christmas Day and Boxing Day.
/// - Substitute days: a New Year's Day at a weekend moves to the next Monday; when Christmas
///   Day or Boxing Day falls at a weekend, the holiday moves to the next weekday that is not
///   already a holiday (so Christmas on a Saturday gives Monday 27 and Tuesday 28 December).
/// - One-off changes, as data (``oneOffChanges``): 1981 and 2011 royal weddings, the 1995 and
///   2020 VE Day moves of the early May holiday, the 1999 millennium holiday, the 2002, 2012
///   and 2022 jubilees (spring holiday moved, extra day added), the 2022 state funeral and
///   the 2023 coronation.
///
/// Years before 1978 are outside the rules implemented here (`bankHolidays(year:)` requires
/// `year >= 1978`). Future proclamations may add one-off days that no rule can know.
public enum EnglandBankHolidays {
    /// A one-off change to a year's bank holidays, made by royal proclamation.
    public struct OneOffChange: Sendable {
        /// The regular holiday's name that moves, or `nil` when a day is only added.
        public var moves: String?
        /// The new date of the moved holiday, or the added day.
        public var date: CalendarDate
        /// The name of the added day (unused when a holiday only moves).
        public var name: String

        public init(moves: String?, date: CalendarDate, name: String) {
            self.moves = moves
            self.date = date
            self.name = name
        }
    }

    static let newYear = "New Year's Day"
    static let goodFriday = "Good Friday"
    static let easterMonday = "Easter Monday"
    static let earlyMay = "Early May bank holiday"
    static let spring = "Spring bank holiday"
    static let summer = "Summer bank holiday"
    static let christmas = "Christmas Day"
    static let boxingDay = "Boxing Day"

    /// The one-off changes of 1978 onwards in England and Wales (gov.uk, royal proclamations).
    public static let oneOffChanges: [OneOffChange] = [
        OneOffChange(moves: nil, date: CalendarDate(year: 1981, month: 7, day: 29), name: "Royal wedding bank holiday"),
        OneOffChange(moves: earlyMay, date: CalendarDate(year: 1995, month: 5, day: 8), name: earlyMay + " (VE day)"),
        OneOffChange(moves: nil, date: CalendarDate(year: 1999, month: 12, day: 31), name: "Millennium bank holiday"),
        OneOffChange(moves: spring, date: CalendarDate(year: 2002, month: 6, day: 4), name: spring),
        OneOffChange(moves: nil, date: CalendarDate(year: 2002, month: 6, day: 3), name: "Golden Jubilee bank holiday"),
        OneOffChange(moves: nil, date: CalendarDate(year: 2011, month: 4, day: 29), name: "Royal wedding bank holiday"),
        OneOffChange(moves: spring, date: CalendarDate(year: 2012, month: 6, day: 4), name: spring),
        OneOffChange(moves: nil, date: CalendarDate(year: 2012, month: 6, day: 5), name: "Diamond Jubilee bank holiday"),
        OneOffChange(moves: earlyMay, date: CalendarDate(year: 2020, month: 5, day: 8), name: earlyMay + " (VE day)"),
        OneOffChange(moves: spring, date: CalendarDate(year: 2022, month: 6, day: 2), name: spring),
        OneOffChange(moves: nil, date: CalendarDate(year: 2022, month: 6, day: 3), name: "Platinum Jubilee bank holiday"),
        OneOffChange(moves: nil, date: CalendarDate(year: 2022, month: 9, day: 19), name: "Bank holiday for the state funeral of Queen Elizabeth II"),
        OneOffChange(moves: nil, date: CalendarDate(year: 2023, month: 5, day: 8), name: "Bank holiday for the coronation of King Charles III"),
    ]

    /// The first year whose bank holidays these rules know.
    public static let firstYear = 1978

    /// The bank holidays of `year` in date order.
    ///
    /// - Complexity: O(1) (a dozen dates).
    public static func bankHolidays(year: Int) -> [BankHoliday] {
        precondition(year >= firstYear, "England and Wales bank holiday rules are implemented from 1978")
        var holidays: [BankHoliday] = []

        let newYearsDay = CalendarDate(year: year, month: 1, day: 1)
        holidays.append(
            newYearsDay.isWeekday
                ? BankHoliday(date: newYearsDay, name: newYear)
                : BankHoliday(date: newYearsDay.onOrAfter(weekday: 1), name: newYear, isSubstitute: true))

        let easter = easterSunday(year: year)
        holidays.append(BankHoliday(date: easter.advanced(by: -2), name: goodFriday))
        holidays.append(BankHoliday(date: easter.advanced(by: 1), name: easterMonday))

        holidays.append(BankHoliday(date: CalendarDate(year: year, month: 5, day: 1).onOrAfter(weekday: 1), name: earlyMay))
        holidays.append(BankHoliday(date: CalendarDate(year: year, month: 5, day: 31).onOrBefore(weekday: 1), name: spring))
        holidays.append(BankHoliday(date: CalendarDate(year: year, month: 8, day: 31).onOrBefore(weekday: 1), name: summer))

        // Christmas and Boxing Day: each takes its own date when that is a weekday, otherwise
        // the next weekday not already taken.
        var taken: Set<CalendarDate> = []
        for (name, day) in [(christmas, 25), (boxingDay, 26)] {
            let date = CalendarDate(year: year, month: 12, day: day)
            if date.isWeekday {
                taken.insert(date)
                holidays.append(BankHoliday(date: date, name: name))
            }
        }
        for (name, day) in [(christmas, 25), (boxingDay, 26)] {
            let date = CalendarDate(year: year, month: 12, day: day)
            if !date.isWeekday {
                var substitute = date.nextWeekdayOnOrAfter
                while taken.contains(substitute) { substitute = substitute.advanced(by: 1).nextWeekdayOnOrAfter }
                taken.insert(substitute)
                holidays.append(BankHoliday(date: substitute, name: name, isSubstitute: true))
            }
        }

        for change in oneOffChanges where change.date.year == year {
            if let moved = change.moves, let index = holidays.firstIndex(where: { $0.name == moved }) {
                holidays[index].date = change.date
                holidays[index].name = change.name
            } else {
                holidays.append(BankHoliday(date: change.date, name: change.name))
            }
        }
        return holidays.sorted { $0.date < $1.date }
    }

    /// The bank holidays between `first` and `last` inclusive, in date order.
    public static func bankHolidays(from first: CalendarDate, through last: CalendarDate) -> [BankHoliday] {
        guard first <= last else { return [] }
        return (first.year...last.year).flatMap { bankHolidays(year: $0) }.filter { $0.date >= first && $0.date <= last }
    }
}
