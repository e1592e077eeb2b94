import ScorecastCore
import ScorecastTimeSeries
import Testing

@testable import ScorecastSPC

@Suite("XmR analysis")
struct XmRTests {
    static let start = Period(year: 2020, month: 1)

    static func series(_ values: [Double]) -> TimeSeries {
        TimeSeries(name: "test", start: start, values: values)
    }

    @Test func aSevenMonthScorecardRowHasTooFewPointsAndNoLimits() throws {
        let analysis = try XmR().analyse(Self.series([310, 295, 330, 301, 287, 315, 240]))
        #expect(analysis.variation == .tooFewPoints)
        #expect(analysis.segments.count == 1)
        #expect(analysis.latestSegment.limits == nil)
        #expect(analysis.points.allSatisfy { $0.specialCause == nil && $0.type == nil })
        #expect(analysis.assurance == nil)
    }

    @Test(arguments: [11, 12])
    func twelvePointsIsTheMinimum(count: Int) throws {
        let values = (0..<count).map { Double($0 % 3) }
        let analysis = try XmR().analyse(Self.series(values))
        #expect((analysis.latestSegment.limits != nil) == (count >= 12))
    }

    @Test func missingValuesAreSkippedAndKeepTheirPlace() throws {
        var values = (0..<14).map { Double($0.isMultiple(of: 2) ? 10 : 12) }
        values[5] = .nan
        let analysis = try XmR().analyse(Self.series(values))
        let limits = try #require(analysis.latestSegment.limits)
        #expect(limits.baselineCount == 13)
        #expect(analysis.points[5].type == nil && analysis.points[5].value.isNaN)
        #expect(analysis.points[4].type == .commonCause)
        #expect(analysis.latestSegment.observedCount == 13)
    }

    @Test func fixingAfterNPointsJudgesLaterPointsAgainstTheBaseline() throws {
        let baseline = (0..<12).map { Double($0.isMultiple(of: 2) ? 10 : 12) }
        let later: [Double] = [30, 11, 11]
        let fixed = try XmR(improvement: .decrease, fixAfter: 12).analyse(Self.series(baseline + later))
        let limits = try #require(fixed.latestSegment.limits)
        #expect(limits.mean == 11 && limits.averageMovingRange == 2 && limits.baselineCount == 12)
        #expect(fixed.points[12].specialCause == SpecialCause(rule: .outsideLimits, side: .high))
        #expect(fixed.points[12].type == .concern)
        #expect(fixed.variation == .commonCause)
    }

    @Test func rebasingStartsASegmentWithItsOwnLimits() throws {
        let before = (0..<12).map { Double($0.isMultiple(of: 2) ? 10 : 12) }
        let after = (0..<12).map { Double($0.isMultiple(of: 2) ? 20 : 24) }
        let rebase = Self.start.advanced(by: 12)
        let analysis = try XmR(improvement: .increase, rebaseAt: [rebase], target: 10).analyse(Self.series(before + after))
        #expect(analysis.segments.count == 2)
        #expect(analysis.segments[0].limits?.mean == 11)
        #expect(analysis.segments[1].limits?.mean == 22)
        #expect(analysis.segments[1].start == rebase)
        #expect(analysis.points[12].segment == 1 && analysis.points[11].segment == 0)
        // Target 10 lies below the second segment's lower limit (22 - 2.66 * 4 = 11.36): consistently met.
        #expect(analysis.assurance == .consistentPass)
        #expect(analysis.points.allSatisfy { $0.type == .commonCause })
    }

    @Test func aShortRebasedSegmentHasTooFewPointsWhileTheFirstKeepsItsLimits() throws {
        let values = (0..<20).map { Double($0 % 4) }
        let analysis = try XmR(rebaseAt: [Self.start.advanced(by: 14)]).analyse(Self.series(values))
        #expect(analysis.segments[0].limits != nil)
        #expect(analysis.segments[1].limits == nil && analysis.segments[1].variation == .tooFewPoints)
        #expect(analysis.variation == .tooFewPoints)
    }

    @Test func rebasePeriodsOutsideTheSeriesAreRejected() {
        #expect(throws: TimeSeriesError.self) {
            try XmR(rebaseAt: [Period(year: 2030, month: 1)]).analyse(Self.series(Array(repeating: 1, count: 12)))
        }
        #expect(throws: TimeSeriesError.self) {
            try XmR(rebaseAt: [Period(year: 2020, quarter: 2)]).analyse(Self.series(Array(repeating: 1, count: 12)))
        }
    }

    @Test(arguments: [
        (PointType.commonCause, ImprovementDirection.increase, VariationIcon.commonCause),
        (.improvement, .increase, .improvementHigh),
        (.improvement, .decrease, .improvementLow),
        (.concern, .increase, .concernLow),
        (.concern, .decrease, .concernHigh),
        (.neutralHigh, .neutral, .neutralHigh),
        (.neutralLow, .neutral, .neutralLow),
    ])
    func variationIconFollowsTheLatestPointAndPolarity(type: PointType, direction: ImprovementDirection, icon: VariationIcon) {
        #expect(VariationIcon(latest: type, direction: direction) == icon)
    }

    @Test(arguments: [
        // Limits are 0 ± 3 (upper 3, lower -3).
        (5.0, ImprovementDirection.increase, Assurance?.some(.consistentFail)),
        (5.0, .decrease, .consistentPass),
        (-5.0, .increase, .consistentPass),
        (-5.0, .decrease, .consistentFail),
        (3.0, .increase, .hitAndMiss),
        (0.0, .decrease, .hitAndMiss),
        (5.0, .neutral, nil),
    ])
    func assuranceComparesTheTargetWithTheLimits(target: Double, direction: ImprovementDirection, expected: Assurance?) {
        let limits = ProcessLimits(mean: 0, averageMovingRange: 3 / ProcessLimits.limitScale, baselineCount: 12)
        #expect(Assurance(target: target, limits: limits, direction: direction) == expected)
    }
}
