import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Seeded random series of the shapes real indicators take, and the ones that break models:
/// short, constant, all zero, trending, seasonal, with gaps, and at huge or tiny scale.
///
/// `SCORECAST_PROPERTY_RUNS=N` sets how many series each property draws (default
/// ``defaultRuns``, which keeps the suite under a minute in release); the seed is fixed, so a
/// failure names the run that reproduces it.
enum RandomSeries {
    static let defaultRuns = 16

    /// Runs per property: `SCORECAST_PROPERTY_RUNS` or ``defaultRuns``.
    static var runs: Int {
        ProcessInfo.processInfo.environment["SCORECAST_PROPERTY_RUNS"].flatMap { Int($0) }.map { max(1, $0) } ?? defaultRuns
    }

    enum Shape: CaseIterable {
        case short, constant, allZero, trending, seasonal, withGaps, hugeScale, tinyScale
    }

    /// Run `run`'s series: the shape cycles with `run`, everything else comes from the seed.
    static func make(run: Int, seed: UInt64, percentage: Bool = false) -> (shape: Shape, series: TimeSeries) {
        var generator = Xoshiro256StarStar(seed: seed &+ UInt64(run) &* 0x9E37_79B9_7F4A_7C15)
        let shape = Shape.allCases[run % Shape.allCases.count]
        let frequency: Frequency = Int.random(in: 0..<4, using: &generator) == 0 ? .quarterly : .monthly
        let period = Double(frequency.periodsPerYear)
        let count =
            shape == .short ? Int.random(in: 1...4, using: &generator) : Int.random(in: 2 * frequency.periodsPerYear...60, using: &generator)
        let level = Double.random(in: 5...500, using: &generator)
        let slope = Double.random(in: -2...2, using: &generator)
        let amplitude = level * Double.random(in: 0...0.3, using: &generator)
        let noise = level * Double.random(in: 0.01...0.2, using: &generator)
        var values: [Double] = (0..<count).map { index in
            let time = Double(index)
            switch shape {
            case .constant: return level
            case .allZero: return 0
            case .trending: return level + slope * level / 20 * time + noise * Double.random(in: -1...1, using: &generator)
            default:
                return level + amplitude * sin(2 * Double.pi * time / period) + noise * Double.random(in: -1...1, using: &generator)
            }
        }
        switch shape {
        case .withGaps:
            for _ in 0..<max(1, count / 6) { values[Int.random(in: 1..<(count - 1), using: &generator)] = .nan }
        case .hugeScale: values = values.map { $0 * 1e12 }
        case .tinyScale: values = values.map { $0 * 1e-9 }
        default: break
        }
        if percentage {
            // A percentage: the shape squeezed into [0, 100], some runs pressed against a bound.
            let finite = values.filter(\.isFinite)
            let low = finite.min() ?? 0, high = finite.max() ?? 0
            let top = [100.0, 99.0, 60.0, 3.0][run % 4]
            values = values.map { value in
                guard value.isFinite else { return value }
                return high > low ? top * (value - low) / (high - low) : min(top, 50)
            }
        }
        let start = Period(frequency: frequency, ordinal: 2015 * frequency.periodsPerYear + Int.random(in: 0..<12, using: &generator))
        return (shape, TimeSeries(name: "run\(run)", start: start, values: values))
    }
}

/// Every model family in the registry, through ``ForecastPipeline``, on ``RandomSeries``: the
/// promises a forecast makes whatever the series.
@Suite("Pipeline properties")
struct PipelinePropertyTests {
    static let families = ModelCatalogue.entries.map(\.family)
    static let seed: UInt64 = 20

