import ScorecastCore

/// Classical decomposition by moving averages, as R's `stats::decompose()` computes it.
///
/// The trend is the centred moving average of order m (a 2×m average when m is even, weights
/// `(0.5, 1, …, 1, 0.5) / m`), undefined for the first and last ⌊m/2⌋ periods and wherever
/// the window holds a missing value. The detrended series (`value − trend` or
/// `value / trend`) is averaged per position in the seasonal cycle, ignoring missing values,
/// and the m averages are centred (minus their mean, or divided by it) to give the seasonal
/// figure, repeated over the series. The remainder is what is left.
///
/// Complexity: O(n m) time, O(n) memory.
///
/// Reference: M. Kendall and A. Stuart, *The Advanced Theory of Statistics*, vol. 3, 1983;
/// R Core Team, `decompose` in package stats (the algorithm reproduced here, to rounding).
public enum ClassicalDecomposition {
    /// Decomposes `series` into trend, seasonal and remainder.
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` for an annual series (no season),
    ///   ``TimeSeriesError/tooShort(series:needed:got:)`` when fewer than two full seasons
    ///   are observed.
    public static func decompose(_ series: TimeSeries, type: DecompositionType) throws -> Decomposition {
        let period = series.seasonalPeriod
        guard period > 1 else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "an annual series has no seasonal cycle to decompose")
        }
        guard series.observedCount >= 2 * period else {
            throw TimeSeriesError.tooShort(series: series.name, needed: 2 * period, got: series.observedCount)
        }
        let values = series.values
        let count = values.count
        let trend = centredMovingAverage(values, period: period)
        let figure = seasonalFigure(values: values, trend: trend, period: period, type: type)
        let seasonal = (0..<count).map { figure[$0 % period] }
        let remainder = (0..<count).map {
            type == .additive ? values[$0] - seasonal[$0] - trend[$0] : values[$0] / seasonal[$0] / trend[$0]
        }
        return Decomposition(
            series: series, type: type, trend: trend, seasonal: seasonal, remainder: remainder,
            method: "classical \(type.rawValue)")
    }

    /// The seasonal figure of `values` (m numbers, `figure[k]` for positions k, k + m, ...):
    /// the detrended values (`value − trend` or `value / trend`, with `trend` the centred moving
    /// average, computed when not given) averaged per position in the cycle, missing values
    /// skipped, then centred (minus their mean, or divided by it). ETS's initial seasonal states
    /// come from here, as R's `ets()` takes them from `decompose()`.
    ///
    /// - Complexity: O(n m) for the moving average, O(n) after it.
    public static func seasonalFigure(values: [Double], trend: [Double]? = nil, period: Int, type: DecompositionType) -> [Double] {
        precondition(period > 1, "A seasonal figure needs a period of at least 2")
        let trend = trend ?? centredMovingAverage(values, period: period)
        var figure = [Double](repeating: 0, count: period)
        for position in 0..<period {
            var sum = 0.0, observed = 0
            var index = position
            while index < values.count {
                let detrended = type == .additive ? values[index] - trend[index] : values[index] / trend[index]
                if !detrended.isNaN {
                    sum += detrended
                    observed += 1
                }
                index += period
            }
            figure[position] = sum / Double(observed)
        }
        let figureMean = figure.reduce(0, +) / Double(period)
        return figure.map { type == .additive ? $0 - figureMean : $0 / figureMean }
    }

    /// The centred moving average of order `period` (2×m when `period` is even), `NaN` where
    /// the window runs off the series or holds a missing value: R's `filter(x, weights)`.
    public static func centredMovingAverage(_ values: [Double], period: Int) -> [Double] {
        let weights: [Double] =
            period % 2 == 0
            ? [0.5] + [Double](repeating: 1, count: period - 1) + [0.5]
            : [Double](repeating: 1, count: period)
        let width = weights.count
        let offset = width / 2
        var result = [Double](repeating: .nan, count: values.count)
        guard values.count >= width else { return result }
        for centre in offset..<(values.count - (width - 1 - offset)) {
            // Summed from the latest value back, as R's filter() does.
            var sum = 0.0
            for lag in stride(from: width - 1, through: 0, by: -1) {
                sum += weights[lag] / Double(period) * values[centre - offset + lag]
            }
            result[centre] = sum
        }
        return result
    }
}
