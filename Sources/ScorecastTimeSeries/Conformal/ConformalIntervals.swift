import Foundation
import ScorecastCore
import ScorecastNumerics

/// Prediction intervals calibrated on the series' own rolling-origin forecast errors
/// (`--intervals conformal`), around any model.
///
/// Calibration: the model is refitted at `origins` forecast origins inside the series, each
/// leaving a full window of `calibrationHorizon` periods after it (origins spread evenly over
/// the available history, at most half a season apart). Every forecast error `eₒⱼ` (origin `o`,
/// step `j`) is scaled by the model's own standard error for that step, `sₒⱼ` (its 80% interval
/// half-width over z₀.₉), giving the nonconformity score `|eₒⱼ| / sₒⱼ`. The interval at level
/// L is then `mean ± q_L sⱼ`, where `q_L` is the split-conformal quantile of the scores (the
/// ⌈(N + 1) L⌉-th smallest of N) and `sⱼ` the final fit's standard error at step `j`. The
/// per-step scaling keeps the model's growth of uncertainty with the horizon; the calibration
/// fixes its overall level, which model-based intervals typically get wrong (R's `thetaf`
/// covers 75% and 90% on M3 monthly where it claims 80% and 95%).
///
/// With ``Policy/whereUnderCovering`` the conformal interval is used only for the levels at
/// which the model's own interval under-covered the calibration errors (`q_L > z_L`), so
/// well-calibrated models keep theirs. When the series is too short to calibrate, the model's
/// intervals are kept and the fit says so.
///
/// References: V. Vovk, A. Gammerman, G. Shafer, *Algorithmic Learning in a Random World*,
/// Springer 2005 (split conformal prediction); H. Papadopoulos et al., "Normalized
/// nonconformity measures for regression conformal prediction", 2008 (scaled scores);
/// K. Stankeviciute, A. Alaa, M. van der Schaar, "Conformal time-series forecasting",
/// NeurIPS 2021 (calibration on forecast horizons); L. J. Tashman, "Out-of-sample tests of
/// forecasting accuracy", IJF 16(4), 2000 (rolling origins).
public struct ConformalIntervals: ForecastModelSpec {
    /// When the calibrated interval replaces the model's.
    public enum Policy: String, Sendable, CaseIterable {
        /// Always.
        case always
        /// Only at levels where the model's interval under-covered in calibration.
        case whereUnderCovering
    }

    /// The model whose intervals are calibrated.
    public var base: AnyForecastModelSpec
    /// Length of each calibration window (the forecast horizon the intervals are for).
    public var calibrationHorizon: Int
    /// Number of forecast origins.
    public var origins: Int
    /// When to replace the model's interval.
    public var policy: Policy
    /// How the model is brought to each origin.
    public var calibration: Calibration
    /// Factor applied to every score: `.constant(1)` takes the errors as they are; above 1
    /// corrects for errors known to be optimistic (refiltered ones, whose parameters saw the
    /// data after the origin).
    public var scoreInflation: ScoreInflation
    /// Exponent κ of the tail correction: the interval at level L is widened by
    /// `(z_L / z₀.₉)^κ` (1 at 80%, more at higher levels), for calibrated and uncalibrated
    /// intervals alike; 0 leaves them as they are. Forecast errors have heavier tails than a
    /// few hundred overlapping calibration errors show, so their high quantiles come out low.
    public var tailExponent: Double

    /// How the model forecasting from each calibration origin is obtained.
    public enum Calibration: String, Sendable, CaseIterable {
        /// Estimated afresh on the history up to the origin: honest errors, one full fit per
        /// origin.
        case refit
        /// The full fit's form and parameters kept, only its filter rerun on the history up to
        /// the origin (``RefilterableFittedModel``): one pass of the recursion per origin; the
        /// model is refitted where it cannot be refiltered.
        case refilter
    }