    /// Checks the forecast's promises; returns a description of the first broken one.
    static func brokenPromise(_ forecast: Forecast, family: ModelFamily, series: TimeSeries, bounds: ValueBounds) -> String? {
        guard forecast.mean.allSatisfy(\.isFinite) else { return "non-finite mean \(forecast.mean)" }
        // A model left with no residual (one observation; one season for the seasonal naive)
        // knows nothing about spread: the interval is then absent (NaN bounds, written as
        // empty fields), never infinite or made up.
        let observed = series.values.filter { !$0.isNaN }.count
        let intervalMayBeAbsent = observed < 2 || (family == .seasonalNaive && observed <= series.start.frequency.periodsPerYear)
        for interval in forecast.intervals {
            for bound in interval.lower + interval.upper where !bound.isFinite && !(bound.isNaN && intervalMayBeAbsent) {
                return "non-finite \(interval.level)% interval bound \(bound)"
            }
        }
        if intervalMayBeAbsent { return nil }
        guard let eighty = forecast.interval(level: 80), let ninetyFive = forecast.interval(level: 95) else { return "levels missing" }
        for step in forecast.mean.indices {
            // Nested, to rounding: a simulated interval's quantiles share their draws.
            let scale = max(1, abs(ninetyFive.upper[step]), abs(ninetyFive.lower[step])) * 1e-9
            guard ninetyFive.lower[step] <= eighty.lower[step] + scale, eighty.lower[step] <= eighty.upper[step] + scale,
                eighty.upper[step] <= ninetyFive.upper[step] + scale
            else {
                return
                    "step \(step + 1): 80% [\(eighty.lower[step]), \(eighty.upper[step])] not inside 95% [\(ninetyFive.lower[step]), \(ninetyFive.upper[step])]"
            }
        }
        let everything = forecast.mean + forecast.intervals.flatMap { $0.lower + $0.upper }
        switch bounds {
        case .nonNegativeIfObservedSo:
            if series.values.allSatisfy({ $0.isNaN || $0 >= 0 }), let negative = everything.first(where: { $0 < 0 }) {
                return "negative count \(negative)"
            }
        case .percentage:
            if let outside = everything.first(where: { !(0...100).contains($0) }) { return "percentage \(outside)" }
        case .unbounded: break
        }
        return nil
    }

    /// Fits `series`; `nil` when the model refuses it with a typed ``TimeSeriesError`` (an
    /// empty or all-missing series, too little data for the GLM), which callers report.
    static func forecast(_ family: ModelFamily, _ series: TimeSeries, bounds: ValueBounds, horizon: Int) throws -> Forecast? {
        let pipeline = try ForecastPipeline(ModelSpecification(family), horizon: horizon, levels: [80, 95])
        do {
            return try pipeline.forecast(series, bounds: bounds).forecast
        } catch is TimeSeriesError {
            return nil
        }
    }

    @Test(arguments: families)
    func countsKeepTheirPromises(family: ModelFamily) throws {
        var refused: [RandomSeries.Shape] = []
        for run in 0..<RandomSeries.runs {
            let (shape, series) = RandomSeries.make(run: run, seed: Self.seed)
            let horizon = 1 + run % 18
            guard let forecast = try Self.forecast(family, series, bounds: .nonNegativeIfObservedSo, horizon: horizon) else {
                refused.append(shape)
                continue
            }
            #expect(forecast.horizon == horizon)
            if let broken = Self.brokenPromise(forecast, family: family, series: series, bounds: .nonNegativeIfObservedSo) {
                Issue.record("\(family) run \(run) (\(shape), \(series.count) values): \(broken)")
            }
        }
        // Only series too short for the model may be refused; the others always forecast.
        #expect(refused.allSatisfy { $0 == .short }, "\(family) refused \(refused)")
    }

    @Test(arguments: families)
    func percentagesStayWithinZeroAndOneHundred(family: ModelFamily) throws {
        for run in 0..<RandomSeries.runs {
            let (shape, series) = RandomSeries.make(run: run, seed: Self.seed &+ 1, percentage: true)
            guard let forecast = try Self.forecast(family, series, bounds: .percentage, horizon: 12) else { continue }
            if let broken = Self.brokenPromise(forecast, family: family, series: series, bounds: .percentage) {
                Issue.record("\(family) run \(run) (\(shape), \(series.start) \(series.values.prefix(6))): \(broken)")
            }
        }
    }

    /// The baselines are scale-equivariant: scaling the series by c scales every forecast
    /// and bound by c (ETS, theta, ARIMA and GLM are too in exact arithmetic, but their
    /// optimisers stop at tolerances, so they are left to the finite and nesting checks).
    @Test(arguments: [ModelFamily.naive, .seasonalNaive, .drift, .mean, .naive2])
    func scalingTheSeriesScalesTheForecast(family: ModelFamily) throws {
        for run in 0..<RandomSeries.runs {
            let (shape, series) = RandomSeries.make(run: run, seed: Self.seed &+ 2)
            let factor = [1e-6, 7.5, 1e4][run % 3]
            var scaled = series
            scaled.values = series.values.map { $0 * factor }
            guard let original = try Self.forecast(family, series, bounds: .unbounded, horizon: 8),
                let rescaled = try Self.forecast(family, scaled, bounds: .unbounded, horizon: 8)
            else { continue }
            let values = original.mean + original.intervals.flatMap { $0.lower + $0.upper }
            let scaledValues = rescaled.mean + rescaled.intervals.flatMap { $0.lower + $0.upper }
            let pairs = Array(zip(values, scaledValues))
            for (value, scaledValue) in pairs where abs(value * factor - scaledValue) > 1e-9 * max(abs(scaledValue), abs(value * factor), 1e-300) {
                Issue.record("\(family) run \(run) (\(shape)) ×\(factor): \(value) became \(scaledValue)")
                break
            }
        }
    }
}
