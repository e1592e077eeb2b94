/// Whose prediction intervals a forecast reports (`--intervals`).
public enum IntervalMethod: String, CaseIterable, Sendable, Hashable {
    /// The model's own intervals.
    case model
    /// Conformal intervals from the series' own rolling-origin errors (``ConformalIntervals``).
    case conformal
    /// The registered default of the model's family: conformal where the family's own
    /// intervals under-cover on M3 monthly (auto, theta, ARIMA, ensembles: 73–77% and 88–92%
    /// for nominal 80% and 95%), the model's own otherwise (ETS covers 79.6% and 93.8%; the
    /// baselines' intervals are R's).
    case `default`

    /// Whether forecasts of `specification`, built from `catalogue`, get the pipeline's
    /// conformal intervals under this method.
    ///
    /// Not where a model trained on the batch forecasts (`global`, `auto:global`, and `auto`
    /// once trained on a batch): the global model's intervals are conformal already, on its
    /// own held-out windows, and `auto`'s member is calibrated inside the combination;
    /// rolling-origin refits of a model trained on the whole batch would see the future.
    public func isConformal(for specification: ModelSpecification, in catalogue: ModelCatalogue = .standard) -> Bool {
        let calibratedByBatch = specification.forecastsWithBatchModel(in: catalogue)
        switch self {
        case .model: return false
        case .conformal: return !calibratedByBatch
        case .default: return ModelCatalogue.registration(of: specification.family).conformalByDefault && !calibratedByBatch
        }
    }
}
