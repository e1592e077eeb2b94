import Foundation
import ScorecastCore

extension ETS {
    /// The forms automatic selection considers for a series, in R's order (error A then M;
    /// trend N, A, M; season N, A, M; damped before undamped).
    ///
    /// Excluded, as in R `forecast::ets()`: damped forms without a trend; the restricted
    /// combinations (``Form/isRestricted``) unless ``restrict`` is off; multiplicative trends
    /// unless ``allowsMultiplicativeTrend``; multiplicative components when ``additiveOnly``;
    /// multiplicative errors (and seasons) on data that are not all positive; seasonal forms
    /// when `seasonal` is false (m = 1, m > 24, or no more than m observations).
    func candidateForms(seasonal: Bool, positive: Bool) -> [Form] {
        var forms: [Form] = []
        for error in [ErrorType.additive, .multiplicative] {
            for trend in allowsMultiplicativeTrend ? [TrendType.none, .additive, .multiplicative] : [.none, .additive] {
                for season in seasonal ? [SeasonType.none, .additive, .multiplicative] : [.none] {
                    for damped in [true, false] {
                        if trend == .none && damped { continue }
                        let form = Form(error: error, trend: trend, damped: damped, season: season)
                        if restrict && form.isRestricted { continue }
                        if additiveOnly && form.hasMultiplicativeComponent { continue }
                        if !positive && (error == .multiplicative || season == .multiplicative || trend == .multiplicative) { continue }
                        forms.append(form)
                    }
                }
            }
        }
        return forms
    }

    /// Fits the spec to `series`: the named form, or every allowed form with the one of
    /// smallest ``criterion`` kept (Hyndman and Khandakar 2008).
    ///
    /// The candidates share their set-up (observed values, seasonal decomposition, initial
    /// states, scratch buffers). A constant series gets simple exponential smoothing with
    /// α = 0.99999, as in R. Missing values inside the series are skipped by the likelihood
    /// (the state moves on by its own dynamics), and the criteria count observed values only.
    ///
    /// - Throws: ``TimeSeriesError/empty(series:)`` without observations;
    ///   ``TimeSeriesError/unsuitable(series:reason:)`` when a named form does not suit the data
    ///   (multiplicative on non-positive values, restricted, seasonal with m > 24 or m = 1);
    ///   ``TimeSeriesError/tooShort(series:needed:got:)`` when no form can be estimated.
    public func fit(_ series: TimeSeries) throws -> FittedETS {
        let candidates = try fitCandidates(series)
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.informationCriterion(criterion) < best.informationCriterion(criterion) {
            best = candidate
        }
        if form == nil && combination == .akaikeWeighted && candidates.count > 1 {
            let smallest = best.informationCriterion(criterion)
            let raw = candidates.map { exp(-0.5 * ($0.informationCriterion(criterion) - smallest)) }
            let total = raw.reduce(0, +)
            best.ensemble = zip(raw, candidates).map { (weight: $0 / total, model: $1) }
        }
        return best
    }

    /// Every form automatic selection considers, each fitted by maximum likelihood, in R's
    /// order (the named form alone when ``form`` is set). Forms that cannot be estimated are
    /// left out. ``fit(_:)`` keeps the one with the smallest criterion.
    ///
    /// - Throws: as ``fit(_:)``; never returns an empty array.
    public func fitCandidates(_ series: TimeSeries) throws -> [FittedETS] {
        let observed = series.values.filter { !$0.isNaN }
        guard let first = observed.first else { throw TimeSeriesError.empty(series: series.name) }
        guard series.values.allSatisfy({ $0.isFinite || $0.isNaN }) else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "values must be finite numbers or missing")
        }
        var m = series.seasonalPeriod
        var notes: [String] = []
        let missing = series.count - series.observedCount
        if missing > 0 {
            notes.append(
                "\(missing) missing value\(missing == 1 ? "" : "s") inside the series: the recursion carries the state through and skips the error")
        }
        // One value carries no information about the smoothing or the error variance.
        guard observed.count >= 2 else { throw TimeSeriesError.tooShort(series: series.name, needed: 2, got: observed.count) }
        if form == nil && observed.allSatisfy({ $0 == first }) {
            return [constantFit(series: series, value: first)]
        }
        var seasonalAllowed = m > 1 && series.count > m
        if m > ETS.maximumSeasonalPeriod {
            if form?.season ?? .none != .none {
                throw TimeSeriesError.unsuitable(series: series.name, reason: "seasonal ETS needs a period of at most \(ETS.maximumSeasonalPeriod)")
            }
            seasonalAllowed = false
            notes.append("seasonality ignored: period \(m) exceeds \(ETS.maximumSeasonalPeriod)")
        }
        if !seasonalAllowed { m = 1 }
        var setUp = SharedSetUp(values: series.values, m: m)
        let n = setUp.observedCount
        let forms: [Form]
        if let form {
            if form.season != .none && !seasonalAllowed {
                throw TimeSeriesError.unsuitable(series: series.name, reason: "\(form) needs a seasonal series longer than one season")
            }
            if restrict && form.isRestricted {
                throw TimeSeriesError.unsuitable(series: series.name, reason: "\(form) is numerically unstable and not fitted")
            }
            if !setUp.isPositive && form.hasMultiplicativeComponent {
                throw TimeSeriesError.unsuitable(series: series.name, reason: "\(form) needs positive values")
            }
            let needed = ETS.shortSeriesParameterCount(form, m: m) + 5
            if n < needed { throw TimeSeriesError.tooShort(series: series.name, needed: needed, got: n) }
            forms = [form]
        } else {
            // R's short-series rule: a form needs more than (its parameter count + 4) observations.
            let all = candidateForms(seasonal: seasonalAllowed, positive: setUp.isPositive)
            forms = all.filter { n > ETS.shortSeriesParameterCount($0, m: m) + 4 }
            if forms.count < all.count { notes.append("series too short for \(all.count - forms.count) of the \(all.count) candidate forms") }
            if forms.isEmpty { throw TimeSeriesError.tooShort(series: series.name, needed: 7, got: n) }
        }
        var fits: [FittedETS] = []
        for candidate in forms {
            let fitted =
                switch estimator {
                case .fast: fitFormFast(candidate, setUp: &setUp, series: series)
                case .likeR: fitFormLikeR(candidate, setUp: &setUp, series: series)
                }
            guard let fitted else { continue }
            fits.append(notes.isEmpty ? fitted : fitted.adding(notes: notes))
        }
        guard !fits.isEmpty else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "no ETS form could be estimated")
        }
        return fits
    }

    /// R's answer for a constant series: ETS(A,N,N) with α = 0.99999 and ℓ₀ the value.
    private func constantFit(series: TimeSeries, value: Double) -> FittedETS {
        let form = Form(error: .additive, trend: .none, season: .none)
        let setUp = SharedSetUp(values: series.values, m: 1)
        let fitted = makeFitted(
            form: form, m: 1, point: [0.99999, value], smoothingCount: 1, setUp: setUp, series: series,
            notes: ["constant series: simple exponential smoothing with alpha = 0.99999"])
        return fitted!
    }
}

extension FittedETS {
    func adding(notes extra: [String]) -> FittedETS {
        var copy = self
        copy.notes += extra
        return copy
    }
}
