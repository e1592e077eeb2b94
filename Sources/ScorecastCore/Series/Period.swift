/// One calendar period: a month, a quarter or a year.
///
/// A period is stored as an ordinal count of periods since year 0 at its frequency, so
/// arithmetic (`advanced(by:)`, `distance(to:)`) is exact and a series can be laid out on
/// a regular grid with gaps as missing values. Text forms are `YYYY-MM`, `YYYY-Qn` and `YYYY`
/// (M3's series of unknown start use year `0001`).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    /// The calendar this period belongs to.
    public let frequency: Frequency
    /// `year * periodsPerYear + (position - 1)`.
    public let ordinal: Int

    /// The period with the given ordinal at `frequency`.
    public init(frequency: Frequency, ordinal: Int) {
        self.frequency = frequency
        self.ordinal = ordinal
    }

    /// A month (`month` in 1...12).
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month must be in 1...12")
        self.init(frequency: .monthly, ordinal: year * 12 + month - 1)
    }

    /// A quarter (`quarter` in 1...4).
    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "quarter must be in 1...4")
        self.init(frequency: .quarterly, ordinal: year * 4 + quarter - 1)
    }

    /// A year.
    public init(year: Int) {
        self.init(frequency: .annual, ordinal: year)
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`; `nil` for anything else.
    ///
    /// The year must be four digits; the month two digits in 01...12; the quarter 1...4
    /// (a lower-case `q` is accepted).
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? { decimalDigits(bytes, range) }
        switch bytes.count {
        case 4:
            guard let year = digits(0..<4) else { return nil }
            self.init(year: year)
        case 7 where bytes[4] == UInt8(ascii: "-") && (bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q")):
            guard let year = digits(0..<4), let quarter = digits(6..<7), (1...4).contains(quarter) else { return nil }
            self.init(year: year, quarter: quarter)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let year = digits(0..<4), let month = digits(5..<7), (1...12).contains(month) else { return nil }
            self.init(year: year, month: month)
        default:
            return nil
        }
    }

    /// The calendar year.
    @inlinable public var year: Int {
        ordinal >= 0 ? ordinal / frequency.periodsPerYear : (ordinal - frequency.periodsPerYear + 1) / frequency.periodsPerYear
    }

    /// The month (1...12), quarter (1...4) or 1 for an annual period.
    @inlinable public var position: Int { ordinal - year * frequency.periodsPerYear + 1 }

    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    public var description: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        switch frequency {
        case .monthly: return paddedYear + (position < 10 ? "-0" : "-") + String(position)
        case .quarterly: return paddedYear + "-Q" + String(position)
        case .annual: return paddedYear
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        precondition(lhs.frequency == rhs.frequency, "Cannot compare periods of different frequencies")
        return lhs.ordinal < rhs.ordinal
    }

    /// The period `steps` periods later (earlier when negative).
    public func advanced(by steps: Int) -> Period {
        Period(frequency: frequency, ordinal: ordinal + steps)
    }

    /// The number of periods from `self` to `other`.
    public func distance(to other: Period) -> Int {
        precondition(frequency == other.frequency, "Cannot measure between periods of different frequencies")
        return other.ordinal - ordinal
    }
}

/// The decimal number written by the ASCII digits `bytes[range]`, `nil` when any byte there is
/// not a digit. Shared by the period and date parsers.
@inlinable
func decimalDigits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var value = 0
    for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}
