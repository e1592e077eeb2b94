extension ModelCatalogue {
    /// `auto:global`: ``GlobalCombination`` of `auto` (its ensemble with conformal intervals
    /// over the pipeline's horizon, exactly what `--model auto` forecasts) and the global model
    /// trained on the batch (``GlobalForecastSpec``, with its own held-out conformal
    /// intervals), weighted 0.6 and 0.4 with the intervals narrowed by 0.9, both chosen on the
    /// validation split of M3 monthly. The combination needs the batch's training step
    /// (``ModelSpecification/trainsOnBatch``), like `global`.
    func automaticWithGlobalSpec() -> AnyForecastModelSpec {
        let global = GlobalForecastSpec(trained: trainedGlobalModel?.result ?? .failure(.notTrained))
        let classic = automaticSpec()
        guard let trained = trainedGlobalModel, trained.calibratesAutomatic else {
            // Before the training step (a bare spec; the pipeline is trained before it
            // forecasts), or with `--intervals model`: auto with its own intervals.
            return AnyForecastModelSpec(GlobalCombination(automatic: classic, global: AnyForecastModelSpec(global)))
        }
        let calibrated = AnyForecastModelSpec(ConformalIntervals.default(for: .automatic, base: classic, horizon: trained.horizon))
        return AnyForecastModelSpec(GlobalCombination(automatic: calibrated, global: AnyForecastModelSpec(global)))
    }
}
