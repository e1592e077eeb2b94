import ScorecastCore

extension FittedLagWalk: RefilterableFittedModel {
    /// The walk has no estimated parameters beyond its drift and residual variance, which are
    /// the prefix's own: refiltering is fitting the same method (naive, seasonal naive or
    /// drift, with the same fallback rules) to `prefix`. `nil` when the prefix has no
    /// observation.
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        let refitted: FittedLagWalk?
        if lag > 1 {
            refitted = try? SeasonalNaive().fit(prefix)
        } else if drift != 0 || driftStandardError != 0 {
            refitted = try? Drift().fit(prefix)
        } else {
            refitted = try? Naive().fit(prefix)
        }
        return refitted.map { AnyFittedForecastModel($0) }
    }
}

extension FittedMean: RefilterableFittedModel {
    /// The mean of `prefix` (the method has nothing else to keep). `nil` when the prefix has
    /// no observation.
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        (try? MeanForecast().fit(prefix)).map { AnyFittedForecastModel($0) }
    }
}
