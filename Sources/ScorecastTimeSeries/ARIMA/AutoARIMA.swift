import ScorecastCore

/// Automatic seasonal ARIMA: differences by unit-root tests, then a stepwise search over the
/// ARMA orders by AICc (Hyndman and Khandakar 2008, R forecast's `auto.arima`).
///
/// 1. Seasonal differences D ∈ {0, 1} by the seasonal-strength heuristic, then regular
///    differences d ≤ 2 of the seasonally differenced series by the KPSS test at 5%
///    (``ARIMADifferencing``).
/// 2. A constant (mean with d + D = 0, drift with d + D = 1) is allowed when d + D ≤ 1.
/// 3. Start from ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) with the
///    constant, and (0,d,0)(0,D,0) without; then move to the first neighbour (P ± 1, Q ± 1,
///    both, then p ± 1, q ± 1, both, then the constant toggled) that lowers the AICc, and repeat
///    until no neighbour does. p, q ≤ 5 (and < m with a seasonal part), P, Q ≤ 2 (each at most
///    a third of the series, in seasons for P and Q), at most 94 models. As in R, the sum
///    p + q + P + Q is not capped in the stepwise search, and the no-constant null model,
///    when it wins the start, does not switch the constant off for the neighbours (only the
///    toggle does).
/// 4. A model whose AR or MA polynomial has a root of modulus below 1.01 is not accepted.
/// 5. A series of three values or fewer is searched by AIC: there AICc is infinite for every
///    model with a constant, which would always choose a zero forecast (R's `auto.arima` does
///    the same, "AICc won't work for tiny samples").
///
/// Every candidate is estimated by conditional sum of squares (``ARIMA``), as `auto.arima`
/// does with `approximation = TRUE, method = "CSS"`; R's default for monthly series shorter
/// than 151 observations fits every candidate by exact maximum likelihood instead, so the
/// chosen orders can differ (the tests state how often).
///
/// - Reference: R. J. Hyndman and Y. Khandakar, "Automatic time series forecasting: the
///   forecast package for R", Journal of Statistical Software 27(3), 2008.
public struct AutoARIMA: ForecastModelSpec {
    /// Largest p and q.
    public var maximumP = 5, maximumQ = 5
    /// Largest seasonal P and Q.
    public var maximumSeasonalP = 2, maximumSeasonalQ = 2
    /// Largest number of models fitted.
    public var maximumModels = 94
    /// Whether seasonal orders are considered (false: non-seasonal models only).
    public var seasonal = true
    /// How the chosen model forecasts.
    public var forecastMethod: ARIMAForecastMethod

    public init(seasonal: Bool = true, forecastMethod: ARIMAForecastMethod = .conditional) {
        self.seasonal = seasonal
        self.forecastMethod = forecastMethod
    }

    public var name: String {
        let words = (seasonal ? [] : ["nonseasonal"]) + (forecastMethod == .stateSpace ? ["kalman"] : [])
        return words.isEmpty ? "arima" : "arima:" + words.joined(separator: ",")
    }

    /// Chooses and estimates the model.
    ///
    /// - Throws: ``TimeSeriesError/tooShort(series:needed:got:)`` when not even the model with no
    ///   ARMA terms can be estimated.
    public func fit(_ series: TimeSeries) throws -> FittedARIMA {
        try search(series).chosen
    }

    /// One model the search estimated: its orders, constant and AICc (infinite when rejected).
    struct Visit: Equatable {
        var order: ARIMAOrder
        var constant: ARIMAConstant
        var aicc: Double
    }

