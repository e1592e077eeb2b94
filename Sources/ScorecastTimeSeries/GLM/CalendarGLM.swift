import Foundation
import ScorecastCore
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calendar-aware regression for counts, proportions and continuous indicators: a GLM with
/// trend, seasonal terms, England calendar regressors and intervention dummies.
///
/// Families: Gaussian (least squares), Poisson and negative binomial (IRLS; θ by maximum
/// likelihood) for counts, and quasi-binomial for numerator/denominator percentages
/// (``fit(successes:trials:)``). With `family = .automatic` a series of non-negative whole
/// numbers is a count: Poisson unless the likelihood-ratio test for overdispersion
/// (negative binomial against Poisson, boundary-corrected: half a χ²₁, 5% level) prefers the
/// negative binomial; anything else is Gaussian.
///
/// Seasonal terms are fixed (`seasonal`) or, when `seasonal` is `nil`, chosen by AICc among
/// Fourier orders 1–3 and monthly dummies (quarterly: dummies; annual: none; quasi-binomial
/// monthly models, which have no AIC: Fourier order 2). Missing values
/// are left out of the fit. Forecast intervals are simulated (``FittedCalendarGLM``).
///
/// Short series get the model they can carry, whatever was asked, with a note saying so
/// (``shortSeriesTerms(observations:frequency:)``): with fewer observed values than two
/// seasons (24 months, 8 quarters; 6 years for annual data) there are no seasonal terms and
/// no trend (a trend and a season estimated from a few months extrapolate wildly on a log or
/// logit scale); with less than one season (12 months, 4 quarters) there are no calendar terms
/// either, which leaves the level on the link scale (plus any events). Percentages without
/// denominators are modelled on the logit scale by ``fit(percentages:)``.
///
/// References: P. McCullagh and J. A. Nelder, *Generalized Linear Models*, 2nd ed. (1989);
/// W. N. Venables and B. D. Ripley, *Modern Applied Statistics with S*, 4th ed. (2002), §7.4.
public struct CalendarGLM: ForecastModelSpec {
    /// Which error distribution to fit.
    public enum Family: String, Sendable, CaseIterable {
        case automatic, gaussian, poisson
        case negativeBinomial = "negbin"
    }

    public var family: Family
    /// Seasonal terms; `nil` chooses by AICc.
    public var seasonal: SeasonalTerms?
    public var trend: Bool
    /// The calendar whose regressors enter the model; `nil` for none.
    public var calendar: EnglandCalendar?
    public var events: [InterventionEvent]
    /// Number of simulated paths behind each forecast interval.
    public var simulations: Int

    public init(
        family: Family = .automatic, seasonal: SeasonalTerms? = nil, trend: Bool = true,
        calendar: EnglandCalendar? = EnglandCalendar(), events: [InterventionEvent] = [], simulations: Int = 4000
    ) {
        self.family = family
        self.seasonal = seasonal
        self.trend = trend
        self.calendar = calendar
        self.events = events
        self.simulations = simulations
    }

    /// `glm`, or `glm:OPTIONS` when the settings differ from the defaults (see ``options``).
    public var name: String { options.isEmpty ? "glm" : "glm:" + options }

    /// Fits the model to a series of counts or values.
    public func fit(_ series: TimeSeries) throws -> FittedCalendarGLM {
        try fit(series: series, trials: nil)
    }

    /// Fits a quasi-binomial model to `successes` out of `trials` (both aligned with the
    /// series' periods; missing where either is NaN). Forecasts are percentages.
    public func fit(successes: TimeSeries, trials: [Double]) throws -> FittedCalendarGLM {
        precondition(trials.count == successes.count, "trials must align with the series")
        return try fit(series: successes, trials: trials)
    }

