import ScorecastCore

/// What a period column's field holds: a Scorecast period (`2021-01`, `2021-Q1`, `2021`) or a
/// calendar date as other tools write one (`2021-01-31` from pandas and statsforecast,
/// `31/01/2021` from a UK spreadsheet), which the reader maps to the month, quarter or year
/// that contains it.
///
/// Accepted date forms:
/// - ISO 8601 `YYYY-MM-DD`, optionally followed by a midnight time `T00:00:00` or
///   ` 00:00:00` (pandas writes a `datetime64` column so; any other time of day is refused,
///   as it would say the data are finer than a month);
/// - `DD/MM/YYYY` with one- or two-digit day and month (`1/2/2021` is 1 February 2021: the
///   UK order, never the US one).
///
/// Impossible dates (`2021-02-30`) are refused. Parsing works on the field's bytes, without
/// making a `String` (the observations reader calls this once per row).
enum PeriodField: Equatable {
    /// A period written as Scorecast writes it.
    case period(Period)
    /// A day, as its month's ordinal (`year * 12 + month - 1`): the day itself only places the
    /// row in its month.
    case date(monthOrdinal: Int)

    init?(field bytes: UnsafeBufferPointer<UInt8>) {
        if let period = Period(field: bytes) {
            self = .period(period)
            return
        }
        guard let (year, month, day) = Self.isoDate(bytes) ?? Self.dayMonthYear(bytes),
            (1...12).contains(month), day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self = .date(monthOrdinal: year * 12 + month - 1)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDT00:00:00` or `YYYY-MM-DD 00:00:00`.
    private static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10 || bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(bytes, 0..<4), let month = digits(bytes, 5..<7), let day = digits(bytes, 8..<10)
        else { return nil }
        if bytes.count == 19 {
            let midnight = Array("00:00:00".utf8)
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
            for offset in 0..<8 where bytes[11 + offset] != midnight[offset] { return nil }
        }
        return (year, month, day)
    }

    /// `D/M/YYYY` to `DD/MM/YYYY`.
    private static func dayMonthYear(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard (8...10).contains(bytes.count), let firstSlash = bytes.firstIndex(of: UInt8(ascii: "/")),
            let secondSlash = bytes[(firstSlash + 1)...].firstIndex(of: UInt8(ascii: "/")),
            (1...2).contains(firstSlash), (1...2).contains(secondSlash - firstSlash - 1), bytes.count - secondSlash - 1 == 4,
            let day = digits(bytes, 0..<firstSlash), let month = digits(bytes, (firstSlash + 1)..<secondSlash),
            let year = digits(bytes, (secondSlash + 1)..<bytes.count)
        else { return nil }
        return (year, month, day)
    }
}

extension Frequency {
    /// The frequency a series observed on the months `monthOrdinals` was most likely kept at:
    /// annual when every gap between its distinct months is a whole number of years,
    /// quarterly when every gap is a whole number of quarters, monthly otherwise (and for a
    /// series of one month). Gaps are measured between distinct months, so a missing period
    /// does not change the answer; two rows in one month stay monthly and are reported as a
    /// repeated period.
    ///
    /// This is the rule of pandas' `infer_freq` reduced to Scorecast's three calendars (it
    /// looks at the differences between consecutive stamps), applied to the greatest common
    /// divisor of the gaps rather than requiring them all equal, so gaps are allowed.
    ///
    /// Complexity: O(n log n) for n rows.
    public static func inferred(fromMonthOrdinals monthOrdinals: [Int]) -> Frequency {
        let months = Set(monthOrdinals).sorted()
        guard months.count >= 2 else { return .monthly }
        var divisor = 0
        for index in 1..<months.count {
            var a = months[index] - months[index - 1], b = divisor
            while b != 0 { (a, b) = (b, a % b) }
            divisor = a
        }
        if divisor % 12 == 0 { return .annual }
        if divisor % 3 == 0 { return .quarterly }
        return .monthly
    }
}

extension Period {
    /// The month, quarter or year at `frequency` that contains the month `monthOrdinal`
    /// (`year * 12 + month - 1`).
    public init(frequency: Frequency, containingMonthOrdinal monthOrdinal: Int) {
        let year = monthOrdinal >= 0 ? monthOrdinal / 12 : (monthOrdinal - 11) / 12
        let month = monthOrdinal - year * 12 + 1
        switch frequency {
        case .monthly: self.init(year: year, month: month)
        case .quarterly: self.init(year: year, quarter: (month - 1) / 3 + 1)
        case .annual: self.init(year: year)
        }
    }
}
