import ScorecastData
import Testing

@testable import ScorecastComparators

@Suite("Ranks, quartile bands, significance, neighbour summaries")
struct RankingTests {
    @Test func tiesShareTheBestRank() {
        let values = [5.0, 3, 3, 8, .nan, 1]
        #expect(Ranking.rank(of: 1, among: values, polarity: .lowerIsBetter) == 1)
        #expect(Ranking.rank(of: 3, among: values, polarity: .lowerIsBetter) == 2)
        #expect(Ranking.rank(of: 5, among: values, polarity: .lowerIsBetter) == 4)
        #expect(Ranking.rank(of: 8, among: values, polarity: .higherIsBetter) == 1)
        #expect(Ranking.rank(of: 3, among: values, polarity: .higherIsBetter) == 3)
        #expect(Ranking.rank(of: .nan, among: values, polarity: .neutral) == nil)
    }

    /// Quartiles equal R's `quantile(c(1, 2, 4, 7, 11, 16, 22))` (type 7): 1, 3, 7, 13.5, 22.
    @Test func quartilesMatchRType7() {
        let boundaries = Ranking.quartileBoundaries(of: [22, 1, 2, 4, 7, 11, 16, .nan])!
        #expect(boundaries == [1, 3, 7, 13.5, 22])
        #expect(Ranking.quartileBand(of: 3, boundaries: boundaries, polarity: .lowerIsBetter) == "A")
        #expect(Ranking.quartileBand(of: 3.5, boundaries: boundaries, polarity: .lowerIsBetter) == "B")
        #expect(Ranking.quartileBand(of: 13.5, boundaries: boundaries, polarity: .lowerIsBetter) == "C")
        #expect(Ranking.quartileBand(of: 22, boundaries: boundaries, polarity: .lowerIsBetter) == "D")
        #expect(Ranking.quartileBand(of: 22, boundaries: boundaries, polarity: .higherIsBetter) == "A")
        #expect(Ranking.quartileBand(of: 1, boundaries: boundaries, polarity: .higherIsBetter) == "D")
        #expect(Ranking.quartileBand(of: 1, boundaries: boundaries, polarity: .neutral) == "A")
    }

    @Test(arguments: [
        (95.0, 105.0, 90.0, Polarity.lowerIsBetter, Significance.worse),
        (95.0, 105.0, 90.0, Polarity.higherIsBetter, Significance.better),
        (95.0, 105.0, 90.0, Polarity.neutral, Significance.higher),
        (95.0, 105.0, 110.0, Polarity.neutral, Significance.lower),
        (95.0, 105.0, 110.0, Polarity.lowerIsBetter, Significance.better),
        (95.0, 105.0, 105.0, Polarity.lowerIsBetter, Significance.similar),
        (95.0, 105.0, 95.0, Polarity.neutral, Significance.similar),
    ])
    func fingertipsRule(lower: Double, upper: Double, benchmark: Double, polarity: Polarity, expected: Significance) {
        let interval = ConfidenceInterval(lower: lower, upper: upper, method: .byar)
        #expect(Significance.compare(interval, with: benchmark, polarity: polarity) == expected)
    }

    @Test func missingIntervalIsNotCompared() {
        #expect(Significance.compare(nil, with: 3, polarity: .neutral) == .notCompared)
        #expect(Significance.compare(ConfidenceInterval(lower: 1, upper: 2, method: .wilson), with: .nan, polarity: .neutral) == .notCompared)
    }

    @Test func neighbourSummaryConventions() {
        let summary = NeighbourSummary(
            values: [10, .nan, 30, 20, 40], numerators: [1, 2, 3, .nan, 4],
            denominators: [100, 100, 100, 100, .nan], multiplier: 100)
        #expect(summary.count == 4)
        #expect(summary.mean == 25)
        #expect(summary.median == 25)
        #expect(summary.minimum == 10 && summary.maximum == 40)
        #expect(summary.totalNumerator == 10)
        #expect(abs(summary.pooled - 2) < 1e-12)
        let odd = NeighbourSummary(values: [3, 1, 2], numerators: [], denominators: [], multiplier: 1)
        #expect(odd.median == 2 && odd.pooled.isNaN)
        let none = NeighbourSummary(values: [.nan], numerators: [.nan], denominators: [.nan], multiplier: 1)
        #expect(none.count == 0 && none.mean.isNaN && none.median.isNaN)
    }
}
