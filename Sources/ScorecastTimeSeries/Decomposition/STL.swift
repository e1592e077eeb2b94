import ScorecastCore

/// Seasonal-trend decomposition by loess (STL), with the parameters of R's `stats::stl()`.
///
/// An inner loop alternates (1) smoothing each cycle-subseries (all Januaries, all Februaries,
/// ...) of the detrended series by loess of span `seasonalWindow`, extended one period at each
/// end, (2) removing the low-frequency part of that (moving averages of length m, m and 3, then
/// loess of span `lowPassWindow`) to get the seasonal component, and (3) smoothing the
/// deseasonalised series by loess of span `trendWindow` to get the trend. With `robust`, an
/// outer loop gives each observation Tukey's bisquare weight of its remainder over six times
/// the median absolute remainder and repeats the inner loop with those weights. Loess is
/// evaluated every `jump` points and linearly interpolated between. `s.window = "periodic"`
/// uses a span of 10n + 1 with degree 0 and then averages the seasonal component per
/// position in the cycle, so it repeats exactly.
///
/// The defaults are R's: t.window the next odd integer ≥ 1.5 m / (1 − 1.5 / s.window),
/// l.window the next odd integer ≥ m, jumps ⌈window / 10⌉, 2 inner and 0 outer iterations
/// (1 and 15 when robust). Results equal R's `stl()` to rounding.
///
/// Complexity: O(n · (s.window + t.window + l.window) / jump) per inner iteration.
///
/// Reference: R. B. Cleveland, W. S. Cleveland, J. E. McRae and I. Terpenning, "STL: A
/// seasonal-trend decomposition procedure based on loess", Journal of Official Statistics
/// 6(1), 1990, 3–73; the netlib `stl` Fortran that R's `stl()` calls (read, not copied).
public struct STL: Sendable, Equatable {
    /// The seasonal smoothing span.
    public enum SeasonalWindow: Sendable, Equatable {
        /// A seasonal pattern that repeats exactly (R's `s.window = "periodic"`).
        case periodic
        /// A loess span in years (odd, at least 7 recommended).
        case span(Int)
    }

    public var seasonalWindow: SeasonalWindow
    /// Degree of the seasonal loess, 0 or 1 (R's `s.degree`; 0 for periodic).
    public var seasonalDegree: Int
    /// Trend span in periods; `nil` for R's default.
    public var trendWindow: Int?
    /// Degree of the trend loess, 0 or 1.
    public var trendDegree: Int
    /// Low-pass span; `nil` for the next odd integer ≥ m.
    public var lowPassWindow: Int?
    /// Degree of the low-pass loess; `nil` for `trendDegree`.
    public var lowPassDegree: Int?
    /// Evaluate the loess every this many points; `nil` for ⌈window / 10⌉.
    public var seasonalJump: Int?, trendJump: Int?, lowPassJump: Int?
    /// Whether to down-weight outliers by robustness iterations.
    public var robust: Bool
    /// Inner iterations; `nil` for 2, or 1 when robust.
    public var innerIterations: Int?
    /// Outer (robustness) iterations; `nil` for 0, or 15 when robust.
    public var outerIterations: Int?

    public init(
        seasonalWindow: SeasonalWindow = .periodic, seasonalDegree: Int = 0, trendWindow: Int? = nil, trendDegree: Int = 1,
        lowPassWindow: Int? = nil, lowPassDegree: Int? = nil, seasonalJump: Int? = nil, trendJump: Int? = nil,
        lowPassJump: Int? = nil, robust: Bool = false, innerIterations: Int? = nil, outerIterations: Int? = nil
    ) {
        precondition(
            (0...1).contains(seasonalDegree) && (0...1).contains(trendDegree) && (0...1).contains(lowPassDegree ?? 0),
            "STL loess degrees are 0 or 1")
        self.seasonalWindow = seasonalWindow
        self.seasonalDegree = seasonalDegree
        self.trendWindow = trendWindow
        self.trendDegree = trendDegree
        self.lowPassWindow = lowPassWindow
        self.lowPassDegree = lowPassDegree
        self.seasonalJump = seasonalJump
        self.trendJump = trendJump
        self.lowPassJump = lowPassJump
        self.robust = robust
        self.innerIterations = innerIterations
        self.outerIterations = outerIterations
    }

