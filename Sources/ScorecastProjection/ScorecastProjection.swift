/// Demand projection for children's services caseloads.
///
/// A caseload (children looked after, children on a child protection plan, children in need)
/// is a stock that moves by monthly flows: `stock(t+1) = stock(t) + starts(t) − ends(t)`.
/// ``StockFlowProjection`` forecasts the flows (starts as counts, ends as an exit rate on the
/// stock) and simulates Monte Carlo paths, so that every month of the projection has a mean
/// and prediction intervals for stock, starts and ends, under a baseline and under scenarios.
/// ``PopulationProjection`` does the annual, prevalence-based version, and ``Consequences``
/// turns caseloads into cost and social workers.
public enum ScorecastProjection {}
