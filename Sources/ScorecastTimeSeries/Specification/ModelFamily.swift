/// The model families the command line can name: the part of `--model NAME[:OPTIONS]` before
/// the colon.
///
/// The raw values are the names users type; they are written here and nowhere else above the
/// families themselves. What each family is (its summary, whether `auto` may choose it, whose
/// intervals it reports by default, how its options are parsed) is registered once, in
/// `ModelCatalogue+Registered.swift`.
public enum ModelFamily: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// The default: a combination of ETS, theta and ARIMA (``Ensemble/automatic(catalogue:fallback:)``).
    case automatic = "auto"
    /// The last observed value.
    case naive
    /// The value one season earlier.
    case seasonalNaive = "snaive"
    /// The last value plus the average change.
    case drift
    /// The mean of the observed values.
    case mean
    /// Naive on the seasonally adjusted series (the M3/M4 benchmark).
    case naive2
    /// Exponential smoothing state-space models.
    case ets
    /// The theta family.
    case theta
    /// Seasonal ARIMA.
    case arima
    /// A combination of named members.
    case ensemble
    /// The calendar-aware generalised linear model.
    case glm
    /// The global gradient-boosted model, trained across the batch (``GlobalModel``).
    case global

    /// The name the command line uses.
    public var description: String { rawValue }
}
