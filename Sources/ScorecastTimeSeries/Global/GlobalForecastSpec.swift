import ScorecastCore

/// `--model global` for one series: forecasts it with a global model trained on the batch
/// (``GlobalModel``), the per-series step after the batch's training step
/// (``ForecastPipeline/training(on:jobs:options:)``).
///
/// Where the model cannot serve the series, the naive method stands in and the fit says why
/// (``ModelFallback/Reason/globalWindowUnavailable(_:)``: fewer periods than the window's
/// minimum, or no level, every recent value missing or zero;
/// ``ModelFallback/Reason/globalModelUntrained(_:)``: the batch could not train a model). A
/// constant series is forecast by the model like any other (its window is all ones).
public struct GlobalForecastSpec: ForecastModelSpec {
    /// The trained model, or why training failed; `nil` before the batch's training step.
    public let trained: Result<GlobalModel, GlobalModelError>?

    public init(trained: Result<GlobalModel, GlobalModelError>?) {
        self.trained = trained
    }

    public var name: String { ModelFamily.global.rawValue }

    /// The global model's forecast of `series`, or naive with the reason (before any training
    /// step, ``GlobalModelError/notTrained``: the spec alone cannot learn across series).
    ///
    /// - Throws: ``TimeSeriesError`` when even naive cannot be fitted (no observed value).
    public func fit(_ series: TimeSeries) throws -> AnyFittedForecastModel {
        switch trained ?? .failure(.notTrained) {
        case .failure(let error):
            return AnyFittedForecastModel(FallbackFittedModel(base: try Naive().fit(series), reason: .globalModelUntrained(error)))
        case .success(let model):
            do {
                let window = try GlobalWindow(lastOf: series, settings: model.settings)
                return AnyFittedForecastModel(FittedGlobalModel(series: series, model: model, window: window))
            } catch {
                return AnyFittedForecastModel(FallbackFittedModel(base: try Naive().fit(series), reason: .globalWindowUnavailable(error)))
            }
        }
    }
}

/// The global model applied to one series.
public struct FittedGlobalModel: FittedForecastModel {
    public let series: TimeSeries
    /// The batch's model.
    public let model: GlobalModel
    /// The series' last window.
    public let window: GlobalWindow

    public var description: String {
        let recursive = model.recursive.map { " + a recursive booster × \($0.parameters.trees) trees" } ?? ""
        return "global(XGBoost, \(model.settings.horizon) boosters × \(model.parameters.trees) trees\(recursive), \(model.trainingSeries) series)"
    }

    /// No one-step in-sample fit: the model forecasts from the end of the series only.
    public var fittedValues: [Double] { Array(repeating: .nan, count: series.count) }

    /// Level, trend and season are what the windows show the trees; the model has no explicit
    /// component.
    public var terms: ModelTerms { [.level, .trend, .season] }

    public var notes: [String] {
        [
            "global model trained on \(model.trainingSeries) series; intervals conformal on \(model.calibrationScores[0].count) held-out windows per step"
        ]
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        precondition(horizon <= model.settings.horizon, "The global model forecasts at most \(model.settings.horizon) steps")
        let result: (mean: [Double], intervals: [PredictionInterval])
        do {
            result = try model.forecast(series, horizon: horizon, levels: levels)
        } catch {
            // The window was built at fit time and XGBoost predicted on the same booster when
            // it was trained: a failure here is a broken library, not bad data.
            preconditionFailure("XGBoost could not predict: \(error)")
        }
        // Counts are never forecast negative (as the pipeline would bound them), also when the
        // forecast is a member of a combination (`auto:global`) that averages bounds.
        return Forecast(start: series.end.advanced(by: 1), mean: result.mean, intervals: result.intervals, model: description)
            .flooredAtZero(ifNonNegative: series)
    }
}