    public init(
        base: AnyForecastModelSpec, calibrationHorizon: Int, origins: Int = 10, policy: Policy = .always, calibration: Calibration = .refit,
        scoreInflation: ScoreInflation = .constant(1), tailExponent: Double = 0
    ) {
        precondition(calibrationHorizon >= 1 && origins >= 1, "Calibration needs a horizon and at least one origin")
        precondition(scoreInflation.isValid, "The score inflation is a positive factor")
        precondition(tailExponent >= 0 && tailExponent.isFinite, "The tail exponent is a non-negative number")
        self.base = base
        self.calibrationHorizon = calibrationHorizon
        self.origins = origins
        self.policy = policy
        self.calibration = calibration
        self.scoreInflation = scoreInflation
        self.tailExponent = tailExponent
    }

    public var name: String { base.name }

    /// The z-value of the reference (80%) interval that scales errors.
    static let referenceLevel = 80.0

    /// The forecast origins used for a series of `count` values: as many as `origins` (fewer
    /// when history is short), the last `horizon` periods after the latest, each leaving at
    /// least `minimumTraining` values to fit on. Empty when none fits.
    public static func originIndices(count: Int, horizon: Int, origins: Int, seasonalPeriod: Int) -> [Int] {
        let minimumTraining = Swift.max(2 * seasonalPeriod + 1, 8)
        let latest = count - horizon
        guard latest >= minimumTraining else { return [] }
        let available = latest - minimumTraining
        let stride = origins > 1 ? Swift.min(Swift.max(1, available / (origins - 1)), Swift.max(1, seasonalPeriod / 2)) : 1
        return (0..<origins).map { latest - $0 * stride }.filter { $0 >= minimumTraining }
    }

    public func fit(_ series: TimeSeries) throws -> FittedConformal {
        let fitted = try base.fit(series)
        let zReference = Normal.standardQuantile(0.5 + Self.referenceLevel / 200)
        var scores: [Double] = []
        var failedOrigins = 0
        var refittedOrigins = 0
        let originIndices = Self.originIndices(
            count: series.count, horizon: calibrationHorizon, origins: origins, seasonalPeriod: series.seasonalPeriod)
        let inflation = scoreInflation.factor(count: series.observedCount, seasonalPeriod: series.seasonalPeriod)
        for origin in originIndices {
            let prefix = series.prefix(origin)
            var model: AnyFittedForecastModel? = calibration == .refilter ? fitted.refiltered(to: prefix) : nil
            if model == nil {
                model = try? base.fit(prefix)
                if calibration == .refilter && model != nil { refittedOrigins += 1 }
            }
            guard let model else {
                failedOrigins += 1
                continue
            }
            let forecast = model.forecast(horizon: calibrationHorizon, levels: [Self.referenceLevel])
            let interval = forecast.intervals[0]
            for step in 0..<calibrationHorizon {
                let actual = series.values[origin + step]
                guard !actual.isNaN, forecast.mean[step].isFinite else { continue }
                let scale = Self.scale(lower: interval.lower[step], upper: interval.upper[step], z: zReference, step: step)
                scores.append(inflation * abs(actual - forecast.mean[step]) / scale)
            }
        }
        scores.sort()
        var notes: [String] = []
        if scores.isEmpty {
            notes.append(
                "conformal intervals need \(calibrationHorizon) periods after at least one origin with enough history: the model's own intervals are kept"
            )
        } else {
            let originCount = originIndices.count - failedOrigins
            var how = ""
            if calibration == .refilter {
                how =
                    refittedOrigins == 0
                    ? "; the model refiltered at each origin, its parameters kept"
                    : "; the model refiltered at each origin, its parameters kept (refitted at \(refittedOrigins))"
            }
            if inflation != 1 {
                how += "; errors scaled by \((inflation * 100).rounded() / 100) for their optimism"
            }
            notes.append("intervals calibrated on \(scores.count) rolling-origin errors (\(originCount) origins × \(calibrationHorizon) steps\(how))")
        }
        return FittedConformal(base: fitted, scores: scores, policy: policy, tailExponent: tailExponent, extraNotes: notes)
    }

    /// The model's standard error implied by an interval at `z`, or `√step` (in data units)
    /// when the interval has no width (a constant series), so no score is infinite.
    static func scale(lower: Double, upper: Double, z: Double, step: Int) -> Double {
        let scale = (upper - lower) / (2 * z)
        return scale.isFinite && scale > 0 ? scale : Double(step + 1).squareRoot() * 1e-9
    }
}

