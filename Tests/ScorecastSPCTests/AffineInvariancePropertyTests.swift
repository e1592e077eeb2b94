import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastSPC

/// Property: SPC verdicts do not depend on the units. Changing units (a·y + b with a > 0: per
/// cent to per thousand, an offset baseline) moves the limits with the data, so every special
/// cause, point type, variation icon and assurance verdict stays the same (seeded series with
/// and without a shift; `SCORECAST_PROPERTY_RUNS` sets how many).
@Suite("SPC affine invariance")
struct AffineInvariancePropertyTests {
    static var runs: Int {
        ProcessInfo.processInfo.environment["SCORECAST_PROPERTY_RUNS"].flatMap { Int($0) }.map { max(1, $0) } ?? 40
    }

    struct Verdicts: Equatable {
        var causes: [SpecialCause?]
        var types: [String]
        var variation: [VariationIcon]
        var assurance: Assurance?
    }

    static func verdicts(_ analysis: XmRAnalysis) -> Verdicts {
        Verdicts(
            causes: analysis.points.map(\.specialCause), types: analysis.points.map { $0.type.map { "\($0)" } ?? "" },
            variation: analysis.segments.map(\.variation), assurance: analysis.assurance)
    }

    @Test func verdictsSurviveAChangeOfUnits() throws {
        let directions: [ImprovementDirection] = [.increase, .decrease, .neutral]
        for run in 0..<Self.runs {
            var generator = Xoshiro256StarStar(seed: 903 &+ UInt64(run))
            let count = Int.random(in: 12...40, using: &generator)
            let level = Double.random(in: 10...1000, using: &generator)
            let noise = level * Double.random(in: 0.01...0.2, using: &generator)
            // A shift part-way through, sometimes, so special causes occur.
            let shiftAt = Int.random(in: 6..<count, using: &generator)
            let shift = Bool.random(using: &generator) ? noise * Double.random(in: 1...4, using: &generator) : 0
            let values = (0..<count).map { index in
                level + (index >= shiftAt ? shift : 0) + noise * Double.random(in: -1...1, using: &generator)
            }
            let direction = directions[run % 3]
            let target = level + noise * Double.random(in: -3...3, using: &generator)
            let start = Period(year: 2019, month: 4)
            let original = try XmR(improvement: direction, target: target).analyse(TimeSeries(name: "s", start: start, values: values))
            for (scale, offset) in [(1000.0, -250.0), (0.01, 3.0), (7.3, 1e5)] {
                let changed = try XmR(improvement: direction, target: scale * target + offset)
                    .analyse(TimeSeries(name: "s", start: start, values: values.map { scale * $0 + offset }))
                #expect(Self.verdicts(changed) == Self.verdicts(original), "run \(run), ×\(scale) + \(offset)")
            }
        }
    }
}
