import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Seeded monthly counts driven by the England calendar alone, for tests of calendar-aware
/// model choice.
public enum SchoolHolidaySimulation {
    /// Six years (January 2015 to December 2020) of Poisson counts whose mean is
    /// 400 × exp(−0.7 × school-holiday share + 0.05 × (working days − 21)): a month that is all
    /// school holiday has half the count of one that is all term, and each working day adds 5%.
    /// Easter moving between March and April and each month's working days change from year to
    /// year, which a fixed seasonal pattern cannot follow.
    public static func series(seed: UInt64) -> TimeSeries {
        var generator = Xoshiro256StarStar(seed: seed)
        let calendar = EnglandCalendar()
        let start = Period(year: 2015, month: 1)
        let values = (0..<72).map { t -> Double in
            let counts = calendar.counts(for: start.advanced(by: t))
            let mean = 400 * exp(-0.7 * counts.schoolHolidayShare + 0.05 * (Double(counts.workingDays) - 21))
            return Double(RandomVariates.poisson(mean: mean, using: &generator))
        }
        return TimeSeries(name: "referrals\(seed)", start: start, values: values)
    }
}
