import Foundation
import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("ARIMA differencing tests against R")
struct ARIMADifferencingTests {
    static let rows = ARIMAFixtures.rows("arima-unit-root")

    /// The KPSS statistic (urca's `ur.kpss(type = "mu")` at forecast's lag) on the series and on
    /// its first difference, to 1e-10 relative; forecast's `ndiffs` decision on all 100 series.
    @Test func kpssAndRegularDifferencesEqualR() throws {
        #expect(Self.rows.count == 100)
        for row in Self.rows {
            let series = try #require(ETSFixtures.series[row["series"]!])
            let values = series.values
            let differenced = zip(values.dropFirst(), values).map { $0 - $1 }
            #expect(ARIMADifferencing.kpssLag(count: values.count) == Int(row["kpss_lag"]!)!)
            #expect(ARIMADifferencing.kpssLag(count: differenced.count) == Int(row["kpss_lag_diff1"]!)!)
            for (data, key) in [(values, "kpss_level"), (differenced, "kpss_level_diff1")] {
                let reference = Double(row[key]!)!
                let ours = ARIMADifferencing.kpssLevelStatistic(data, lag: ARIMADifferencing.kpssLag(count: data.count))
                #expect(abs(ours - reference) <= 1e-10 * abs(reference), "\(row["series"]!) \(key): \(ours) vs R \(reference)")
            }
            #expect(ARIMADifferencing.regularDifferences(values) == Int(row["ndiffs"]!)!, "\(row["series"]!) ndiffs")
        }
    }

    /// The seasonal strength (STL, s.window 11) to 1e-8 and `nsdiffs`, then `ndiffs` of the
    /// seasonally differenced series, on all 100 series.
    @Test func seasonalDifferencesEqualR() throws {
        for row in Self.rows {
            let series = try #require(ETSFixtures.series[row["series"]!])
            let strength = try ARIMADifferencing.seasonalStrength(series)
            let reference = Double(row["seasonal_strength"]!)!
            #expect(abs(strength - reference) <= 1e-8, "\(row["series"]!) strength \(strength) vs R \(reference)")
            let seasonalD = ARIMADifferencing.seasonalDifferences(series)
            #expect(seasonalD == Int(row["nsdiffs"]!)!, "\(row["series"]!) nsdiffs")
            var values = series.values
            if seasonalD == 1 { values = zip(values.dropFirst(12), values).map { $0 - $1 } }
            #expect(ARIMADifferencing.regularDifferences(values) == Int(row["ndiffs_after_seasonal"]!)!, "\(row["series"]!) ndiffs after seasonal")
        }
    }

    @Test func constantSeriesNeedsNoDifference() {
        #expect(ARIMADifferencing.regularDifferences([3, 3, 3, 3, 3, 3]) == 0)
        let series = TimeSeries(name: "flat", start: Period(year: 2020, month: 1), values: Array(repeating: 7, count: 48))
        #expect(ARIMADifferencing.seasonalDifferences(series) == 0)
    }
}
