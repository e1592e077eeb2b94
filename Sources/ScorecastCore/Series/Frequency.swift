/// How often a series is observed: the calendars Scorecast understands.
public enum Frequency: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Twelve periods a year, written `YYYY-MM`.
    case monthly = 12
    /// Four periods a year, written `YYYY-Qn`.
    case quarterly = 4
    /// One period a year, written `YYYY`.
    case annual = 1

    /// Periods per year: the seasonal period `m` of the models (12, 4 or 1).
    @inlinable public var periodsPerYear: Int { rawValue }

    public var description: String {
        switch self {
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .annual: "annual"
        }
    }
}
