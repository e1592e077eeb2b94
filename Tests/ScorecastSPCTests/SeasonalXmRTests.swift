import ScorecastCore
import ScorecastTimeSeries
import Testing

@testable import ScorecastSPC

@Suite("Seasonal XmR")
struct SeasonalXmRTests {
    /// Four years of a monthly series with a deep August dip and small noise, then a real
    /// rise in the last five months.
    static let pattern: [Double] = [10, 5, 0, 0, -5, 0, -10, -60, 10, 15, 20, 15]
    static let noise: [Double] = [1, -2, 0.5, 1.5, -1, -0.5, 2, -1.5, 0, 1, -1, 0.5]

    static func series(rise: Double) -> TimeSeries {
        let values = (0..<48).map { index -> Double in
            let base = 300 + pattern[index % 12] + noise[(index * 7) % 12]
            return index >= 43 ? base + rise : base
        }
        return TimeSeries(name: "contacts", start: Period(year: 2018, month: 1), values: values)
    }

    @Test func theUsualAugustDipIsNotASignalOnceTheSeasonIsTakenOut() throws {
        let series = Self.series(rise: 0)
        let plain = try XmR().analyse(series)
        // Plain XmR flags Augusts (the dip is far below the all-months mean).
        let augusts = series.periods.indices.filter { series.periods[$0].position == 8 }
        #expect(augusts.contains { plain.points[$0].specialCause != nil })

        let seasonalPattern = (0..<48).map { Self.pattern[$0 % 12] }
        let seasonal = try SeasonalXmR().analyse(series, pattern: .additive(seasonalPattern))
        #expect(seasonal.adjusted.points.allSatisfy { $0.specialCause == nil })
        #expect(seasonal.adjusted.variation == .commonCause)
        // Limits follow the season: August's expected value is 60 below the level.
        #expect(abs(seasonal.mean(at: 7) - (seasonal.mean(at: 6) - 50)) < 1e-9)
        #expect(seasonal.upper(at: 7) - seasonal.lower(at: 7) == seasonal.upper(at: 0) - seasonal.lower(at: 0))
    }

    @Test func aRealRiseIsTheOnlySignalOnceTheSeasonIsTakenOut() throws {
        // Limits fixed on the first three years, as Making Data Count advises for a baseline.
        let series = Self.series(rise: 12)
        let plain = try XmR(fixAfter: 36).analyse(series)
        let seasonalPattern = (0..<48).map { Self.pattern[$0 % 12] }
        let seasonal = try SeasonalXmR(XmR(fixAfter: 36)).analyse(series, pattern: .additive(seasonalPattern))
        // Plain XmR raises false alarms in the three ordinary baseline years...
        #expect((0..<36).contains { plain.points[$0].specialCause != nil })
        // ...seasonal XmR flags none of them, and flags the five months that rose by 12.
        #expect((0..<36).allSatisfy { seasonal.adjusted.points[$0].specialCause == nil })
        #expect((43..<48).allSatisfy { seasonal.adjusted.points[$0].specialCause?.rule == .outsideLimits })
        #expect(seasonal.adjusted.variation == .neutralHigh)
    }

    @Test func multiplicativePatternsDivideAndMultiply() throws {
        let factors = (0..<24).map { $0 % 12 == 7 ? 0.5 : 1.0 }
        let values = factors.enumerated().map { 100 * $0.element + Double($0.offset % 3) }
        let series = TimeSeries(name: "x", start: Period(year: 2019, month: 1), values: values)
        let analysis = try SeasonalXmR().analyse(series, pattern: .multiplicative(factors))
        #expect(analysis.adjusted.points.allSatisfy { $0.specialCause == nil })
        #expect(abs(analysis.mean(at: 7) - analysis.mean(at: 6) * 0.5) < 1e-9)
    }

    @Test func patternsMustFitTheSeries() {
        let series = TimeSeries(name: "x", start: Period(year: 2019, month: 1), values: Array(repeating: 1, count: 12))
        #expect(throws: TimeSeriesError.self) { try SeasonalXmR().analyse(series, pattern: .additive([0])) }
        #expect(throws: TimeSeriesError.self) { try SeasonalXmR().analyse(series, pattern: .multiplicative(Array(repeating: 0, count: 12))) }
        #expect(throws: TimeSeriesError.self) { try SeasonalXmR().analyse(series, pattern: .additive(Array(repeating: .nan, count: 12))) }
    }
}
