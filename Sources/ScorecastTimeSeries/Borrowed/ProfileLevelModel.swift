import ScorecastCore
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A short series' own level against a borrowed ``SeasonalProfile``: log μₜ = α + oₜ, where
/// the offset oₜ is the profile's seasonal and calendar effect in month t.
///
/// α is the quasi-Poisson estimate, log(Σ yₜ / Σ exp oₜ) over the observed months, with
/// dispersion φ̂ from the Pearson residuals (at least 1 for counts). Forecasts and
/// verdicts are simulated: each draw takes the profile's coefficients from their estimated
/// distribution, re-estimates α against that profile, adds α's own sampling error
/// (√(φ/Σμ), with φ drawn from its scaled χ² distribution on n − 1 degrees of freedom) and
/// draws the value (negative binomial with variance φμ for counts; normal for other values).
/// So the intervals carry the profile's uncertainty, the level's and the noise.
///
/// - Complexity: O(n + h) per draw; `simulations` draws per forecast.
public struct ProfileLevelModel: ForecastModelSpec {
    public var profile: SeasonalProfile
    /// Draws behind each interval.
    public var simulations: Int

    public init(profile: SeasonalProfile, simulations: Int = 4000) {
        self.profile = profile
        self.simulations = simulations
    }

    public var name: String { "level against borrowed:" + profile.reference }

    /// Fits the level.
    ///
    /// - Throws: ``TimeSeriesError/empty(series:)`` without an observed value;
    ///   ``TimeSeriesError/unsuitable(series:reason:)`` for a negative value, every value zero,
    ///   or a frequency other than the profile's.
    public func fit(_ series: TimeSeries) throws -> FittedProfileLevel {
        guard series.frequency == profile.design.frequency else {
            throw TimeSeriesError.unsuitable(
                series: series.name, reason: "the borrowed profile is \(profile.design.frequency), the series \(series.frequency)")
        }
        let rows = series.values.indices.filter { !series.values[$0].isNaN }
        guard !rows.isEmpty else { throw TimeSeriesError.empty(series: series.name) }
        if rows.contains(where: { series.values[$0] < 0 }) {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "a borrowed multiplicative profile needs values of at least zero")
        }
        let total = rows.reduce(0.0) { $0 + series.values[$1] }
        guard total > 0 else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "every value is zero: the level has no finite estimate on the log scale")
        }
        return FittedProfileLevel(series: series, rows: rows, profile: profile, simulations: simulations)
    }
}

/// A ``ProfileLevelModel`` fitted to a series.
public struct FittedProfileLevel: FittedForecastModel {
    public let series: TimeSeries
    /// The observed positions.
    public let rows: [Int]
    public let profile: SeasonalProfile
    public let simulations: Int
    /// α̂, the log level.
    public let logLevel: Double
    /// φ̂, the Pearson dispersion (at least 1 for whole numbers).
    public let dispersion: Double
    /// Whether every observed value is a whole number (counts: negative binomial draws).
    public let isCount: Bool
    let historyRegressors: [[Double]]

    init(series: TimeSeries, rows: [Int], profile: SeasonalProfile, simulations: Int) {
        self.series = series
        self.rows = rows
        self.profile = profile
        self.simulations = simulations
        historyRegressors = rows.map { profile.regressors(for: series.start.advanced(by: $0)) }
        let values = rows.map { series.values[$0] }
        isCount = values.allSatisfy { $0.rounded() == $0 }
        let offsets = historyRegressors.map { profile.offset(regressors: $0, coefficients: profile.coefficients) }
        let level = log(values.reduce(0, +) / offsets.reduce(0) { $0 + exp($1) })
        logLevel = level
        var pearson = 0.0
        for (value, offset) in zip(values, offsets) {
            let mu = exp(level + offset)
            pearson += (value - mu) * (value - mu) / mu
        }
        let degrees = max(values.count - 1, 1)
        let estimate = values.count > 1 ? pearson / Double(degrees) : 1
        dispersion = isCount ? max(1, estimate) : max(estimate, 1e-12)
    }

    public var description: String { "level against borrowed:\(profile.reference) (\(profile.terms.phrase))" }
    public var notes: [String] {
        [
            "seasonal profile borrowed from \(profile.reference) (\(profile.referenceModel)); only the level is estimated on the series' \(rows.count) months"
        ]
    }
    public var terms: ModelTerms { profile.terms.union(.level) }