    /// Fits a quasi-binomial model (logit link) to percentages that come without their
    /// numerators and denominators: the fractional logit of L. E. Papke and J. M. Wooldridge,
    /// "Econometric methods for fractional response variables", J. Appl. Econometrics 11(6),
    /// 1996. Each value is taken as successes out of a nominal 100 trials; the quasi-likelihood
    /// dispersion is estimated, so the nominal count sets no precision. Fitted values,
    /// forecasts and intervals are percentages in [0, 100].
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` for a value outside [0, 100].
    public func fit(percentages: TimeSeries) throws -> FittedCalendarGLM {
        if let outside = percentages.values.first(where: { !$0.isNaN && !(0...100).contains($0) }) {
            throw TimeSeriesError.unsuitable(series: percentages.name, reason: "a percentage must lie in 0...100, found \(outside)")
        }
        var fitted = try fit(series: percentages, trials: [Double](repeating: Self.nominalPercentageTrials, count: percentages.count))
        fitted.notes.insert("percentages without denominators: quasi-binomial on the logit scale (each value out of a nominal 100)", at: 0)
        return fitted
    }

    /// The nominal trials behind a percentage without a denominator (``fit(percentages:)``).
    public static let nominalPercentageTrials = 100.0

    /// The terms a series with `observations` observed values can carry: whether it may have
    /// seasonal terms and a trend (at least two seasons: 2m observations for m periods a year,
    /// at least 6 for annual data) and calendar terms (at least one season, m).
    public static func shortSeriesTerms(observations: Int, frequency: Frequency) -> (seasonalAndTrend: Bool, calendar: Bool) {
        let m = frequency.periodsPerYear
        return (observations >= max(2 * m, 6), observations >= m)
    }

    func fit(series: TimeSeries, trials: [Double]?) throws -> FittedCalendarGLM {
        var rows: [Int] = []
        for (index, value) in series.values.enumerated() where !value.isNaN {
            if let trials, trials[index].isNaN || trials[index] <= 0 { continue }
            rows.append(index)
        }
        let name = series.name
        guard !rows.isEmpty else { throw TimeSeriesError.empty(series: name) }
        if calendar != nil, series.start.year < EnglandBankHolidays.firstYear {
            throw TimeSeriesError.unsuitable(
                series: name,
                reason:
                    "the England calendar is known from \(EnglandBankHolidays.firstYear); the series starts in \(series.start) (glm:nocalendar fits it without one)"
            )
        }
        let observed = rows.map { series.values[$0] }
        var notes: [String] = []

        // Events that never touch the fit sample cannot be estimated.
        let samplePeriods = rows.map { series.start.advanced(by: $0) }
        let usableEvents = events.filter { event in
            samplePeriods.contains { InterventionEvent.share(of: $0, coveredBy: [event]) > 0 }
        }
        for dropped in Set(events.map(\.name)).subtracting(usableEvents.map(\.name)).sorted() {
            notes.append("event '\(dropped)' does not overlap the data and was left out")
        }

        let resolvedFamily: GLMFamily
        if trials != nil {
            resolvedFamily = .quasiBinomial
        } else {
            let isCount = observed.allSatisfy { $0 >= 0 && $0.rounded() == $0 }
            switch family {
            case .gaussian: resolvedFamily = .gaussian
            case .poisson, .negativeBinomial:
                guard isCount else {
                    throw TimeSeriesError.unsuitable(series: name, reason: "the \(family.rawValue) family needs non-negative whole numbers")
                }
                resolvedFamily = family == .poisson ? .poisson : .negativeBinomial(theta: 1)
            case .automatic:
                resolvedFamily = isCount ? .poisson : .gaussian
            }
        }
        if resolvedFamily != .gaussian && trials == nil && observed.allSatisfy({ $0 == 0 }) {
            // The log-link intercept runs to −∞ with an unbounded standard error: no finite estimate.
            throw TimeSeriesError.unsuitable(series: name, reason: "every value is zero: a log-link count model has no finite estimate")
        }

        let m = series.frequency.periodsPerYear
        let carries = Self.shortSeriesTerms(observations: rows.count, frequency: series.frequency)
        let fittedTrend = trend && carries.seasonalAndTrend
        let fittedCalendar = carries.calendar ? calendar : nil
        var shortNote: String?
        if !carries.seasonalAndTrend {
            var dropped: [String] = []
            if trend { dropped.append("trend") }
            if m > 1 && seasonal != SeasonalTerms.none { dropped.append("seasonal terms") }
            if calendar != nil && !carries.calendar && m > 1 { dropped.append("calendar terms") }
            if !dropped.isEmpty {
                let limit = carries.calendar || m == 1 ? "two seasons (\(max(2 * m, 6)))" : "one season (\(m))"
                shortNote = "short series: \(rows.count) observations, fewer than \(limit), so no \(dropped.joined(separator: ", no "))"
            }
        }
        let candidates: [SeasonalTerms]
        if !carries.seasonalAndTrend {
            candidates = [.none]
        } else if let seasonal {
            candidates = [seasonal]
        } else if trials != nil {
            // Quasi-likelihood has no AIC to choose by: a fixed second-order Fourier season.
            candidates = m == 1 ? [.none] : m == 4 ? [.dummies] : [.fourier(order: 2)]
        } else if m == 12 {
            candidates = [.fourier(order: 1), .fourier(order: 2), .fourier(order: 3), .dummies]
        } else if m == 4 {
            candidates = [.dummies]
        } else {
            candidates = [.none]
        }

        var best: FittedCalendarGLM?
        var lastError: Error?
        for candidate in candidates {
            for terms in fallbacks(from: candidate, observations: rows.count, frequency: series.frequency) {
                let design = RegressionDesign(
                    origin: series.start, count: series.count, trend: fittedTrend, seasonal: terms,
                    calendar: fittedCalendar, events: usableEvents)
                guard rows.count >= design.columnNames.count + 2 else { continue }
                do {
                    var fitted = try fitOne(series: series, rows: rows, trials: trials, design: design, family: resolvedFamily)
                    if terms != candidate {
                        fitted.notes.append("seasonal terms reduced from \(candidate) to \(terms): only \(rows.count) observations")
                    }
                    if best == nil || fitted.aicc < best!.aicc || best!.aicc.isNaN { best = fitted }
                    break
                } catch {
                    lastError = error
                    continue
                }
            }
        }
        guard var chosen = best else {
            if let error = lastError as? GLMError {
                throw TimeSeriesError.unsuitable(series: name, reason: error.description)
            }
            throw TimeSeriesError.tooShort(series: name, needed: (fittedTrend ? 2 : 1) + (fittedCalendar == nil ? 0 : 2) + 2, got: rows.count)
        }
        if seasonal == nil && candidates.count > 1 { chosen.notes.append("seasonal terms \(chosen.design.seasonal) chosen by AICc") }
        if let shortNote { notes.append(shortNote) }
        chosen.notes = notes + chosen.notes
        return chosen
    }

    /// The seasonal terms to try, richest first, when the series is short.
    func fallbacks(from terms: SeasonalTerms, observations: Int, frequency: Frequency) -> [SeasonalTerms] {
        switch terms {
        case .dummies: return [.dummies, .fourier(order: 2), .fourier(order: 1), .none]
        case .fourier(let order): return (0..<order).map { .fourier(order: order - $0) } + [.none]
        case .none: return [.none]
        }
    }

    func fitOne(series: TimeSeries, rows: [Int], trials: [Double]?, design: RegressionDesign, family: GLMFamily) throws -> FittedCalendarGLM {
        let periods = rows.map { series.start.advanced(by: $0) }
        let matrix = design.matrix(for: periods)
        let response = rows.map { series.values[$0] }
        let rowTrials = trials.map { t in rows.map { t[$0] } }
        var notes: [String] = []
        var glm: GLMFit
        var theta: Double?
        var thetaStandardError: Double?
        var resolved = family
        switch family {
        case .negativeBinomial:
            let nb = try GeneralizedLinearModel.fitNegativeBinomial(design: matrix, response: response)
            glm = nb.glm
            theta = nb.theta
            thetaStandardError = nb.thetaStandardError
        case .poisson where self.family == .automatic:
            let poisson = try GeneralizedLinearModel.fit(design: matrix, response: response, family: .poisson)
            glm = poisson
            if let nb = try? GeneralizedLinearModel.fitNegativeBinomial(design: matrix, response: response) {
                let statistic = 2 * (nb.logLikelihood - poisson.logLikelihood)
                // Boundary test: the p-value is half the χ²₁ tail.
                let pValue = 0.5 * ChiSquared.survival(max(statistic, 0), degreesOfFreedom: 1)
                if pValue < 0.05 && nb.theta < 1e7 {
                    glm = nb.glm
                    theta = nb.theta
                    thetaStandardError = nb.thetaStandardError
                    resolved = nb.glm.family
                    notes.append("negative binomial chosen over Poisson: overdispersion test p = \(String(format: "%.3g", pValue))")
                }
            }
        default:
            glm = try GeneralizedLinearModel.fit(design: matrix, response: response, trials: rowTrials, family: family)
        }
        if case .negativeBinomial = resolved, theta == nil { resolved = glm.family }
        return FittedCalendarGLM(
            series: series, trials: trials, rows: rows, design: design, glm: glm,
            theta: theta, thetaStandardError: thetaStandardError, simulations: simulations, notes: notes)
    }
}
