import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Invariants of ETS forecasts on seeded random positive series.
@Suite("ETS properties")
struct ETSPropertyTests {
    /// A positive monthly series: a level with drift, a seasonal pattern, multiplicative noise.
    static func randomSeries(seed: UInt64, length: Int = 60) -> TimeSeries {
        var generator = Xoshiro256StarStar(seed: seed)
        let level = 50 + 950 * RandomVariates.openUniform(using: &generator)
        let drift = (RandomVariates.openUniform(using: &generator) - 0.5) * 0.02
        let amplitude = 0.4 * RandomVariates.openUniform(using: &generator)
        let noise = 0.02 + 0.2 * RandomVariates.openUniform(using: &generator)
        let values = (0..<length).map { t -> Double in
            let seasonal = 1 + amplitude * sin(2 * Double.pi * Double(t) / 12)
            let shock = exp(noise * RandomVariates.standardNormal(using: &generator))
            return level * pow(1 + drift, Double(t)) * seasonal * shock
        }
        return TimeSeries(name: "random-\(seed)", start: Period(year: 2015, month: 1), values: values)
    }

    static let forms = ["ANN", "AAN", "AAdN", "ANA", "AAdA", "MNN", "MAdN", "MNA", "MNM", "MAM", "MAdM", "MMN", "MMdN", "MMM", "MMdM"]

    @Test(arguments: forms)
    func intervalsNest(code: String) throws {
        for seed in UInt64(1)...12 {
            var spec = try #require(ETS(code: code))
            spec.simulationPaths = 1000
            let fitted = try spec.fit(Self.randomSeries(seed: seed))
            let forecast = fitted.forecast(horizon: 24, levels: [80, 95])
            let i80 = forecast.intervals[0], i95 = forecast.intervals[1]
            for step in 0..<24 {
                #expect(i95.lower[step] <= i80.lower[step], "\(code) seed \(seed) step \(step)")
                #expect(i80.lower[step] <= forecast.mean[step], "\(code) seed \(seed) step \(step)")
                #expect(forecast.mean[step] <= i80.upper[step], "\(code) seed \(seed) step \(step)")
                #expect(i80.upper[step] <= i95.upper[step], "\(code) seed \(seed) step \(step)")
            }
        }
    }

    @Test func combinedIntervalsNest() throws {
        for seed in UInt64(20)...27 {
            let fitted = try ETS(combination: .akaikeWeighted).fit(Self.randomSeries(seed: seed))
            let forecast = fitted.forecast(horizon: 18, levels: [80, 95])
            let i80 = forecast.intervals[0], i95 = forecast.intervals[1]
            for step in 0..<18 {
                #expect(i95.lower[step] <= i80.lower[step] && i80.lower[step] <= forecast.mean[step])
                #expect(forecast.mean[step] <= i80.upper[step] && i80.upper[step] <= i95.upper[step])
            }
        }
    }

    /// For the linear (class 1) models the forecast variance σ²(1 + Σ c_j²) cannot shrink.
    @Test(arguments: ["ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA"])
    func linearIntervalsWidenWithTheHorizon(code: String) throws {
        for seed in UInt64(30)...40 {
            let fitted = try #require(ETS(code: code)).fit(Self.randomSeries(seed: seed))
            let interval = fitted.forecast(horizon: 36, levels: [95]).intervals[0]
            let widths = zip(interval.upper, interval.lower).map { $0 - $1 }
            for step in 1..<36 { #expect(widths[step] >= widths[step - 1] * (1 - 1e-12), "\(code) seed \(seed) step \(step)") }
        }
    }

    /// Multiplicative error, trend and season keep the level, growth and seasonal states
    /// positive under the usual bounds, so point forecasts stay positive at every horizon.
    @Test(arguments: ["MNN", "MNM", "MMN", "MMdN", "MMM", "MMdM"])
    func multiplicativeModelsForecastPositive(code: String) throws {
        for seed in UInt64(50)...70 {
            var series = Self.randomSeries(seed: seed)
            // A collapse towards zero at the end tempts a linear trend below zero.
            for t in 50..<60 { series.values[t] *= pow(0.6, Double(t - 49)) }
            let fitted = try #require(ETS(code: code)).fit(series)
            let forecast = fitted.forecast(horizon: 60, levels: [95])
            #expect(forecast.mean.allSatisfy { $0 > 0 }, "\(code) seed \(seed)")
        }
    }

    @Test func formNamesRoundTrip() throws {
        for code in Self.forms + ["AAA", "MAA", "MAdA"] {
            let form = try #require(ETS.Form(code: code))
            #expect(form.code == code)
            #expect(ETS(code: code)?.name == "ets:" + code)
        }
        #expect(ETS.Form(code: "ANdN") == nil)
        #expect(ETS.Form(code: "XNN") == nil)
        #expect(ETS.Form(code: "AN") == nil)
        #expect(ETS.Form(code: "MAdM")?.description == "ETS(M,Ad,M)")
    }
}
