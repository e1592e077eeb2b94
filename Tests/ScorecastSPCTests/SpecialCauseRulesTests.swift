import Testing

@testable import ScorecastSPC

/// Hand-made series on limits with mean 0, upper limit +3, lower limit -3 and near lines at ±2,
/// so each value's place is obvious: |v| > 3 outside, 2 < |v| <= 3 close, 0 on the mean.
@Suite("Special-cause rules")
struct SpecialCauseRulesTests {
    static let limits = ProcessLimits(mean: 0, averageMovingRange: 3 / ProcessLimits.limitScale, baselineCount: 12)

    /// Codes of each point: "." for common cause, else the rule's code.
    static func codes(_ values: [Double]) -> [String] {
        SpecialCauseRules.classify(values, limits: limits).map { $0?.code ?? "." }
    }

    @Test func limitsAreWhereTheTestsExpectThem() {
        #expect(abs(Self.limits.upper - 3) < 1e-12)
        #expect(abs(Self.limits.lower + 3) < 1e-12)
        #expect(abs(Self.limits.nearUpper - 2) < 1e-12)
        #expect(abs(Self.limits.nearLower + 2) < 1e-12)
    }

    @Test func pointsOutsideTheLimitsAreSpecialAndPointsOnTheLimitsAreNot() {
        #expect(Self.codes([0.5, 3.5, -0.5, -3.2, 0.2]) == [".", "outside_limits_high", ".", "outside_limits_low", "."])
        // Exactly on a limit is inside (and counts as close for two in three).
        #expect(Self.codes([0.5, 3.0, -0.5, -3.0, 0.2]) == [".", ".", ".", ".", "."])
    }

    @Test(
        arguments: [
            // A run of exactly six on one side is common cause.
            ([-1, 1, 1, 1, 1, 1, 1, -1], [".", ".", ".", ".", ".", ".", ".", "."]),
            // Exactly seven: all seven are flagged.
            ([-1, 1, 1, 1, 1, 1, 1, 1, -1], [".", "run_high", "run_high", "run_high", "run_high", "run_high", "run_high", "run_high", "."]),
            // Eight below: all eight.
            ([1, -1, -1, -1, -1, -1, -1, -1, -1], ["."] + Array(repeating: "run_low", count: 8)),
            // A point on the mean breaks a run: 3 + mean + 4 is not seven.
            ([1, 1, 1, 0, 1, 1, 1, 1], [".", ".", ".", ".", ".", ".", ".", "."]),
            // ...and 7 after the point on the mean do signal, the mean point itself does not.
            ([1, 1, 0, 1, 1, 1, 1, 1, 1, 1], [".", ".", ".", "run_high", "run_high", "run_high", "run_high", "run_high", "run_high", "run_high"]),
        ] as [([Double], [String])])
    func runOfSevenOnOneSideOfTheMean(values: [Double], expected: [String]) {
        // Alternate the size of the values so no trend forms.
        let wobbled = values.enumerated().map { $0.element * ($0.offset.isMultiple(of: 2) ? 1.0 : 0.5) }
        #expect(Self.codes(wobbled) == expected)
    }

    @Test(
        arguments: [
            // Six points rising (five rises): no trend.
            ([-1.5, -1, -0.5, 0.2, 0.6, 1.0, 0.1], [".", ".", ".", ".", ".", ".", "."]),
            // Seven points rising (six rises): all seven.
            ([-1.5, -1, -0.5, 0.2, 0.6, 1.0, 1.4, 0.1], Array(repeating: "trend_high", count: 7) + ["."]),
            // A tie breaks the trend.
            ([-1.5, -1, -0.5, -0.5, 0.6, 1.0, 1.4, 0.1], Array(repeating: ".", count: 8)),
            // Seven falling.
            ([0.2, 1.4, 1.0, 0.6, 0.2, -0.5, -1, -1.5], ["."] + Array(repeating: "trend_low", count: 7)),
        ] as [([Double], [String])])
    func trendOfSevenIncreasingOrDecreasing(values: [Double], expected: [String]) {
        #expect(Self.codes(values) == expected)
    }

