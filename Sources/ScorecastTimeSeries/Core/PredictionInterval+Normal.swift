import ScorecastNumerics

extension PredictionInterval {
    /// The central `level`% interval of a normal predictive distribution at every step:
    /// `mean ± z · standardError` with z the `0.5 + level/200` standard normal quantile.
    ///
    /// A `NaN` standard error gives `NaN` bounds (no interval can be stated).
    public static func normal(level: Double, mean: [Double], standardErrors: [Double]) -> PredictionInterval {
        precondition(mean.count == standardErrors.count, "One standard error per step")
        let z = Normal.standardQuantile(0.5 + level / 200)
        return PredictionInterval(
            level: level,
            lower: zip(mean, standardErrors).map { $0 - z * $1 },
            upper: zip(mean, standardErrors).map { $0 + z * $1 }
        )
    }
}
