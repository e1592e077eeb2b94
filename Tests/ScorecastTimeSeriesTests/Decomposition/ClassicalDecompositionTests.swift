import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("Classical decomposition")
struct ClassicalDecompositionTests {
    /// Against R's `decompose()` on eight M3 series (fixtures by scripts/fixtures/timeseries-core.R).
    @Test(arguments: DecompositionType.allCases)
    func matchesRDecompose(type: DecompositionType) throws {
        let series = try Fixture.m3Series()
        let reference = try Fixture.rows("classical-decomposition").filter { $0["type"] == type.rawValue }
        let names = Set(reference.map { $0["series"]! })
        #expect(names.count == 8)
        for name in names {
            let decomposition = try ClassicalDecomposition.decompose(try #require(series[name]), type: type)
            let rows = reference.filter { $0["series"] == name }
            #expect(rows.count == decomposition.series.count)
            for row in rows {
                let index = Int(row["index"]!)! - 1
                #expect(isClose(decomposition.trend[index], Fixture.number(row["trend"]), relative: 1e-10), "\(name) trend \(index)")
                #expect(isClose(decomposition.seasonal[index], Fixture.number(row["seasonal"]), relative: 1e-10), "\(name) seasonal \(index)")
                #expect(isClose(decomposition.remainder[index], Fixture.number(row["remainder"]), relative: 1e-10), "\(name) remainder \(index)")
            }
        }
    }

    @Test func componentsRecombineAndGapsStayGaps() throws {
        var series = try #require(try Fixture.m3Series()["N2345"])
        series.values[20] = .nan
        for type in DecompositionType.allCases {
            let decomposition = try ClassicalDecomposition.decompose(series, type: type)
            #expect(decomposition.remainder[20].isNaN)
            for index in series.values.indices where !decomposition.trend[index].isNaN && !series.values[index].isNaN {
                let recombined =
                    type == .additive
                    ? decomposition.trend[index] + decomposition.seasonal[index] + decomposition.remainder[index]
                    : decomposition.trend[index] * decomposition.seasonal[index] * decomposition.remainder[index]
                #expect(isClose(recombined, series.values[index], relative: 1e-12))
            }
        }
    }

    @Test func seasonalEffectsAreByCalendarMonth() throws {
        // A series starting in March whose August is 20% low and everything else flat.
        let start = Period(year: 2019, month: 3)
        let values = (0..<48).map { start.advanced(by: $0).position == 8 ? 80.0 : 100.0 }
        let decomposition = try ClassicalDecomposition.decompose(TimeSeries(name: "x", start: start, values: values), type: .multiplicative)
        let effects = decomposition.seasonalEffects
        #expect(effects.count == 12)
        let august = try #require(effects.first { $0.position == 8 })
        #expect(august.relativeEffect < -0.15)
        #expect(august.description.hasPrefix("August: −"))
        #expect(effects.filter { $0.position != 8 }.allSatisfy { $0.relativeEffect > 0 && $0.relativeEffect < 0.03 })
    }

    @Test func tooShortAndAnnualSeriesAreRejected() {
        let short = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: (0..<23).map(Double.init))
        #expect(throws: TimeSeriesError.tooShort(series: "short", needed: 24, got: 23)) {
            try ClassicalDecomposition.decompose(short, type: .additive)
        }
        let annual = TimeSeries(name: "annual", start: Period(year: 2000), values: (0..<30).map(Double.init))
        #expect(throws: TimeSeriesError.self) { try ClassicalDecomposition.decompose(annual, type: .additive) }
    }
}

@Suite("Seasonality test")
struct SeasonalityTestTests {
    @Test func matchesRAcfAndBothRules() throws {
        let series = try Fixture.m3Series()
        let theta = SeasonalityTest(minimumLength: .moreThanTwoSeasons)
        let m4 = SeasonalityTest(criticalValue: 1.645, minimumLength: .threeSeasons)
        for row in try Fixture.rows("seasonality-test") {
            let values = try #require(series[row["series"]!]).values
            #expect(isClose(autocorrelations(values, maxLag: 12)[11], Fixture.number(row["acf12"]), relative: 1e-12))
            #expect(theta.isSeasonal(values, period: 12) == (row["theta"] == "TRUE"), "\(row["series"]!)")
            #expect(m4.isSeasonal(values, period: 12) == (row["m4"] == "TRUE"), "\(row["series"]!)")
        }
    }

    @Test func lengthRulesAndConstantSeries() {
        let seasonal = (0..<36).map { $0 % 12 == 7 ? 50.0 : 100.0 + Double($0 % 3) }
        #expect(SeasonalityTest(minimumLength: .threeSeasons).isSeasonal(seasonal, period: 12))
        #expect(!SeasonalityTest(minimumLength: .threeSeasons).isSeasonal(Array(seasonal.prefix(35)), period: 12))
        #expect(SeasonalityTest(minimumLength: .moreThanTwoSeasons).isSeasonal(Array(seasonal.prefix(25)), period: 12))
        #expect(!SeasonalityTest(minimumLength: .moreThanTwoSeasons).isSeasonal(Array(seasonal.prefix(24)), period: 12))
        #expect(!SeasonalityTest(minimumLength: .threeSeasons).isSeasonal([Double](repeating: 3, count: 60), period: 12))
        #expect(!SeasonalityTest(minimumLength: .threeSeasons).isSeasonal(seasonal, period: 1))
    }
}
