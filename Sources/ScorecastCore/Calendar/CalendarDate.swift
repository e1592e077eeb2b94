/// A day in the proleptic Gregorian calendar, with exact day arithmetic.
///
/// Stored as the number of days since 1970-01-01 (negative before), so adding days, taking
/// differences and finding the weekday are integer operations. Conversion to and from
/// year/month/day uses the closed-form civil-calendar algorithms of Howard Hinnant
/// ("chrono-compatible low-level date algorithms", 2013), valid for every Gregorian date.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The date with the given year, month (1...12) and day (1...days in month).
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month), "month must be in 1...12")
        precondition(day >= 1 && day <= CalendarDate.daysInMonth(year: year, month: month), "day out of range for the month")
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.dayNumber = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses an ISO date `YYYY-MM-DD`; `nil` for anything else, including impossible dates.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? { decimalDigits(bytes, range) }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
            (1...12).contains(month), day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO 8601 weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Monday to Friday.
    public var isWeekday: Bool { weekday <= 5 }

    /// The month this date falls in.
    public var monthPeriod: Period { Period(year: year, month: month) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + (month < 10 ? "-0" : "-") + String(month) + (day < 10 ? "-0" : "-") + String(day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public func advanced(by days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public func distance(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The first date on or after `self` that falls on `weekday` (1 = Monday ... 7 = Sunday).
    public func onOrAfter(weekday target: Int) -> CalendarDate {
        advanced(by: (target - weekday + 7) % 7)
    }

    /// The last date on or before `self` that falls on `weekday` (1 = Monday ... 7 = Sunday).
    public func onOrBefore(weekday target: Int) -> CalendarDate {
        advanced(by: -((weekday - target + 7) % 7))
    }

    /// The first date on or after `self` that is Monday to Friday.
    public var nextWeekdayOnOrAfter: CalendarDate {
        switch weekday {
        case 6: advanced(by: 2)
        case 7: advanced(by: 1)
        default: self
        }
    }
}

extension Period {
    /// The first day of a monthly, quarterly or annual period.
    public var firstDay: CalendarDate {
        switch frequency {
        case .monthly: CalendarDate(year: year, month: position, day: 1)
        case .quarterly: CalendarDate(year: year, month: 3 * position - 2, day: 1)
        case .annual: CalendarDate(year: year, month: 1, day: 1)
        }
    }

    /// The last day of the period.
    public var lastDay: CalendarDate {
        advanced(by: 1).firstDay.advanced(by: -1)
    }
}
