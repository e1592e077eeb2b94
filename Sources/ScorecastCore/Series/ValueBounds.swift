/// What values a series can take, and so where its forecasts are bounded.
///
/// Decided by what the series measures (an indicator's unit), not by the model: every model's
/// means and interval bounds are brought inside the same bounds by the forecasting pipeline.
public enum ValueBounds: Sendable, Hashable {
    /// No bounds (a series that can go negative, such as a change).
    case unbounded
    /// Counts, caseloads and rates: floored at zero when the series has observed values and
    /// none is negative (a series with a negative value is left unbounded). The default.
    case nonNegativeIfObservedSo
    /// Percentages: within 0 to 100.
    case percentage
}