/// A fitted model with conformally calibrated intervals.
public struct FittedConformal: FittedForecastModel {
    /// The model fitted to the whole series.
    public let base: AnyFittedForecastModel
    /// Sorted nonconformity scores from calibration (empty: none could be made).
    public let scores: [Double]
    /// When the calibrated interval replaces the model's.
    public let policy: ConformalIntervals.Policy
    /// The tail correction's exponent (``ConformalIntervals/tailExponent``).
    public let tailExponent: Double
    let extraNotes: [String]

    init(base: AnyFittedForecastModel, scores: [Double], policy: ConformalIntervals.Policy, tailExponent: Double = 0, extraNotes: [String]) {
        self.base = base
        self.scores = scores
        self.policy = policy
        self.tailExponent = tailExponent
        self.extraNotes = extraNotes
    }

    /// The tail correction's factor at `level`: `(z_L / z₀.₉)^κ`, 1 when κ = 0.
    public func tailFactor(level: Double) -> Double {
        guard tailExponent > 0 else { return 1 }
        let ratio = Normal.standardQuantile(0.5 + level / 200) / Normal.standardQuantile(0.5 + ConformalIntervals.referenceLevel / 200)
        return Foundation.pow(ratio, tailExponent)
    }

    public var series: TimeSeries { base.series }
    public var fittedValues: [Double] { base.fittedValues }
    public var terms: ModelTerms { base.terms }
    public var notes: [String] { base.notes + extraNotes }
    public var description: String { base.description }
    public var fallback: ModelFallback? { base.fallback }

    /// The split-conformal quantile of the scores at `level`: the ⌈(N + 1) L/100⌉-th smallest,
    /// the largest when that rank exceeds N (too few scores for the level).
    public func scoreQuantile(level: Double) -> Double {
        precondition(!scores.isEmpty, "No calibration scores")
        let rank = Int((Double(scores.count + 1) * level / 100).rounded(.up))
        return scores[Swift.min(scores.count, Swift.max(1, rank)) - 1]
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let requested = levels.contains(ConformalIntervals.referenceLevel) ? levels : levels + [ConformalIntervals.referenceLevel]
        var forecast = base.forecast(horizon: horizon, levels: requested, using: &generator)
        guard !scores.isEmpty else {
            let mean = forecast.mean
            forecast.intervals = levels.map { level in
                let own = forecast.interval(level: level)!
                let factor = tailFactor(level: level)
                guard factor != 1 else { return own }
                return PredictionInterval(
                    level: level,
                    lower: (0..<horizon).map { mean[$0] - factor * (mean[$0] - own.lower[$0]) },
                    upper: (0..<horizon).map { mean[$0] + factor * (own.upper[$0] - mean[$0]) })
            }
            return tailExponent > 0 ? forecast.flooredAtZero(ifNonNegative: series) : forecast
        }
        let zReference = Normal.standardQuantile(0.5 + ConformalIntervals.referenceLevel / 200)
        let reference = forecast.interval(level: ConformalIntervals.referenceLevel)!
        let scales = (0..<horizon).map { ConformalIntervals.scale(lower: reference.lower[$0], upper: reference.upper[$0], z: zReference, step: $0) }
        let modelIntervals = forecast.intervals
        forecast.intervals = levels.map { level in
            let quantile = scoreQuantile(level: level) * tailFactor(level: level)
            if policy == .whereUnderCovering && quantile <= Normal.standardQuantile(0.5 + level / 200) {
                return modelIntervals.first { abs($0.level - level) < 1e-9 }!
            }
            return PredictionInterval(
                level: level,
                lower: (0..<horizon).map { forecast.mean[$0] - quantile * scales[$0] },
                upper: (0..<horizon).map { forecast.mean[$0] + quantile * scales[$0] })
        }
        // Counts are never forecast negative.
        return forecast.flooredAtZero(ifNonNegative: series)
    }
}
