import Foundation
import ScorecastCore

/// How many differences a series needs: the KPSS test for regular differences and the
/// seasonal-strength heuristic for seasonal ones, as R's forecast package (8.20) decides them
/// in `auto.arima`.
public enum ARIMADifferencing {
    /// The KPSS statistic for level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992,
    /// "Testing the null hypothesis of stationarity against the alternative of a unit root",
    /// J. Econometrics 54, 159–178), as `urca::ur.kpss(type = "mu")` computes it:
    /// `Σ S_t² / (n² s²)`, S the partial sums of the deviations from the mean and s² the
    /// long-run variance with Bartlett weights `1 − i/(lag + 1)` for i = 1…lag.
    ///
    /// - Complexity: O(n · lag).
    public static func kpssLevelStatistic(_ values: [Double], lag: Int) -> Double {
        let n = values.count
        let mean = values.reduce(0, +) / Double(n)
        let deviations = values.map { $0 - mean }
        var partial = 0.0, eta = 0.0
        for value in deviations {
            partial += value
            eta += partial * partial
        }
        eta /= Double(n) * Double(n)
        var longRun = deviations.reduce(0) { $0 + $1 * $1 } / Double(n)
        if lag > 0 {
            for i in 1...lag where i < n {
                var covariance = 0.0
                for t in i..<n { covariance += deviations[t] * deviations[t - i] }
                longRun += 2 / Double(n) * (1 - Double(i) / Double(lag + 1)) * covariance
            }
        }
        return eta / longRun
    }

    /// The truncation lag forecast's `ndiffs` gives the KPSS test, `⌊3 √n / 13⌋`.
    public static func kpssLag(count: Int) -> Int { Int(3 * Double(count).squareRoot() / 13) }

    /// The 5% critical value of the level KPSS test (Kwiatkowski et al. 1992, Table 1).
    public static let kpssCriticalValue5Percent = 0.463

    /// The number of regular differences (at most `maximum`) that make the series level
    /// stationary by the KPSS test at 5%: difference while the test rejects. A constant
    /// series needs none.
    public static func regularDifferences(_ values: [Double], maximum: Int = 2) -> Int {
        var series = values
        var differences = 0
        if isConstant(series) { return 0 }
        while differences < maximum && kpssLevelStatistic(series, lag: kpssLag(count: series.count)) > kpssCriticalValue5Percent {
            differences += 1
            series = zip(series.dropFirst(), series).map { $0 - $1 }
            if isConstant(series) || series.count < 2 { return differences }
        }
        return differences
    }

    /// The strength of seasonality, `max(0, 1 − Var(R) / Var(S + R))`, from an STL
    /// decomposition (seasonal window 11, R's `mstl` default for the first period) with
    /// remainder R and seasonal component S (Wang, Smith and Hyndman 2006, "Characteristic-based
    /// clustering for time series data", Data Mining and Knowledge Discovery 13, 335–364).
    ///
    /// - Throws: ``TimeSeriesError`` when STL cannot decompose the series (two seasons or fewer).
    public static func seasonalStrength(_ series: TimeSeries) throws -> Double {
        let decomposition = try STL(seasonalWindow: .span(11)).decompose(series)
        let remainder = decomposition.remainder
        let combined = zip(decomposition.seasonal, remainder).map { $0 + $1 }
        let ratio = sampleVariance(remainder) / sampleVariance(combined)
        return max(0, min(1, 1 - ratio))
    }

    /// The threshold above which one seasonal difference is taken.
    public static let seasonalStrengthThreshold = 0.64

    /// The number of seasonal differences (0 or 1): one when the seasonal strength exceeds
    /// 0.64 (R forecast's `nsdiffs(test = "seas")`), none for a series of two seasons or fewer,
    /// an annual series or a constant one.
    public static func seasonalDifferences(_ series: TimeSeries) -> Int {
        guard series.seasonalPeriod > 1, series.count > 2 * series.seasonalPeriod, !isConstant(series.values) else { return 0 }
        guard let strength = try? seasonalStrength(series) else { return 0 }
        return strength > seasonalStrengthThreshold ? 1 : 0
    }

    static func isConstant(_ values: [Double]) -> Bool {
        guard let first = values.first(where: { !$0.isNaN }) else { return true }
        return values.allSatisfy { $0.isNaN || $0 == first }
    }

    static func sampleVariance(_ values: [Double]) -> Double {
        let observed = values.filter { !$0.isNaN }
        let mean = observed.reduce(0, +) / Double(observed.count)
        return observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(observed.count - 1)
    }
}
