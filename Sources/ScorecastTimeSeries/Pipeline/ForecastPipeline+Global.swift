import ScorecastCore
import ScorecastNumerics

extension ModelSpecification {
    /// Whether the model learns across the batch (`global`, `auto`, `auto:global`; not
    /// `auto:local`): its pipeline is trained on every series before any is forecast
    /// (``ForecastPipeline/training(on:jobs:options:)``).
    public var trainsOnBatch: Bool {
        family == .global || automaticVariant?.trainsOnBatch == true
    }

    /// Whether forecasts come from the global model whatever the batch (`global`,
    /// `auto:global`); plain `auto` does only once trained on a batch of at least
    /// ``GlobalCombination/minimumBatchForAutomatic`` series.
    var alwaysUsesGlobalModel: Bool {
        family == .global || automaticVariant?.alwaysUsesGlobalModel == true
    }

    /// Whether forecasts of this model, built from `catalogue`, come from a model trained on
    /// the batch (`global`, `auto:global`, and plain `auto` once the catalogue holds a trained
    /// or failed global model): the one place that decides it, for the `auto` registry entry
    /// (which builds the combination) and ``IntervalMethod/isConformal(for:in:)`` (which then
    /// leaves the calibration to the combination, as a second one would see the future).
    func forecastsWithBatchModel(in catalogue: ModelCatalogue) -> Bool {
        alwaysUsesGlobalModel || (trainsOnBatch && catalogue.trainedGlobalModel != nil)
    }
}

extension ForecastPipeline {
    /// Whether this pipeline must be trained on the batch before it forecasts.
    public var needsBatchTraining: Bool { specification.trainsOnBatch && catalogue.trainedGlobalModel == nil }

    /// The batch-training step of a model that learns across series (`global`): trains the
    /// global model on every series of `batch` and returns the pipeline that forecasts each
    /// series with it, with `options` (windows, boosters, cap). Training randomness comes from
    /// the options' seed, or else the pipeline's; `jobs` boosters grow at once (the model does
    /// not depend on `jobs`).
    ///
    /// When the batch cannot train a model (too short, mixed calendars), every series' fit
    /// falls back to naive saying why (``ModelFallback/Reason/globalModelUntrained(_:)``); in
    /// `auto` and `auto:global` the series gets `auto` alone, its notes saying why. Plain `auto`
    /// trains nothing on a batch of fewer than ``GlobalCombination/minimumBatchForAutomatic``
    /// series (``GlobalModelError/batchTooSmall(series:minimum:)``).
    public func training(on batch: [TimeSeries], jobs: Int = 1, options: GlobalTrainingOptions = GlobalTrainingOptions()) -> ForecastPipeline {
        guard specification.trainsOnBatch else { return self }
        if let tooSmall = batchTooSmall(series: batch.count) { return with(globalModel: .failure(tooSmall)) }
        let trainingSeed = options.seed ?? seed
        var generator = Xoshiro256StarStar(seed: trainingSeed)
        var parameters = options.parameters
        parameters.seed = trainingSeed
        var recursive = options.recursive
        recursive?.parameters.seed = trainingSeed
        let frequency = batch.first?.frequency ?? .monthly
        let result = Result { () throws(GlobalModelError) -> GlobalModel in
            try GlobalModel.train(
                on: batch, settings: options.settings(horizon: horizon, frequency: frequency), parameters: parameters,
                maximumRowsPerStep: options.maximumRowsPerStep, recursive: recursive, jobs: jobs, using: &generator)
        }
        return with(globalModel: result)
    }

    /// The pipeline forecasting with `model` (read with `--global-model`), without training;
    /// for plain `auto`, only a model trained on at least
    /// ``GlobalCombination/minimumBatchForAutomatic`` series joins.
    ///
    /// - Throws: ``GlobalModelError/horizonBeyondModel(model:asked:)`` when the pipeline's
    ///   horizon exceeds the model's.
    public func using(_ model: GlobalModel) throws(GlobalModelError) -> ForecastPipeline {
        guard horizon <= model.settings.horizon else { throw .horizonBeyondModel(model: model.settings.horizon, asked: horizon) }
        // Plain `auto` combines a model learnt across as many series as it would train on.
        if let tooSmall = batchTooSmall(series: model.trainingSeries) { return with(globalModel: .failure(tooSmall)) }
        return with(globalModel: .success(model))
    }

    /// The trained model, once ``training(on:jobs:options:)`` or
    /// ``using(_:)`` has run; `nil` before, or when training failed.
    public var globalModel: GlobalModel? { try? catalogue.trainedGlobalModel?.result.get() }

    /// Why there is no trained model after ``training(on:jobs:options:)`` or ``using(_:)``;
    /// `nil` before them, or when there is one.
    public var globalModelError: GlobalModelError? {
        guard case .failure(let error)? = catalogue.trainedGlobalModel?.result else { return nil }
        return error
    }

    /// ``GlobalModelError/batchTooSmall(series:minimum:)`` when plain `auto` would learn
    /// across only `series` series, fewer than ``GlobalCombination/minimumBatchForAutomatic``.
    private func batchTooSmall(series: Int) -> GlobalModelError? {
        let minimum = GlobalCombination.minimumBatchForAutomatic
        return !specification.alwaysUsesGlobalModel && series < minimum ? .batchTooSmall(series: series, minimum: minimum) : nil
    }

    private func with(globalModel: Result<GlobalModel, GlobalModelError>) -> ForecastPipeline {
        var catalogue = catalogue
        catalogue.trainedGlobalModel = TrainedGlobalModel(globalModel, horizon: horizon, calibratesAutomatic: intervals != .model)
        do {
            return try ForecastPipeline(specification, horizon: horizon, levels: levels, intervals: intervals, catalogue: catalogue, seed: seed)
        } catch {
            preconditionFailure("a pipeline's specification built once builds again: \(error)")
        }
    }
}
