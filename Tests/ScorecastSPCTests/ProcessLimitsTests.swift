import Testing

@testable import ScorecastSPC

@Suite("Process limits")
struct ProcessLimitsTests {
    @Test func meanAndAverageMovingRangeSetTheLimits() {
        // Moving ranges 2, 4, 2, 4: average 3.
        let limits = ProcessLimits(baseline: [10, 12, 8, 10, 14], screening: false)
        #expect(limits.mean == 10.8)
        #expect(limits.averageMovingRange == 3)
        #expect(abs(limits.upper - (10.8 + 2.66 * 3)) < 1e-12)
        #expect(abs(limits.lower - (10.8 - 2.66 * 3)) < 1e-12)
        #expect(abs(limits.nearUpper - (10.8 + 2 * 2.66 / 3 * 3)) < 1e-12)
        #expect(limits.baselineCount == 5)
    }

    @Test func screeningDropsMovingRangesAtOrAboveThreePointTwoSixSevenTimesTheAverage() {
        // Ranges: 1 x 10 and one of 50: average (10 + 50) / 11 = 5.4545; cutoff 17.82, so 50 goes.
        let baseline: [Double] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 50]
        let screened = ProcessLimits(baseline: baseline, screening: true)
        #expect(screened.screenedMovingRanges == 1)
        #expect(screened.averageMovingRange == 1)
        let unscreened = ProcessLimits(baseline: baseline, screening: false)
        #expect(abs(unscreened.averageMovingRange - 60.0 / 11) < 1e-12)
        #expect(unscreened.screenedMovingRanges == 0)
    }

    @Test func aConstantBaselineHasLimitsOnItsMean() {
        let limits = ProcessLimits(baseline: [5, 5, 5, 5], screening: true)
        #expect(limits.lower == 5 && limits.upper == 5 && limits.mean == 5)
    }
}
