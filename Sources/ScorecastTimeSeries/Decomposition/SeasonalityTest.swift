import ScorecastCore

/// Sample autocorrelations, as R's `acf(x, na.action = na.pass)` computes them.
///
/// r_k = c_k / c_0 with c_k = Σ (x_t − x̄)(x_{t+k} − x̄) / (pairs_k + k), the sums running over
/// the pairs where both values are observed and x̄ the mean of the observed values. With no
/// missing values this is the usual Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)².
///
/// - Returns: `[r_1, …, r_maxLag]`.
/// - Complexity: O(n · maxLag).
public func autocorrelations(_ values: [Double], maxLag: Int) -> [Double] {
    let observed = values.filter { !$0.isNaN }
    guard !observed.isEmpty else { return [Double](repeating: .nan, count: maxLag) }
    let mean = observed.reduce(0, +) / Double(observed.count)
    let centred = values.map { $0 - mean }
    func autocovariance(_ lag: Int) -> Double {
        var sum = 0.0, pairs = 0
        if lag < centred.count {
            for index in 0..<(centred.count - lag) where !centred[index].isNaN && !centred[index + lag].isNaN {
                sum += centred[index] * centred[index + lag]
                pairs += 1
            }
        }
        return sum / Double(pairs + lag)
    }
    let variance = autocovariance(0)
    return maxLag > 0 ? (1...maxLag).map { autocovariance($0) / variance } : []
}

/// The 90% autocorrelation test for seasonality used by the M-competitions' Naive2 and Theta.
///
/// A series is seasonal when |r_m| exceeds 1.645 standard errors under Bartlett's formula,
/// `√((1 + 2 Σ_{k<m} r_k²) / n)`. Too short a series, an annual one, or a constant one is
/// not seasonal. R's `forecast::thetaf` and statsforecast's Theta models require more than
/// two seasons (n > 2m); the M4 competition's Naive2 code requires at least three (n ≥ 3m).
///
/// References: V. Assimakopoulos and K. Nikolopoulos, "The theta model", IJF 16(4), 2000;
/// the M4 competition's benchmark code (`SeasonalityTest`); R `forecast::thetaf` 8.20.
public struct SeasonalityTest: Sendable, Equatable {
    /// How many observations the test needs before it may find a season.
    public enum MinimumLength: Sendable, Equatable {
        /// n > 2m, as `forecast::thetaf` and statsforecast's Theta.
        case moreThanTwoSeasons
        /// n ≥ 3m, as the M4 competition's Naive2.
        case threeSeasons

        func isMet(count: Int, period: Int) -> Bool {
            switch self {
            case .moreThanTwoSeasons: count > 2 * period
            case .threeSeasons: count >= 3 * period
            }
        }
    }

    /// The one-sided normal critical value: 1.645 for the 90% test.
    public var criticalValue: Double
    /// The length rule.
    public var minimumLength: MinimumLength

    /// The 90% test with the given length rule.
    public init(criticalValue: Double = 1.6448536269514722, minimumLength: MinimumLength) {
        self.criticalValue = criticalValue
        self.minimumLength = minimumLength
    }

    /// Whether `series` shows seasonality at its seasonal period.
    public func isSeasonal(_ series: TimeSeries) -> Bool {
        isSeasonal(series.values, period: series.seasonalPeriod)
    }

    /// Whether `values` show seasonality at lag `period`. `n` is the length, missing values included.
    public func isSeasonal(_ values: [Double], period: Int) -> Bool {
        guard period > 1, minimumLength.isMet(count: values.count, period: period) else { return false }
        let observed = values.filter { !$0.isNaN }
        guard let first = observed.first, observed.contains(where: { $0 != first }) else { return false }
        let correlations = autocorrelations(values, maxLag: period)
        let sumOfSquares = correlations.prefix(period - 1).reduce(0) { $0 + $1 * $1 }
        let standardError = ((1 + 2 * sumOfSquares) / Double(values.count)).squareRoot()
        let statistic = abs(correlations[period - 1]) / standardError
        return statistic > criticalValue
    }
}
