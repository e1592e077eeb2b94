import ScorecastCore

/// Dates as SSDA903 returns write them: `dd/mm/YYYY` (the DfE's own format, one- or two-digit
/// day and month accepted) or ISO `YYYY-MM-DD`.
public enum SSDA903Date {
    /// The date in `text` (already trimmed), or `nil` when it is not a real date in either form.
    ///
    /// Complexity: O(length of `text`).
    public static func parse(_ text: Substring) -> CalendarDate? {
        if let iso = CalendarDate(parsing: text) { return iso }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The `n`th birthday of a child born on `birth`: the same day and month `n` years on, with
    /// 29 February becoming 28 February in common years.
    public static func birthday(_ n: Int, of birth: CalendarDate) -> CalendarDate {
        let (year, month, day) = birth.components
        let target = year + n
        return CalendarDate(year: target, month: month, day: min(day, CalendarDate.daysInMonth(year: target, month: month)))
    }

    /// Age in completed years on `date` of a child born on `birth`: the largest `n` whose
    /// ``birthday(_:of:)`` is on or before `date` (negative before birth).
    public static func age(on date: CalendarDate, birth: CalendarDate) -> Int {
        var years = date.year - birth.year
        if birthday(years, of: birth) > date { years -= 1 }
        return years
    }

    /// The last day of the collection year (1 April to 31 March) holding `date`, as its year:
    /// 2018 for any date from 1 April 2017 to 31 March 2018.
    public static func collectionYear(of date: CalendarDate) -> Int {
        date.month >= 4 ? date.year + 1 : date.year
    }
}
