import Testing

@testable import ScorecastComparators

/// The PHE interval functions against the same formulas written in base R
/// (`scripts/fixtures/comparators-intervals.R`), edge cases 0, 1, 9, 10 and n included.
@Suite("PHE intervals against R")
struct IntervalTests {
    static let table = FixtureTable("intervals")

    @Test func fixtureCoversEdgeCases() {
        let counts = Set(Self.table.rows.map { Self.table.number($0, "numerator") })
        #expect(counts.isSuperset(of: [0, 1, 9, 10]))
        #expect(Self.table.rows.contains { Self.table.number($0, "numerator") == Self.table.number($0, "denominator") })
        #expect(Self.table.rows.count == 62)
    }

    @Test(arguments: IntervalTests.table.rows)
    func matchesR(row: [String]) {
        let t = Self.table
        let method = t.text(row, "method")
        let confidence = t.number(row, "confidence")
        let x = t.number(row, "numerator")
        let n = t.number(row, "denominator")
        let multiplier = t.number(row, "multiplier")
        let interval: ConfidenceInterval
        switch method {
        case "wilson": interval = ProportionInterval.wilson(successes: x, trials: n, confidence: confidence).scaled(by: multiplier)
        case "byar": interval = CountInterval.byar(count: x, confidence: confidence)
        case "exact_poisson": interval = CountInterval.exact(count: x, confidence: confidence)
        default: interval = CountInterval.rate(count: x, denominator: n, multiplier: multiplier, confidence: confidence)
        }
        #expect(isClose(interval.lower, t.number(row, "lower"), relative: 1e-9), "\(method) \(x)/\(n) lower \(interval.lower)")
        #expect(isClose(interval.upper, t.number(row, "upper"), relative: 1e-9), "\(method) \(x)/\(n) upper \(interval.upper)")
    }

    @Test func pheRateSwitchesMethodAtTen() {
        #expect(CountInterval.phe(count: 9, confidence: 0.95).method == .exactPoisson)
        #expect(CountInterval.phe(count: 10, confidence: 0.95).method == .byar)
    }

    @Test func invalidInputsGiveNaNNotNumbers() {
        #expect(ProportionInterval.wilson(successes: 5, trials: 0, confidence: 0.95).lower.isNaN)
        #expect(ProportionInterval.wilson(successes: 6, trials: 5, confidence: 0.95).upper.isNaN)
        #expect(CountInterval.rate(count: 5, denominator: 0, multiplier: 1e4, confidence: 0.95).lower.isNaN)
    }

    /// Wider confidence gives a wider interval that still contains the estimate.
    @Test(arguments: [0.0, 1, 3, 9, 10, 57, 498, 12345])
    func nestedIntervals(count: Double) {
        let narrow = CountInterval.phe(count: count, confidence: 0.95)
        let wide = CountInterval.phe(count: count, confidence: 0.998)
        #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper)
        #expect(narrow.contains(count))
        let proportion = ProportionInterval.wilson(successes: min(count, 600), trials: 600, confidence: 0.998)
        #expect(proportion.lower >= 0 && proportion.upper <= 1)
    }
}
