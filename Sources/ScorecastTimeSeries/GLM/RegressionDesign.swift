import ScorecastCore
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a regression model captures the seasonal pattern.
public enum SeasonalTerms: Sendable, Hashable, CustomStringConvertible {
    /// No seasonal terms.
    case none
    /// One dummy per month (quarter) of the year, January (Q1) the baseline.
    case dummies
    /// `order` sine–cosine pairs at the annual frequency and its harmonics.
    case fourier(order: Int)

    public var description: String {
        switch self {
        case .none: "none"
        case .dummies: "dummies"
        case .fourier(let order): "fourier\(order)"
        }
    }
}

/// The terms of a calendar-aware regression, and the design matrix they make for any periods.
///
/// Columns, in order:
/// 1. `intercept`;
/// 2. `trend`: years since the first period of the fit (when `trend` is on);
/// 3. seasonal terms: `month_02` ... `month_12` (or `quarter_2` ...), or `sin_1, cos_1, ...`
///    (Fourier order at most m/2; at k = m/2 only the cosine);
/// 4. calendar terms (when `calendar` is set and the series is monthly or quarterly):
///    `school_holidays`, the share of working days that are school holidays (0 = all term,
///    1 = all holiday), and `working_days`, working days in the period minus their mean over the
///    fit sample;
/// 5. one column per intervention event name: `event_<name>`, the share of the period it covers.
///
/// On a log link the coefficient of `school_holidays` is the log ratio between a month that is
/// all school holiday and one that is all term, other things equal; that of `working_days` is
/// the log ratio per extra working day.
public struct RegressionDesign: Sendable {
    public var frequency: Frequency
    /// The first period of the fit sample (trend origin).
    public var origin: Period
    public var trend: Bool
    public var seasonal: SeasonalTerms
    public var calendar: EnglandCalendar?
    public var events: [InterventionEvent]
    /// The mean working days per period over the fit sample (centres `working_days`).
    public var workingDaysCentre: Double

    /// Event names in column order.
    public var eventNames: [String] {
        var seen: Set<String> = []
        return events.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Whether calendar columns are present.
    public var hasCalendar: Bool { calendar != nil && frequency != .annual }

    /// A design for a fit sample of `count` periods from `origin`.
    public init(origin: Period, count: Int, trend: Bool = true, seasonal: SeasonalTerms, calendar: EnglandCalendar?, events: [InterventionEvent] = [])
    {
        self.frequency = origin.frequency
        self.origin = origin
        self.trend = trend
        self.seasonal = origin.frequency == .annual ? .none : seasonal
        self.calendar = calendar
        self.events = events
        if let calendar, origin.frequency != .annual, count > 0 {
            let total = (0..<count).reduce(0) { $0 + calendar.counts(for: origin.advanced(by: $1)).workingDays }
            workingDaysCentre = Double(total) / Double(count)
        } else {
            workingDaysCentre = 0
        }
    }

    /// The column names, in order.
    public var columnNames: [String] {
        var names = ["intercept"]
        if trend { names.append("trend") }
        let m = frequency.periodsPerYear
        switch seasonal {
        case .none: break
        case .dummies:
            for position in 2...max(2, m) where m > 1 {
                names.append(frequency == .monthly ? "month_" + (position < 10 ? "0" : "") + String(position) : "quarter_\(position)")
            }
        case .fourier(let order):
            for k in 1...max(1, order) where order > 0 {
                // At k = m/2 the sine vanishes at every period: only the cosine is a column.
                if 2 * k != m { names.append("sin_\(k)") }
                names.append("cos_\(k)")
            }
        }
        if hasCalendar { names += ["school_holidays", "working_days"] }
        names += eventNames.map { "event_" + $0 }
        return names
    }

    /// The index of the column `name`, if present.
    public func column(named name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// The design row of `period`.
    public func row(for period: Period) -> [Double] {
        var row: [Double] = [1]
        if trend { row.append(Double(origin.distance(to: period)) / Double(frequency.periodsPerYear)) }
        let m = frequency.periodsPerYear
        switch seasonal {
        case .none: break
        case .dummies:
            if m > 1 { for position in 2...m { row.append(period.position == position ? 1 : 0) } }
        case .fourier(let order):
            if order > 0 {
                for k in 1...order {
                    let angle = 2 * Double.pi * Double(k) * Double(period.position) / Double(m)
                    if 2 * k != m { row.append(sin(angle)) }
                    row.append(cos(angle))
                }
            }
        }
        if hasCalendar, let calendar {
            let counts = calendar.counts(for: period)
            row.append(counts.schoolHolidayShare)
            row.append(Double(counts.workingDays) - workingDaysCentre)
        }
        for name in eventNames {
            row.append(InterventionEvent.share(of: period, coveredBy: events.filter { $0.name == name }))
        }
        return row
    }

    /// The design matrix of the given periods.
    public func matrix(for periods: [Period]) -> Matrix {
        Matrix(rowArrays: periods.map { row(for: $0) })
    }
}
