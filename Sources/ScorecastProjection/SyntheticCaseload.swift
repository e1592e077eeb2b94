import ScorecastCore
import ScorecastNumerics
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded generator of a synthetic monthly looked-after-children history, for examples and
/// backtests where a council's own data cannot be shipped.
///
/// The history is **synthetic**: it is drawn from the very stock-flow process that
/// ``StockFlowModel`` assumes, with settings chosen to resemble a council of Southampton's
/// size as its August 2021 scorecard shows it (about 500 children in care; 6–25 starting and
/// 5–21 ceasing a month). Each month, `ends ~ Binomial(opening stock, p(month))`,
/// `starts ~ NegativeBinomial(μ(t), size)` with `μ(t) = baseStarts · exp(trend · years) ·
/// startsFactor(month)`, and `stock = opening − ends + starts`, so the history balances
/// exactly. The same settings and seed give the same history on every machine.
public struct SyntheticCaseload: Sendable, Equatable {
    /// The first month.
    public var start = Period(year: 2015, month: 9)
    /// Number of months.
    public var months = 72
    /// The stock before the first month.
    public var initialStock = 470
    /// Expected starts a month at the start, before seasonality.
    public var baseStarts = 14.5
    /// Growth of expected starts, per year, on the log scale (0.03 ≈ 3% a year).
    public var startsTrendPerYear = 0.03
    /// Negative binomial size of starts (smaller is more variable).
    public var startsSize = 25.0
    /// Multipliers of expected starts, January to December (mean 1): fewer in August and
    /// December, when schools, a main source of referrals, are closed.
    public var startsMonthFactors: [Double] = [1.04, 1.02, 1.06, 0.98, 1.04, 1.04, 1.02, 0.84, 1.02, 1.06, 1.04, 0.84]
    /// Monthly probability that a child in care leaves care, before seasonality.
    public var exitRate = 0.028
    /// Multipliers of the exit rate, January to December (mean 1): more leave in the summer,
    /// at the end of the school year.
    public var exitMonthFactors: [Double] = [0.95, 0.95, 1.0, 0.95, 0.95, 1.0, 1.15, 1.2, 1.1, 0.95, 0.9, 0.9]

    public init() {}

    /// The history's three series, named `lac_stock`, `lac_starts` and `lac_ends`.
    public func generate(seed: UInt64) -> (stock: TimeSeries, starts: TimeSeries, ends: TimeSeries) {
        var generator = Xoshiro256StarStar(seed: seed)
        var stock = initialStock
        var stocks: [Double] = [], starts: [Double] = [], ends: [Double] = []
        for step in 0..<months {
            let month = start.advanced(by: step).position - 1
            let ended = RandomVariates.binomial(trials: stock, probability: exitRate * exitMonthFactors[month], using: &generator)
            let mean = baseStarts * exp(startsTrendPerYear * Double(step) / 12) * startsMonthFactors[month]
            let started = RandomVariates.negativeBinomial(mean: mean, size: startsSize, using: &generator)
            stock = stock - ended + started
            stocks.append(Double(stock))
            starts.append(Double(started))
            ends.append(Double(ended))
        }
        return (
            TimeSeries(name: "lac_stock", start: start, values: stocks),
            TimeSeries(name: "lac_starts", start: start, values: starts),
            TimeSeries(name: "lac_ends", start: start, values: ends)
        )
    }
}
