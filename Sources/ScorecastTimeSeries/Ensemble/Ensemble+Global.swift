extension ModelCatalogue {
    /// `auto:global`: the plain mean of `auto` (its ensemble with conformal intervals over the
    /// pipeline's horizon, exactly what `--model auto` forecasts) and the global model trained
    /// on the batch (``GlobalForecastSpec``, with its own held-out conformal intervals).
    /// Intervals are the mean of the two members' bounds (quantile averaging, as in
    /// ``Ensemble``). Where the global model falls back for a series (too short, no level, no
    /// model), the series gets `auto`'s forecast alone and the notes say why.
    ///
    /// Why the plain mean: on the validation split of M3 monthly (the last 18 training months
    /// held out) it was measured against weights of 0.3–0.7 on the global model
    /// (`docs/engineering-notes/issue-24.md`). The combination needs the batch's training step
    /// (``ModelSpecification/trainsOnBatch``), like `global`.
    func automaticWithGlobalSpec() -> AnyForecastModelSpec {
        let global = GlobalForecastSpec(trained: trainedGlobalModel?.result ?? .failure(.notTrained))
        let classic = automaticSpec()
        guard let horizon = trainedGlobalModel?.horizon else {
            // Before the training step: auto alone with the model's own intervals (the pipeline
            // is always trained before it forecasts; this is for a bare spec).
            return AnyForecastModelSpec(name: "auto:global") { try Ensemble(members: [classic, AnyForecastModelSpec(global)]).fit($0) }
        }
        let calibrated = AnyForecastModelSpec(ConformalIntervals.default(for: .automatic, base: classic, horizon: horizon))
        let ensemble = Ensemble(members: [calibrated, AnyForecastModelSpec(global)], combination: .mean)
        return AnyForecastModelSpec(name: "auto:global") { try ensemble.fit($0) }
    }
}
