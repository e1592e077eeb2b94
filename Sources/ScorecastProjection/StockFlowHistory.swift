import ScorecastCore
import ScorecastTimeSeries

/// The monthly history of one caseload: the stock at each month end and the flows in and out.
///
/// `stock[t]` is the number of children at the end of period `t`; `starts[t]` and `ends[t]`
/// are the children who started and ended during period `t`. All three share one calendar.
/// Published figures rarely balance exactly (late recording, children who start and end in
/// the same month), so the history records how far they are from balancing instead of
/// insisting on it; the projection itself balances exactly on every path.
public struct StockFlowHistory: Sendable, Equatable {
    /// The caseload's name (e.g. `lac`).
    public var name: String
    /// The first period of the history.
    public var start: Period
    /// Stock at the end of each period.
    public var stock: [Double]
    /// Starts during each period.
    public var starts: [Double]
    /// Ends during each period.
    public var ends: [Double]

    /// A history from three aligned series.
    ///
    /// - Throws: ``ProjectionError`` when the series do not share a calendar and a start,
    ///   differ in length, hold negative counts, or the latest stock is missing.
    public init(name: String, stock: TimeSeries, starts: TimeSeries, ends: TimeSeries) throws {
        guard stock.frequency == starts.frequency, stock.frequency == ends.frequency else {
            throw ProjectionError.misaligned("stock, starts and ends must share one calendar")
        }
        // Align the three on their common span.
        let first = max(stock.start.ordinal, starts.start.ordinal, ends.start.ordinal)
        let last = min(stock.end.ordinal, starts.end.ordinal, ends.end.ordinal)
        // Under two years the flows are projected at their level (StockFlowModel.fit); fewer
        // than levelMinimum months carry nothing.
        guard last - first + 1 >= StockFlowModel.levelMinimum else {
            throw ProjectionError.tooShort(needed: StockFlowModel.levelMinimum, got: max(0, last - first + 1))
        }
        func slice(_ series: TimeSeries) -> [Double] {
            let offset = first - series.start.ordinal
            return Array(series.values[offset...(offset + last - first)])
        }
        self.name = name
        self.start = Period(frequency: stock.frequency, ordinal: first)
        self.stock = slice(stock)
        self.starts = slice(starts)
        self.ends = slice(ends)
        for (label, values) in [("stock", self.stock), ("starts", self.starts), ("ends", self.ends)] {
            if let index = values.firstIndex(where: { !$0.isNaN && $0 < 0 }) {
                throw ProjectionError.negativeCount(series: label, period: self.start.advanced(by: index))
            }
        }
        guard let latest = self.stock.last, !latest.isNaN else {
            throw ProjectionError.missingLatestStock(period: self.start.advanced(by: self.stock.count - 1))
        }
    }

    /// Number of periods.
    public var count: Int { stock.count }

    /// The last period of the history.
    public var end: Period { start.advanced(by: count - 1) }

    /// The stock at the start of each period (the previous period's closing stock), `NaN`
    /// for the first period: the population at risk of ending.
    public var openingStock: [Double] { [.nan] + stock.dropLast() }

    /// For each period after the first, `stock[t] − (stock[t−1] + starts[t] − ends[t])`:
    /// how far the published figures are from balancing (`NaN` where a value is missing).
    public var balanceDiscrepancies: [Double] {
        (1..<count).map { index -> Double in
            let expected: Double = stock[index - 1] + starts[index] - ends[index]
            return stock[index] - expected
        }
    }
}
