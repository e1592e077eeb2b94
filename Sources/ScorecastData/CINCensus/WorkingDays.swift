import ScorecastCore

/// Working days in England between two dates, as DfE counts assessment and conference
/// timescales: Monday to Friday less England's bank holidays (``EnglandBankHolidays``); the
/// start day is not counted, the end day is (a Monday start and Tuesday end is 1 working day).
///
/// The same convention as the CIN validator `data-to-insight/csc-validator-be-cin`, which counts
/// with `numpy.busday_count` over England's bank holidays from the day after the start.
///
/// Before 1978, the first year whose bank holidays ``EnglandBankHolidays`` knows, only weekends
/// are taken out (a census date that old is a typing slip, and must not stop the import).
///
/// Complexity: O(days in the range) once to build a prefix count; each count then O(1). Dates
/// outside the range are counted day by day.
public struct WorkingDays: Sendable {
    /// The first day covered by the prefix count.
    public let first: CalendarDate
    /// `cumulative[i]`: working days in `first ... first + i`.
    private let cumulative: [Int32]

    /// A counter for dates from `first` through `last`.
    public init(from first: CalendarDate, through last: CalendarDate) {
        precondition(first <= last, "empty range")
        self.first = first
        let holidays = WorkingDays.holidays(from: first, through: last)
        var cumulative: [Int32] = []
        cumulative.reserveCapacity(first.distance(to: last) + 1)
        var running: Int32 = 0
        var day = first
        while day <= last {
            if day.isWeekday && !holidays.contains(day) { running += 1 }
            cumulative.append(running)
            day = day.advanced(by: 1)
        }
        self.cumulative = cumulative
    }

    /// Whether `day` is a working day.
    public static func isWorkingDay(_ day: CalendarDate) -> Bool {
        day.isWeekday && !holidays(from: day, through: day).contains(day)
    }

    /// England's bank holidays from `first` through `last`, from 1978.
    static func holidays(from first: CalendarDate, through last: CalendarDate) -> Set<CalendarDate> {
        let known = max(first, CalendarDate(year: EnglandBankHolidays.firstYear, month: 1, day: 1))
        guard known <= last else { return [] }
        return Set(EnglandBankHolidays.bankHolidays(from: known, through: last).map(\.date))
    }

    /// Working days after `start` up to and including `end`; negative when `end` is before
    /// `start` (the working days after `end` up to and including `start`, negated).
    public func count(from start: CalendarDate, to end: CalendarDate) -> Int {
        if end < start { return -count(from: end, to: start) }
        let startOffset = first.distance(to: start)
        let endOffset = first.distance(to: end)
        if startOffset >= 0 && endOffset < cumulative.count {
            return Int(cumulative[endOffset] - cumulative[startOffset])
        }
        let holidays = WorkingDays.holidays(from: start, through: end)
        var total = 0
        var day = start.advanced(by: 1)
        while day <= end {
            if day.isWeekday && !holidays.contains(day) { total += 1 }
            day = day.advanced(by: 1)
        }
        return total
    }
}
