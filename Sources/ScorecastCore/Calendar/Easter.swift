/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus.
///
/// The algorithm (published anonymously in *Nature*, 1876; in Meeus, *Astronomical
/// Algorithms*, 2nd ed., 1998, ch. 8; Butcher's "Ecclesiastical Calendar", 1876) computes
/// the ecclesiastical full moon from the year's golden number and the solar and lunar
/// corrections, and returns the Sunday after it. Valid for every year from 1583.
///
/// - Complexity: O(1).
public func easterSunday(year: Int) -> CalendarDate {
    precondition(year >= 1583, "The Gregorian computus applies from 1583")
    let goldenNumberIndex = year % 19
    let century = year / 100
    let yearOfCentury = year % 100
    let leapCenturies = century / 4
    let centuryRemainder = century % 4
    let proemptosis = (century + 8) / 25
    let metemptosis = (century - proemptosis + 1) / 3
    let epact = (19 * goldenNumberIndex + century - leapCenturies - metemptosis + 15) % 30
    let leapYearsInCentury = yearOfCentury / 4
    let yearRemainder = yearOfCentury % 4
    let weekdayCorrection = (32 + 2 * centuryRemainder + 2 * leapYearsInCentury - epact - yearRemainder) % 7
    let lateCorrection = (goldenNumberIndex + 11 * epact + 22 * weekdayCorrection) / 451
    let monthAndDay = epact + weekdayCorrection - 7 * lateCorrection + 114
    return CalendarDate(year: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)
}
