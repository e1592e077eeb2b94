import ScorecastCore

/// `auto:global`: a weighted combination of `auto` (its ensemble with its own conformal
/// intervals) and the global model trained on the batch, with the combined intervals narrowed.
///
/// Means: `w · global + (1 − w) · auto`, step by step. Intervals: the same weighted average of
/// the two members' bounds (quantile averaging), then each bound's distance from the combined
/// mean multiplied by `intervalScale`: averaging two calibrated intervals over-covers when the
/// combined mean is more accurate than either member. Where the global model stands naive in
/// for a series (too short, no level, no model) or cannot be fitted, the series gets `auto`
/// alone, and the other way round; the notes say which.
///
/// Both numbers were chosen on the validation split of M3 monthly (each training series' last
/// 18 months held out), never on test periods: `w` = 0.4 had the lowest sMAPE among 0.3–0.7
/// (13.41), and the scale 0.9 brought the combination's 83.0% / 96.3% coverage to 79.8% /
/// 95.1% (`scripts/benchmarks/global-combine.py`; `docs/engineering-notes/issue-24.md`).
///
/// - Reference: forecast combination (J. M. Bates and C. W. J. Granger, "The combination of
///   forecasts", Operational Research Quarterly 20(4), 1969); quantile averaging of
///   intervals (Y. Grushka-Cockayne and V. R. R. Jose, "Combining prediction intervals in the
///   M4 competition", IJF 36(1), 2020).
public struct GlobalCombination: ForecastModelSpec {
    /// The per-series ensemble (`auto`), calibrated.
    public var automatic: AnyForecastModelSpec
    /// The global model's per-series spec.
    public var global: AnyForecastModelSpec
    /// The global model's weight w, in [0, 1].
    public var globalWeight: Double
    /// The factor on the combined intervals' half-widths, in (0, ∞).
    public var intervalScale: Double

    /// The weight chosen on the M3 monthly validation split.
    public static let validatedGlobalWeight = 0.4
    /// The interval scale chosen on the M3 monthly validation split.
    public static let validatedIntervalScale = 0.9
    /// The fewest series a batch needs for plain `auto` to train the global model and combine
    /// it (`auto:global` combines it on any batch; `auto:local` never): the smallest batch size
    /// at which the combination beat `auto` alone on sMAPE and MASE at both validation origins
    /// of M3 monthly, with `global` trained on each batch alone
    /// (`docs/engineering-notes/issue-24.md`, fourth pass).
    public static let minimumBatchForAutomatic = 51

    public init(
        automatic: AnyForecastModelSpec, global: AnyForecastModelSpec, globalWeight: Double = validatedGlobalWeight,
        intervalScale: Double = validatedIntervalScale
    ) {
        precondition((0...1).contains(globalWeight), "The global model's weight is in [0, 1]")
        precondition(intervalScale > 0 && intervalScale.isFinite, "The interval scale is a positive factor")
        self.automatic = automatic
        self.global = global
        self.globalWeight = globalWeight
        self.intervalScale = intervalScale
    }

    public var name: String { "auto:global" }

    /// Fits both members; one alone where the other cannot serve the series.
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` when neither can be fitted.
    public func fit(_ series: TimeSeries) throws -> AnyFittedForecastModel {
        var failures: [String] = []
        var automaticFit: AnyFittedForecastModel?
        var globalFit: AnyFittedForecastModel?
        do { automaticFit = try automatic.fit(series) } catch { failures.append("\(automatic.name): \(error)") }
        do { globalFit = try global.fit(series) } catch { failures.append("\(global.name): \(error)") }
        switch (automaticFit, globalFit) {
        case (let automaticFit?, let globalFit?):
            // A member that stood naive in for itself is left out, unless both did (as
            // ``Ensemble`` leaves out stand-ins).
            switch (automaticFit.fallback, globalFit.fallback) {
            case (nil, .some(let fallback)):
                return AnyFittedForecastModel(NotedFit(base: automaticFit, extraNotes: ["global model left out: \(fallback.reason)"]))
            case (.some(let fallback), nil):
                return AnyFittedForecastModel(NotedFit(base: globalFit, extraNotes: ["auto left out: \(fallback.reason)"]))
            default:
                break
            }
            return AnyFittedForecastModel(
                FittedGlobalCombination(
                    automatic: automaticFit, global: globalFit, globalWeight: globalWeight, intervalScale: intervalScale))
        case (let only?, nil), (nil, let only?):
            return AnyFittedForecastModel(NotedFit(base: only, extraNotes: ["left out of auto:global: " + failures.joined(separator: "; ")]))
        case (nil, nil):
            throw TimeSeriesError.unsuitable(
                series: series.name, reason: "neither auto nor the global model could be fitted (\(failures.joined(separator: "; ")))")
        }
    }
}

/// The fitted members of a ``GlobalCombination``.
public struct FittedGlobalCombination: FittedForecastModel {
    public let automatic: AnyFittedForecastModel
    public let global: AnyFittedForecastModel
    public let globalWeight: Double
    public let intervalScale: Double

    public var series: TimeSeries { automatic.series }
    public var description: String {
        "\(1 - globalWeight) × \(automatic.description) + \(globalWeight) × \(global.description)"
    }
    public var terms: ModelTerms { automatic.terms.union(global.terms) }
    public var notes: [String] {
        [automatic, global].flatMap { member in member.notes.map { "\(member.description): \($0)" } }
    }
    /// ``ModelFallback/Reason/everyMemberFellBack`` when both members are stand-ins.
    public var fallback: ModelFallback? {
        automatic.fallback != nil && global.fallback != nil ? ModelFallback(reason: .everyMemberFellBack, standIn: description) : nil
    }

    /// The members' fitted values combined where both have one.
    public var fittedValues: [Double] {
        zip(automatic.fittedValues, global.fittedValues).map { combined($1, $0) }
    }

    private func combined(_ globalValue: Double, _ automaticValue: Double) -> Double {
        globalWeight * globalValue + (1 - globalWeight) * automaticValue
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let first = automatic.forecast(horizon: horizon, levels: levels, using: &generator)
        let second = global.forecast(horizon: horizon, levels: levels, using: &generator)
        let mean = (0..<horizon).map { combined(second.mean[$0], first.mean[$0]) }
        let intervals = levels.indices.map { index in
            let a = first.intervals[index], g = second.intervals[index]
            return PredictionInterval(
                level: levels[index],
                lower: (0..<horizon).map { mean[$0] + intervalScale * (combined(g.lower[$0], a.lower[$0]) - mean[$0]) },
                upper: (0..<horizon).map { mean[$0] + intervalScale * (combined(g.upper[$0], a.upper[$0]) - mean[$0]) })
        }
        return Forecast(start: series.end.advanced(by: 1), mean: mean, intervals: intervals, model: description)
            .flooredAtZero(ifNonNegative: series)
    }
}