    /// Decomposes `series` additively.
    ///
    /// Missing values are filled by linear interpolation between their neighbours (the
    /// nearest observed value at either end) before smoothing, and their remainder is `NaN`.
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` for an annual series,
    ///   ``TimeSeriesError/tooShort(series:needed:got:)`` with two seasons or fewer.
    public func decompose(_ series: TimeSeries) throws -> Decomposition {
        try decomposeWithWeights(series).decomposition
    }

    /// Decomposes `series` and returns the final robustness weights too (all 1 without outer iterations).
    public func decomposeWithWeights(_ series: TimeSeries) throws -> (decomposition: Decomposition, weights: [Double]) {
        let period = series.seasonalPeriod
        let count = series.count
        guard period > 1 else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "an annual series has no seasonal cycle to decompose")
        }
        guard count > 2 * period, series.observedCount >= 2 else {
            throw TimeSeriesError.tooShort(series: series.name, needed: 2 * period + 1, got: series.observedCount)
        }
        let values = series.interpolatedValues
        let periodic = seasonalWindow == .periodic
        let seasonalSpan: Int
        switch seasonalWindow {
        case .periodic: seasonalSpan = 10 * count + 1
        case .span(let span): seasonalSpan = span
        }
        let seasonalDegree = periodic ? 0 : self.seasonalDegree
        let trendSpan = trendWindow ?? Self.nextOdd((1.5 * Double(period) / (1 - 1.5 / Double(seasonalSpan))).rounded(.up))
        let lowPassSpan = lowPassWindow ?? Self.nextOdd(Double(period))
        func defaultJump(_ window: Int) -> Int { Int((Double(window) / 10).rounded(.up)) }
        let inner = innerIterations ?? (robust ? 1 : 2)
        let outer = outerIterations ?? (robust ? 15 : 0)

        let engine = STLEngine(
            values: values, period: period, seasonalSpan: seasonalSpan, trendSpan: trendSpan, lowPassSpan: lowPassSpan,
            seasonalDegree: seasonalDegree, trendDegree: trendDegree, lowPassDegree: lowPassDegree ?? trendDegree,
            seasonalJump: seasonalJump ?? defaultJump(seasonalSpan), trendJump: trendJump ?? defaultJump(trendSpan),
            lowPassJump: lowPassJump ?? defaultJump(lowPassSpan))
        engine.run(inner: inner, outer: outer)

        var seasonal = engine.seasonal
        if periodic {
            var sums = [Double](repeating: 0, count: period), counts = [Double](repeating: 0, count: period)
            for index in 0..<count {
                sums[index % period] += seasonal[index]
                counts[index % period] += 1
            }
            seasonal = (0..<count).map { sums[$0 % period] / counts[$0 % period] }
        }
        let trend = engine.trendComponent
        let remainder = (0..<count).map { series.values[$0] - seasonal[$0] - trend[$0] }
        let method = "STL (\(periodic ? "periodic" : "s.window \(seasonalSpan)")\(robust || outer > 0 ? ", robust" : ""))"
        return (
            Decomposition(series: series, type: .additive, trend: trend, seasonal: seasonal, remainder: remainder, method: method),
            outer > 0 ? engine.robustnessWeights : [Double](repeating: 1, count: count)
        )
    }

    /// R's `nextodd`: rounds, then adds one if even.
    static func nextOdd(_ value: Double) -> Int {
        let rounded = Int(value.rounded(.toNearestOrEven))
        return rounded % 2 == 0 ? rounded + 1 : rounded
    }
}
