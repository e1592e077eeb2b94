import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries

/// Rolling-origin evaluation of stock projections: does the stock-flow projection's interval
/// cover what happened, and is it more accurate than extrapolating the stock alone?
///
/// For each origin the flows are refitted on the history up to it and the stock projected
/// `horizon` months; the projection is scored against the stock that followed. The same is
/// done with a model of the stock series alone (any ``ForecastModelSpec``), for comparison.
public enum StockFlowBacktest {
    /// Scores of one method over all origins and steps.
    public struct Score: Sendable, Equatable {
        /// `stock_flow` or the stock-only model's name.
        public var method: String
        /// Number of (origin, step) points scored.
        public var points: Int
        /// Mean absolute error of the mean (point) projection, in children.
        public var meanAbsoluteError: Double
        /// Root mean squared error, in children.
        public var rootMeanSquaredError: Double
        /// Share of points inside each interval, per level: `[(level, coverage in %)]`.
        public var coverage: [(level: Double, percent: Double)]

        public static func == (lhs: Score, rhs: Score) -> Bool {
            lhs.method == rhs.method && lhs.points == rhs.points && lhs.meanAbsoluteError == rhs.meanAbsoluteError
                && lhs.rootMeanSquaredError == rhs.rootMeanSquaredError && lhs.coverage.elementsEqual(rhs.coverage) { $0 == $1 }
        }
    }

    /// Runs the backtest.
    ///
    /// - Parameters:
    ///   - history: the full history.
    ///   - origins: number of forecast origins; the last leaves exactly `horizon` months to score.
    ///   - step: months between origins.
    ///   - horizon: months projected from each origin.
    ///   - levels: interval levels to score.
    ///   - pathCount: Monte Carlo paths per projection.
    ///   - options: how the flows are fitted (its `horizon` is replaced by `horizon`).
    ///   - stockOnly: the forecasting pipeline for the stock series alone (its horizon and
    ///     levels those of the backtest), or `nil` to skip the comparison.
    /// - Throws: ``ProjectionError/tooShort(needed:got:)`` when the first origin leaves fewer
    ///   than 24 months to fit.
    public static func run(
        history: StockFlowHistory, origins: Int, step: Int = 1, horizon: Int, levels: [Double],
        pathCount: Int, options: StockFlowModel.FitOptions, stockOnly: ForecastPipeline?,
        using generator: inout some RandomNumberGenerator
    ) throws -> [Score] {
        precondition(origins > 0 && step > 0 && horizon > 0)
        let firstOrigin = history.count - horizon - (origins - 1) * step
        guard firstOrigin >= 24 else { throw ProjectionError.tooShort(needed: 24 + horizon + (origins - 1) * step, got: history.count) }
        var options = options
        options.horizon = horizon
        var flow = Accumulator(method: "stock_flow", levels: levels)
        var alone = Accumulator(method: "stock_only_" + (stockOnly?.specification.family.rawValue ?? ""), levels: levels)
        for originIndex in 0..<origins {
            let origin = firstOrigin + originIndex * step
            let past = try history.prefix(origin)
            let model = try StockFlowModel.fit(past, options: options)
            let rows = model.simulate(scenarios: [.baseline], pathCount: pathCount, using: &generator)[0]
                .summary(levels: levels).filter { $0.quantity == "stock" }
            for (offset, row) in rows.enumerated() {
                let actual = history.stock[origin + offset]
                guard !actual.isNaN else { continue }
                flow.add(actual: actual, mean: row.mean, intervals: row.intervals.map { ($0.lower, $0.upper) })
            }
            if let stockOnly {
                let series = TimeSeries(name: history.name, start: history.start, values: Array(history.stock[..<origin]))
                let forecast = try stockOnly.forecast(series).forecast
                for offset in 0..<horizon {
                    let actual = history.stock[origin + offset]
                    guard !actual.isNaN else { continue }
                    alone.add(
                        actual: actual, mean: forecast.mean[offset],
                        intervals: forecast.intervals.map { ($0.lower[offset], $0.upper[offset]) })
                }
            }
        }
        return stockOnly == nil ? [flow.score] : [flow.score, alone.score]
    }

    private struct Accumulator {
        let method: String
        let levels: [Double]
        var points = 0
        var absoluteError = 0.0
        var squaredError = 0.0
        var covered: [Int]

        init(method: String, levels: [Double]) {
            self.method = method
            self.levels = levels
            covered = Array(repeating: 0, count: levels.count)
        }

        mutating func add(actual: Double, mean: Double, intervals: [(Double, Double)]) {
            points += 1
            absoluteError += abs(actual - mean)
            squaredError += (actual - mean) * (actual - mean)
            for (index, interval) in intervals.enumerated() where actual >= interval.0 && actual <= interval.1 {
                covered[index] += 1
            }
        }

        var score: Score {
            let n = Double(max(points, 1))
            return Score(
                method: method, points: points, meanAbsoluteError: absoluteError / n,
                rootMeanSquaredError: (squaredError / n).squareRoot(),
                coverage: zip(levels, covered).map { ($0, 100 * Double($1) / n) })
        }
    }
}

extension StockFlowHistory {
    /// The first `count` periods.
    ///
    /// - Throws: ``ProjectionError`` when fewer than 24 periods remain or the last stock is missing.
    public func prefix(_ count: Int) throws -> StockFlowHistory {
        try StockFlowHistory(
            name: name,
            stock: TimeSeries(name: name, start: start, values: Array(stock[..<count])),
            starts: TimeSeries(name: name, start: start, values: Array(starts[..<count])),
            ends: TimeSeries(name: name, start: start, values: Array(ends[..<count])))
    }
}