    /// The search itself: the chosen fit and every model estimated, in the order it was.
    func search(_ series: TimeSeries) throws -> (chosen: FittedARIMA, visits: [Visit]) {
        let data = try ARIMAData(series)
        let period = data.period
        let length = data.values.count
        let useSeason = seasonal && period > 1
        let seasonalD = useSeason ? ARIMADifferencing.seasonalDifferences(TimeSeries(name: series.name, start: series.start, values: data.values)) : 0
        var differenced = data.values
        if seasonalD == 1 { differenced = zip(differenced.dropFirst(period), differenced).map { $0 - $1 } }
        let d = ARIMADifferencing.regularDifferences(differenced)

        var maxP = min(maximumP, length / 3), maxQ = min(maximumQ, length / 3)
        let maxSeasonalP = useSeason ? min(maximumSeasonalP, length / 3 / period) : 0
        let maxSeasonalQ = useSeason ? min(maximumSeasonalQ, length / 3 / period) : 0
        if useSeason {
            if maxSeasonalP > 0 { maxP = min(maxP, period - 1) }
            if maxSeasonalQ > 0 { maxQ = min(maxQ, period - 1) }
        }
        let constantAllowed = d + seasonalD <= 1

        struct Candidate: Hashable {
            var p, q, sp, sq: Int
            var constant: Bool
        }
        var tried: [Candidate: Double] = [:]
        var fits: [Candidate: FittedARIMA] = [:]
        var lastError: Error?
        var visits: [Visit] = []
        func score(_ candidate: Candidate) -> Double {
            if let known = tried[candidate] { return known }
            let order = ARIMAOrder(p: candidate.p, d: d, q: candidate.q, seasonalP: candidate.sp, seasonalD: seasonalD, seasonalQ: candidate.sq)
            let constant = ARIMA(order: order, includeConstant: candidate.constant).constant
            var criterion = Double.infinity
            do {
                let fitted = try ARIMAEstimation.fit(order: order, constant: constant, data: data)
                let information = length <= 3 ? fitted.aic : fitted.aicc
                if information.isFinite && fitted.smallestRootModulus >= 1.01 {
                    criterion = information
                    fits[candidate] = fitted
                }
            } catch {
                lastError = error
            }
            tried[candidate] = criterion
            visits.append(Visit(order: order, constant: constant, aicc: criterion))
            return criterion
        }
        func allowed(_ c: Candidate) -> Bool {
            c.p >= 0 && c.q >= 0 && c.sp >= 0 && c.sq >= 0 && c.p <= maxP && c.q <= maxQ && c.sp <= maxSeasonalP && c.sq <= maxSeasonalQ
                && (!c.constant || constantAllowed)
        }

        let short = length < 10
        var best = Candidate(
            p: min(short ? 1 : 2, maxP), q: min(short ? 1 : 2, maxQ), sp: short ? 0 : min(1, maxSeasonalP),
            sq: short ? 0 : min(1, maxSeasonalQ), constant: constantAllowed)
        var bestScore = score(best)
        // The constant the neighbours are fitted with: R changes it only by the toggle move.
        var constant = constantAllowed
        var starts = [Candidate(p: 0, q: 0, sp: 0, sq: 0, constant: constantAllowed)]
        if maxP > 0 || maxSeasonalP > 0 {
            starts.append(Candidate(p: maxP > 0 ? 1 : 0, q: 0, sp: maxSeasonalP > 0 ? 1 : 0, sq: 0, constant: constantAllowed))
        }
        if maxQ > 0 || maxSeasonalQ > 0 {
            starts.append(Candidate(p: 0, q: maxQ > 0 ? 1 : 0, sp: 0, sq: maxSeasonalQ > 0 ? 1 : 0, constant: constantAllowed))
        }
        if constantAllowed { starts.append(Candidate(p: 0, q: 0, sp: 0, sq: 0, constant: false)) }
        for candidate in starts where tried.count < maximumModels {
            let value = score(candidate)
            if value < bestScore {
                best = candidate
                bestScore = value
            }
        }

        var improved = true
        while improved && tried.count < maximumModels {
            improved = false
            let c = Candidate(p: best.p, q: best.q, sp: best.sp, sq: best.sq, constant: constant)
            let moves: [Candidate] = [
                Candidate(p: c.p, q: c.q, sp: c.sp - 1, sq: c.sq, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp, sq: c.sq - 1, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp + 1, sq: c.sq, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp, sq: c.sq + 1, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp - 1, sq: c.sq - 1, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp - 1, sq: c.sq + 1, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp + 1, sq: c.sq - 1, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp + 1, sq: c.sq + 1, constant: c.constant),
                Candidate(p: c.p - 1, q: c.q, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p, q: c.q - 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p + 1, q: c.q, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p, q: c.q + 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p - 1, q: c.q - 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p - 1, q: c.q + 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p + 1, q: c.q - 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p + 1, q: c.q + 1, sp: c.sp, sq: c.sq, constant: c.constant),
                Candidate(p: c.p, q: c.q, sp: c.sp, sq: c.sq, constant: !c.constant),
            ]
            for move in moves where allowed(move) && tried[move] == nil {
                guard tried.count < maximumModels else { break }
                let value = score(move)
                if value < bestScore {
                    best = move
                    bestScore = value
                    constant = move.constant
                    improved = true
                    break
                }
            }
        }
        guard bestScore.isFinite, let chosen = fits[best] else {
            if let error = lastError as? TimeSeriesError { throw error }
            throw TimeSeriesError.unsuitable(series: series.name, reason: "no ARIMA model could be estimated")
        }
        var result = chosen
        result.forecastMethod = forecastMethod
        let note =
            "ARIMA: \(seasonalD) seasonal and \(d) regular difference\(d == 1 ? "" : "s") by the seasonal-strength and KPSS tests; \(tried.count) models tried by AICc"
        return (result.adding(notes: [note]), visits)
    }
}

extension FittedARIMA {
    /// The same fit with `extra` notes appended.
    func adding(notes extra: [String]) -> FittedARIMA {
        var copy = self
        copy.extraNotes += extra
        return copy
    }
}