    @Test func aPeakSharedByARiseAndAFallTakesTheDirectionLeavingIt() {
        let rise: [Double] = [-1.5, -1.2, -0.9, -0.6, -0.3, 0.3, 0.6]
        let fall: [Double] = [0.3, -0.3, -0.6, -0.9, -1.2, -1.5]
        let codes = Self.codes(rise + fall)
        #expect(Array(codes[0..<6]) == Array(repeating: "trend_high", count: 6))
        #expect(Array(codes[6...]) == Array(repeating: "trend_low", count: 7))
    }

    @Test(
        arguments: [
            // Two close points, the third on the same side: both close points flagged, not the third.
            ([0.5, -0.5, 2.5, 0.5, 2.8, -0.5], [".", ".", "two_in_three_high", ".", "two_in_three_high", "."]),
            // Consecutive close points below.
            ([0.5, -0.5, -2.5, -2.8, -0.5, 0.5], [".", ".", "two_in_three_low", "two_in_three_low", ".", "."]),
            // The window's third point on the other side of the mean: no signal.
            ([0.5, -0.5, 2.5, -0.5, 2.8, -0.5], Array(repeating: ".", count: 6)),
            // A point on the mean in the window: no signal.
            ([0.5, -0.5, 2.5, 0, 2.8, -0.5], Array(repeating: ".", count: 6)),
            // Close points on opposite sides: no signal.
            ([0.5, 2.5, -2.5, 0.5, -0.5, 0.5], Array(repeating: ".", count: 6)),
            // Only one close point in three: no signal.
            ([0.5, 2.5, 0.5, 1.5, -0.5, 0.5], Array(repeating: ".", count: 6)),
            // A point outside the limits does not count as close.
            ([0.5, -0.5, 2.5, 3.5, 0.5, -0.5], [".", ".", ".", "outside_limits_high", ".", "."]),
            // A point exactly on the limit does.
            ([0.5, -0.5, 2.5, 3.0, 0.5, -0.5], [".", ".", "two_in_three_high", "two_in_three_high", ".", "."]),
        ] as [([Double], [String])])
    func twoOfThreeBeyondTwoThirds(values: [Double], expected: [String]) {
        #expect(Self.codes(values) == expected)
    }

    @Test func outsideLimitsBeatsTrendWhichBeatsTwoInThreeWhichBeatsRun() {
        // Seven rising points above the mean whose last two are close and then outside.
        let values: [Double] = [0.2, 0.4, 0.6, 0.8, 1.0, 2.5, 3.5]
        #expect(Self.codes(values) == ["trend_high", "trend_high", "trend_high", "trend_high", "trend_high", "trend_high", "outside_limits_high"])
        // Seven above with two close in a window: the close points are two in three, the rest run.
        let run: [Double] = [0.5, 2.5, 0.4, 2.6, 0.5, 0.4, 0.5]
        #expect(Self.codes(run) == ["run_high", "two_in_three_high", "run_high", "two_in_three_high", "run_high", "run_high", "run_high"])
    }

    @Test(arguments: [
        (SpecialCause(rule: .outsideLimits, side: .high), ImprovementDirection.increase, PointType.improvement),
        (SpecialCause(rule: .outsideLimits, side: .high), .decrease, .concern),
        (SpecialCause(rule: .trend, side: .low), .increase, .concern),
        (SpecialCause(rule: .run, side: .low), .decrease, .improvement),
        (SpecialCause(rule: .twoInThree, side: .high), .neutral, .neutralHigh),
        (SpecialCause(rule: .run, side: .low), .neutral, .neutralLow),
    ])
    func polarityTurnsSidesIntoImprovementOrConcern(cause: SpecialCause, direction: ImprovementDirection, expected: PointType) {
        #expect(PointType(cause, direction: direction) == expected)
        #expect(PointType(nil, direction: direction) == .commonCause)
    }
}
