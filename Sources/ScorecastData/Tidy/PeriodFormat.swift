import ScorecastCore

/// How output files write a period: as Scorecast reads them (`2021-01`, `2021-Q1`, `2021`)
/// or as an ISO 8601 date, the first day of the period (`2021-01-01`, `2021-01-01`,
/// `2021-01-01`), which pandas, statsforecast and R's `as.Date` read as dates.
///
/// Both forms read back: the observations reader maps a date to the period containing it.
public enum PeriodFormat: String, Sendable, CaseIterable {
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    case period
    /// `YYYY-MM-DD`, the first day of the period.
    case iso

    /// `period` written in this format.
    public func format(_ period: Period) -> String {
        switch self {
        case .period:
            return period.description
        case .iso:
            let firstMonth = (period.position - 1) * (12 / period.frequency.periodsPerYear) + 1
            let yearText = String(period.year)
            let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            return paddedYear + (firstMonth < 10 ? "-0" : "-") + String(firstMonth) + "-01"
        }
    }
}