    public var fittedValues: [Double] {
        series.periods.map { exp(logLevel + profile.offset(for: $0)) }
    }

    /// `count` predictive draws at each of `periods` (values, and the drawn means), and, with
    /// `contrast`, the change the calendar terms alone (and the school-holiday share alone)
    /// make from `contrast.from` to `contrast.to` at each draw's level of `contrast.from`.
    func simulate(
        periods: [Period], count: Int, contrast: (from: Period, to: Period)? = nil, using generator: inout some RandomNumberGenerator
    ) -> (values: [[Double]], means: [[Double]], calendarChanges: [Double], schoolHolidayChanges: [Double], seasonalChanges: [Double]) {
        let p = profile.coefficientCount
        let targetRegressors = periods.map { profile.regressors(for: $0) }
        var values = [[Double]](repeating: [Double](repeating: 0, count: count), count: periods.count)
        var means = values
        var beta = [Double](repeating: 0, count: p), normals = [Double](repeating: 0, count: p)
        let observed = rows.map { series.values[$0] }
        let total = observed.reduce(0, +)
        let degrees = Double(max(rows.count - 1, 1))
        let contrastRegressors = contrast.map { (profile.regressors(for: $0.from), profile.regressors(for: $0.to)) }
        var calendarChanges: [Double] = [], schoolHolidayChanges: [Double] = [], seasonalChanges: [Double] = []
        for s in 0..<count {
            profile.drawCoefficients(into: &beta, normals: &normals, using: &generator)
            var denominator = 0.0
            for x in historyRegressors { denominator += exp(profile.offset(regressors: x, coefficients: beta)) }
            let level = log(total / denominator)
            let chiSquared = 2 * RandomVariates.gamma(shape: degrees / 2, using: &generator)
            var phi = dispersion * degrees / chiSquared
            if isCount { phi = max(phi, 1) }
            // Var(α̂) ≈ φ / Σ μₜ, and Σ μₜ = Σ yₜ at the estimate.
            let drawnLevel = level + (phi / total).squareRoot() * RandomVariates.standardNormal(using: &generator)
            if let (before, after) = contrastRegressors {
                let levelBefore = exp(drawnLevel + profile.offset(regressors: before, coefficients: beta))
                let whole = profile.offset(regressors: after, coefficients: beta) - profile.offset(regressors: before, coefficients: beta)
                seasonalChanges.append(levelBefore * expm1(whole))
                calendarChanges.append(levelBefore * expm1(profile.calendarContrast(from: before, to: after, coefficients: beta)))
                schoolHolidayChanges.append(
                    levelBefore * expm1(profile.calendarContrast(from: before, to: after, coefficients: beta, schoolHolidaysOnly: true)))
            }
            for (h, x) in targetRegressors.enumerated() {
                let mu = min(exp(drawnLevel + profile.offset(regressors: x, coefficients: beta)), 1e12)
                means[h][s] = mu
                if isCount {
                    values[h][s] =
                        phi > 1 + 1e-9
                        ? Double(RandomVariates.negativeBinomial(mean: mu, size: mu / (phi - 1), using: &generator))
                        : Double(RandomVariates.poisson(mean: mu, using: &generator))
                } else {
                    values[h][s] = max(0, mu + (phi * mu).squareRoot() * RandomVariates.standardNormal(using: &generator))
                }
            }
        }
        return (values, means, calendarChanges, schoolHolidayChanges, seasonalChanges)
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let start = series.end.advanced(by: 1)
        let periods = (0..<horizon).map { start.advanced(by: $0) }
        let (values, means, _, _, _) = simulate(periods: periods, count: simulations, using: &generator)
        let mean = means.map { $0.reduce(0, +) / Double($0.count) }
        var intervals: [PredictionInterval] = []
        let sorted = values.map { $0.sorted() }
        for level in levels {
            let tail = (1 - level / 100) / 2
            intervals.append(
                PredictionInterval(
                    level: level, lower: sorted.map { SampleQuantile.type7(sorted: $0, probability: tail) },
                    upper: sorted.map { SampleQuantile.type7(sorted: $0, probability: 1 - tail) }))
        }
        return Forecast(start: start, mean: mean, intervals: intervals, model: description)
    }
}
