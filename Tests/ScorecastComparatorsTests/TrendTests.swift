import ScorecastNumerics
import Testing

@testable import ScorecastComparators

@Suite("Fingertips trend test")
struct TrendTests {
    static let table = FixtureTable("trend-statistics")

    static var cases: [String] { Array(Set(table.rows.map { table.text($0, "case") })).sorted() }

    static func points(_ name: String) -> (points: [TrendTest.Point], proportion: Bool, slope: Double, chiSquared: Double) {
        let t = table
        let rows = t.rows.filter { t.text($0, "case") == name }
        let points = rows.map { row in
            TrendTest.Point(
                time: t.number(row, "time"), value: t.number(row, "value"),
                numerator: t.number(row, "numerator"), denominator: t.number(row, "denominator"),
                lower95: t.number(row, "lower95"), upper95: t.number(row, "upper95"))
        }
        return (points, t.text(rows[0], "kind") == "proportion", t.number(rows[0], "slope"), t.number(rows[0], "chi_squared"))
    }

    /// The χ² statistics equal R's (chi-squared for trend by formula; weighted `lm`).
    @Test(arguments: TrendTests.cases)
    func statisticMatchesR(name: String) throws {
        let c = Self.points(name)
        let statistic = try #require(TrendTest.statistic(c.points, proportion: c.proportion))
        #expect(isClose(statistic.chiSquared, c.chiSquared, relative: 1e-9))
        #expect(isClose(statistic.slope, c.slope, relative: 1e-9))
    }

    @Test func classification() {
        #expect(TrendTest.test(Self.points("a").points, proportion: true) == .increasing)
        #expect(TrendTest.test(Self.points("b").points, proportion: true) == .noSignificantChange)
        #expect(TrendTest.test(Self.points("c").points, proportion: true) == .decreasing)
        #expect(TrendTest.test(Self.points("e").points, proportion: false) == .noSignificantChange)
        #expect(TrendTest.test(Array(Self.points("a").points.prefix(4)), proportion: true) == .notEnoughData)
    }

    /// A trend carried by one point is significant on all five but not when that point is
    /// dropped: Fingertips' stability rule reports no significant change.
    @Test func singlePointTrendIsNotStable() {
        let flat = (2017...2021).map { year in
            TrendTest.Point(time: Double(year), value: .nan, numerator: year == 2021 ? 1300 : 1000, denominator: 4000)
        }
        let full = TrendTest.statistic(flat, proportion: true)!
        #expect(full.chiSquared > ChiSquared999.critical)
        #expect(TrendTest.test(flat, proportion: true) == .noSignificantChange)
    }

    @Test func gapInYearsIsNotEnoughData() {
        var points = Self.points("a").points
        points[2].time = 2030
        #expect(TrendTest.test(points, proportion: true) == .notEnoughData)
    }
}

enum ChiSquared999 {
    static let critical = ChiSquared.quantile(0.998, degreesOfFreedom: 1)
}
