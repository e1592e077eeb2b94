import Foundation
import ScorecastCore
import ScorecastTimeSeries
import Testing

@testable import ScorecastSPC

/// Equality with NHSRplotthedots 0.2.2 on 55 series (2,017 points): shifts, trends, spikes
/// with and without screening, integer counts with ties, points on the mean, fixed limits,
/// rebases and targets. The fixtures were made by running NHSRplotthedots' own R code:
/// see `scripts/fixtures/spc-nhsrplotthedots.R`.
@Suite("NHSRplotthedots equality")
struct NHSRplotthedotsFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var improvement: ImprovementDirection
        var screen: Bool
        var fixAfter: Int?
        var rebase: Period?
        var target: Double?
        var assurance: String
        var testDescription: String { name }
    }

    struct Row {
        var period: Period, value: Double, mean: Double, lower: Double, upper: Double
        var specialCauseType: String, pointType: String
    }

    static func table(_ name: String) -> [[String: String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static let cases: [Case] = table("nhsrplotthedots-cases").map {
        Case(
            name: $0["case"]!, improvement: ImprovementDirection(rawValue: $0["improvement"]!)!,
            screen: $0["screen"] == "true", fixAfter: Int($0["fix_after"]!), rebase: Period(parsing: $0["rebase"]!),
            target: Double($0["target"]!), assurance: $0["assurance"]!)
    }

    static let rows: [String: [Row]] = Dictionary(grouping: table("nhsrplotthedots-points"), by: { $0["case"]! })
        .mapValues {
            $0.map {
                Row(
                    period: Period(parsing: $0["period"]!)!, value: Double($0["value"]!)!, mean: Double($0["mean"]!)!,
                    lower: Double($0["lpl"]!)!, upper: Double($0["upl"]!)!,
                    specialCauseType: $0["special_cause_type"]!, pointType: $0["point_type"]!)
            }
        }

    @Test func fixturesAreThere() {
        #expect(Self.cases.count == 55)
        #expect(Self.rows.values.reduce(0) { $0 + $1.count } == 2017)
    }

    @Test(arguments: cases)
    func matchesNHSRplotthedots(testCase: Case) throws {
        let rows = try #require(Self.rows[testCase.name])
        let series = TimeSeries(name: testCase.name, start: rows[0].period, values: rows.map(\.value))
        let spec = XmR(
            improvement: testCase.improvement, screensMovingRanges: testCase.screen, fixAfter: testCase.fixAfter,
            rebaseAt: testCase.rebase.map { [$0] } ?? [], target: testCase.target)
        let analysis = try spec.analyse(series)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
        for (index, row) in rows.enumerated() {
            let point = analysis.points[index]
            let limits = try #require(analysis.limits(at: index))
            #expect(close(limits.mean, row.mean), "mean at \(row.period)")
            #expect(close(limits.lower, row.lower), "lpl at \(row.period)")
            #expect(close(limits.upper, row.upper), "upl at \(row.period)")
            #expect((point.specialCause?.referenceLabel ?? "Common Cause") == row.specialCauseType, "rule at \(row.period)")
            #expect(point.type?.rawValue == row.pointType, "point type at \(row.period)")
        }
        #expect((analysis.assurance?.referenceLabel ?? "") == testCase.assurance)
    }
}
