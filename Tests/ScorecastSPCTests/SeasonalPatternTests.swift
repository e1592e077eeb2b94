import Foundation
import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries
import Testing

@testable import ScorecastSPC

@Suite("Seasonal pattern from the calendar GLM")
struct SeasonalPatternTests {
    /// Five years of Poisson counts around 400 a month with a 25% August dip, seeded.
    static func counts(stepAfter: Int? = nil, step: Double = 1) -> TimeSeries {
        var generator = Xoshiro256StarStar(seed: 7)
        let values = (0..<60).map { index -> Double in
            var mean = index % 12 == 7 ? 300.0 : 400.0
            if let stepAfter, index >= stepAfter { mean *= step }
            return Double(RandomVariates.poisson(mean: mean, using: &generator))
        }
        return TimeSeries(name: "applications", start: Period(year: 2016, month: 1), values: values)
    }

    @Test func theAugustDipIsInThePatternAndNotInTheAdjustedSeries() throws {
        let series = Self.counts()
        let model = try CalendarGLM(family: .poisson).fit(series)
        let pattern = SeasonalPattern(calendarModel: model)
        guard case .multiplicative(let factors) = pattern else {
            Issue.record("a Poisson model gives multiplicative factors")
            return
        }
        // Augusts are about 0.75 of the other months.
        let augusts = (0..<60).filter { $0 % 12 == 7 }.map { factors[$0] }
        let others = (0..<60).filter { $0 % 12 != 7 }.map { factors[$0] }
        let ratio = (augusts.reduce(0, +) / Double(augusts.count)) / (others.reduce(0, +) / Double(others.count))
        #expect(abs(ratio - 0.75) < 0.05, "August ratio \(ratio)")

        let plain = try XmR().analyse(series)
        let seasonal = try SeasonalXmR().analyse(series, pattern: pattern)
        // Plain XmR's limits are widened by the jumps into and out of every August (so real
        // changes hide); once the season is out the moving ranges are a third smaller, and
        // no August falls outside the limits.
        let plainRange = try #require(plain.latestSegment.limits).averageMovingRange
        let seasonalRange = try #require(seasonal.adjusted.latestSegment.limits).averageMovingRange
        #expect(seasonalRange < 0.7 * plainRange, "\(seasonalRange) against \(plainRange)")
        #expect((0..<60).filter { $0 % 12 == 7 }.allSatisfy { seasonal.adjusted.points[$0].specialCause?.rule != .outsideLimits })
    }

    @Test func aStepChangeStaysInTheAdjustedSeries() throws {
        // A 20% rise for the last 12 months: the trend and level are not part of the pattern.
        let series = Self.counts(stepAfter: 48, step: 1.2)
        let pattern = SeasonalPattern(calendarModel: try CalendarGLM(family: .poisson).fit(series))
        let seasonal = try SeasonalXmR(XmR(fixAfter: 36)).analyse(series, pattern: pattern)
        let flagged = (48..<60).filter { seasonal.adjusted.points[$0].specialCause != nil }
        #expect(flagged.count >= 10, "flagged \(flagged)")
        #expect(seasonal.adjusted.variation == .neutralHigh)
    }

    @Test func aGaussianModelGivesAdditiveOffsetsCentredOnZero() throws {
        let values: [Double] = (0..<48).map { (index: Int) -> Double in
            let dip: Double = index % 12 == 7 ? -8 : 0
            return 50 + dip + Double((index * 5) % 7) * 0.3
        }
        let series = TimeSeries(name: "percent", start: Period(year: 2017, month: 1), values: values)
        let pattern = SeasonalPattern(calendarModel: try CalendarGLM(family: .gaussian, trend: false).fit(series))
        guard case .additive(let offsets) = pattern else {
            Issue.record("a Gaussian model gives additive offsets")
            return
        }
        #expect(abs(offsets.reduce(0, +)) < 1e-6)
        #expect(abs((offsets[7] - offsets[6]) - (-8)) < 1.5)
    }
}
