import ScorecastCore
import ScorecastTimeSeries

/// Prevalence-based projection: a forecast rate per 10,000 children times a projected
/// population aged 0–17 gives projected numbers of children.
///
/// This is the annual method many councils' sufficiency strategies use with DfE's published
/// rates (looked-after children, child protection plans, children in need at 31 March) and
/// ONS subnational population projections. The rate's forecast carries the uncertainty; the
/// population projection is taken as given (ONS publishes no intervals for it), so the
/// number's interval is the rate's interval scaled by the population.
public enum PopulationProjection {
    /// One projected year.
    public struct Row: Sendable, Equatable {
        public var period: Period
        public var population: Double
        public var rate: Double
        public var number: Double
        /// `(level, lower number, upper number)` for each level of the rate forecast.
        public var numberIntervals: [PredictionInterval]
        /// The rate's own intervals.
        public var rateIntervals: [PredictionInterval]
    }

    /// Numbers of children from a rate forecast and a population projection.
    ///
    /// - Parameters:
    ///   - rateForecast: a forecast of the rate per 10,000 (from any fitted model).
    ///   - population: projected population for (at least) every forecast period.
    /// - Throws: ``ProjectionError/misaligned(_:)`` naming the first forecast period with no
    ///   population.
    public static func project(rateForecast: Forecast, population: [Period: Double]) throws -> [Row] {
        try rateForecast.periods.enumerated().map { step, period in
            guard let people = population[period], people > 0 else {
                throw ProjectionError.misaligned("no projected population for \(period)")
            }
            let scale = people / 10_000
            let rate = max(0, rateForecast.mean[step])
            let rateIntervals = rateForecast.intervals.map {
                PredictionInterval(level: $0.level, lower: [max(0, $0.lower[step])], upper: [max(0, $0.upper[step])])
            }
            return Row(
                period: period, population: people, rate: rate, number: rate * scale,
                numberIntervals: rateIntervals.map {
                    PredictionInterval(level: $0.level, lower: [$0.lower[0] * scale], upper: [$0.upper[0] * scale])
                },
                rateIntervals: rateIntervals)
        }
    }
}
