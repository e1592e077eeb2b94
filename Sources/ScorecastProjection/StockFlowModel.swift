import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries

/// A fitted stock-flow model of one caseload: how starts and the exit rate are expected to
/// move, with their uncertainty, ready to simulate paths.
///
/// Starts are counts with a log-linear mean (Poisson, or negative binomial with `startsSize`
/// as MASS's `theta`); ends are binomial on the opening stock with a logit-linear exit rate.
/// Both carry the estimation uncertainty of their coefficients (see
/// ``LinearPredictorForecast``). The fitting itself lives in `StockFlowModel+Fit.swift`.
public struct StockFlowModel: Sendable {
    /// The history the model was fitted to.
    public let history: StockFlowHistory
    /// Expected starts for each projected period.
    public let starts: LinearPredictorForecast
    /// The negative binomial size of starts; `nil` for Poisson starts.
    public let startsSize: Double?
    /// The monthly probability that a child in the opening stock ends during the period.
    public let exitRate: LinearPredictorForecast
    /// Plain-words notes on what the fit decided.
    public let notes: [String]

    /// A model from its fitted parts (normally made by `fit`).
    public init(
        history: StockFlowHistory, starts: LinearPredictorForecast, startsSize: Double?,
        exitRate: LinearPredictorForecast, notes: [String] = []
    ) {
        precondition(starts.horizon == exitRate.horizon, "starts and exit rate must cover the same horizon")
        self.history = history
        self.starts = starts
        self.startsSize = startsSize
        self.exitRate = exitRate
        self.notes = notes
    }

    /// The first projected period.
    public var firstProjectedPeriod: Period { history.end.advanced(by: 1) }

    /// Number of projected periods.
    public var horizon: Int { starts.horizon }
}

/// Simulated paths of one scenario: `paths × horizon` counts, path-major.
public struct ProjectionPaths: Sendable {
    /// The scenario's name.
    public let scenario: String
    /// The first projected period.
    public let start: Period
    /// Periods per path.
    public let horizon: Int
    /// Number of paths.
    public let pathCount: Int
    /// Closing stock of each period: `stock[path * horizon + step]`.
    public internal(set) var stock: [Int32]
    /// Starts during each period.
    public internal(set) var starts: [Int32]
    /// Ends during each period.
    public internal(set) var ends: [Int32]
    /// The stock before the first projected period (the last observed stock).
    public let openingStock: Int32

    init(scenario: String, start: Period, horizon: Int, pathCount: Int, openingStock: Int32) {
        self.scenario = scenario
        self.start = start
        self.horizon = horizon
        self.pathCount = pathCount
        self.openingStock = openingStock
        stock = Array(repeating: 0, count: horizon * pathCount)
        starts = stock
        ends = stock
    }
}

extension StockFlowModel {
    /// Simulates `pathCount` paths for each scenario.
    ///
    /// On every path `stock(t+1) = stock(t) + starts(t) − ends(t)` holds exactly, ends never
    /// exceed the opening stock, so the stock is never negative. Each path draws its
    /// coefficients once (parameter uncertainty), then its counts month by month (count
    /// noise). Scenarios share random numbers path by path (the `k`-th path of every scenario
    /// starts from the same generator state), so their differences are the scenarios' and not
    /// the simulation's.
    ///
    /// - Parameters:
    ///   - scenarios: the scenarios to project; validate them first.
    ///   - pathCount: number of Monte Carlo paths per scenario.
    ///   - generator: the source of randomness; a seeded generator reproduces the run.
    /// - Complexity: O(scenarios × paths × (p² + horizon·p)).
    public func simulate(
        scenarios: [Scenario], pathCount: Int,
        using generator: inout some RandomNumberGenerator
    ) -> [ProjectionPaths] {
        precondition(pathCount > 0, "need at least one path")
        let horizon = self.horizon
        let opening = Int32(history.stock[history.count - 1].rounded())
        let pathSeeds = (0..<pathCount).map { _ in generator.next() }
        let pointStarts = starts.pointMeans()
        let pointExit = exitRate.pointMeans()

        return scenarios.map { scenario in
            var multipliers = scenario.flowMultipliers(first: firstProjectedPeriod, horizon: horizon)
            if let target = scenario.convergence {
                multipliers.starts = convergenceMultipliers(
                    target: target, pointStarts: pointStarts, pointExit: pointExit,
                    startsMultipliers: multipliers.starts, exitMultipliers: multipliers.exitRate)
            }
            let cap = scenario.stockCap.map { Int32($0) }
            var result = ProjectionPaths(
                scenario: scenario.name, start: firstProjectedPeriod, horizon: horizon,
                pathCount: pathCount, openingStock: opening)
            var startMeans = [Double](repeating: 0, count: horizon)
            var exitProbabilities = [Double](repeating: 0, count: horizon)
            var scratch = [Double](repeating: 0, count: 2 * max(starts.coefficients.count, exitRate.coefficients.count))
            for path in 0..<pathCount {
                var pathGenerator = Xoshiro256StarStar(seed: pathSeeds[path])
                starts.drawMeans(into: &startMeans, scratch: &scratch, using: &pathGenerator)
                exitRate.drawMeans(into: &exitProbabilities, scratch: &scratch, using: &pathGenerator)
                var stock = opening
                for step in 0..<horizon {
                    let probability = min(1, exitProbabilities[step] * multipliers.exitRate[step])
                    let ended = Int32(RandomVariates.binomial(trials: Int(stock), probability: probability, using: &pathGenerator))
                    let mean = startMeans[step] * multipliers.starts[step]
                    var started: Int32
                    if let size = startsSize {
                        started = Int32(RandomVariates.negativeBinomial(mean: mean, size: size, using: &pathGenerator))
                    } else {
                        started = Int32(RandomVariates.poisson(mean: mean, using: &pathGenerator))
                    }
                    if let cap { started = max(0, min(started, cap - (stock - ended))) }
                    stock = stock - ended + started
                    let index = path * horizon + step
                    result.stock[index] = stock
                    result.starts[index] = started
                    result.ends[index] = ended
                }
            }
            return result
        }
    }

    /// Starts multipliers that make the expected stock follow a straight line from today's
    /// rate per 10,000 to the target rate over the given years, then hold it.
    ///
    /// Along the expected path `S(k) = S(k−1)·(1 − p(k)) + μ(k)·m(k)`; `m(k)` is solved so that
    /// `S(k)` equals the target line, and floored at 0 (admissions cannot be negative, so a
    /// target below what exits alone reach is approached as fast as exits allow).
    func convergenceMultipliers(
        target: (ratePer10k: Double, years: Double, population: Double),
        pointStarts: [Double], pointExit: [Double],
        startsMultipliers: [Double], exitMultipliers: [Double]
    ) -> [Double] {
        let initialStock = history.stock[history.count - 1]
        let targetStock = target.ratePer10k * target.population / 10_000
        let months = target.years * Double(firstProjectedPeriod.frequency.periodsPerYear)
        var expected = initialStock
        return (0..<horizon).map { step in
            let fraction = min(1, Double(step + 1) / months)
            let goal = initialStock + (targetStock - initialStock) * fraction
            let remaining = expected * (1 - min(1, pointExit[step] * exitMultipliers[step]))
            let baseStarts = pointStarts[step] * startsMultipliers[step]
            let multiplier = baseStarts > 0 ? max(0, (goal - remaining) / baseStarts) : 0
            expected = remaining + baseStarts * multiplier
            return startsMultipliers[step] * multiplier
        }
    }
}
