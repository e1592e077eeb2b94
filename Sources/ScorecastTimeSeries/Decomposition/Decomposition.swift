import ScorecastCore

/// Whether seasonal and trend components add up to the series or multiply.
public enum DecompositionType: String, Sendable, CaseIterable {
    /// `value = trend + seasonal + remainder`.
    case additive
    /// `value = trend × seasonal × remainder`.
    case multiplicative
}

/// A series split into trend, seasonal and remainder components, one value per period.
///
/// Produced by ``ClassicalDecomposition`` and ``STL``. Components are aligned with
/// `series.values`; a component is `NaN` where the method gives no value (the ends of a
/// classical moving-average trend, missing observations).
public struct Decomposition: Sendable, Equatable {
    /// The decomposed series.
    public var series: TimeSeries
    /// How the components combine.
    public var type: DecompositionType
    /// The trend-cycle.
    public var trend: [Double]
    /// The seasonal component (an index around 1 for multiplicative decompositions).
    public var seasonal: [Double]
    /// What is left: `value − trend − seasonal`, or `value / (trend × seasonal)`.
    public var remainder: [Double]
    /// The method, e.g. `classical multiplicative` or `STL (robust)`.
    public var method: String

    public init(series: TimeSeries, type: DecompositionType, trend: [Double], seasonal: [Double], remainder: [Double], method: String) {
        precondition(
            trend.count == series.count && seasonal.count == series.count && remainder.count == series.count,
            "Every component needs one value per period")
        self.series = series
        self.type = type
        self.trend = trend
        self.seasonal = seasonal
        self.remainder = remainder
        self.method = method
    }

    /// The series with the seasonal component removed (`value − seasonal` or `value / seasonal`).
    public var seasonallyAdjusted: [Double] {
        zip(series.values, seasonal).map { type == .additive ? $0 - $1 : $0 / $1 }
    }

    /// The seasonal effect of each calendar position (month 1...12, quarter 1...4).
    ///
    /// For a multiplicative decomposition the relative effect is the index minus one
    /// (an index of 0.86 in August is "August: −14%"); for an additive one it is the mean
    /// seasonal component over the mean trend level. Positions never observed are omitted.
    public var seasonalEffects: [SeasonalEffect] {
        let period = series.seasonalPeriod
        var sums = [Double](repeating: 0, count: period), counts = [Int](repeating: 0, count: period)
        for (index, value) in seasonal.enumerated() where !value.isNaN {
            let position = series.start.advanced(by: index).position - 1
            sums[position] += value
            counts[position] += 1
        }
        let observedTrend = trend.filter { !$0.isNaN }
        let level = observedTrend.isEmpty ? Double.nan : observedTrend.reduce(0, +) / Double(observedTrend.count)
        return (0..<period).compactMap { position in
            guard counts[position] > 0 else { return nil }
            let effect = sums[position] / Double(counts[position])
            let relative = type == .multiplicative ? effect - 1 : effect / level
            return SeasonalEffect(position: position + 1, frequency: series.frequency, effect: effect, relativeEffect: relative)
        }
    }
}

/// The seasonal effect of one calendar month or quarter.
public struct SeasonalEffect: Sendable, Equatable, CustomStringConvertible {
    /// The month (1...12) or quarter (1...4).
    public var position: Int
    /// The calendar the position belongs to.
    public var frequency: Frequency
    /// The mean seasonal component at this position (an index for multiplicative decompositions).
    public var effect: Double
    /// The effect as a fraction of the level: −0.14 is 14% below a typical period.
    public var relativeEffect: Double

    /// `August: −14%`, `Q3: +5%`.
    public var description: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ]
        let label = frequency == .monthly ? names[position - 1] : frequency == .quarterly ? "Q\(position)" : "Year"
        let percent = (relativeEffect * 100).rounded()
        return "\(label): \(percent < 0 ? "−" : "+")\(Int(abs(percent)))%"
    }
}
