extension ThetaFamily {
    /// The `theta[:option]` spec of the model catalogue: the theta model, or the naive method
    /// where the series is too short or otherwise unfit for it (the fitted model says so).
    static func catalogueSpec(option: String?) throws -> AnyForecastModelSpec {
        .fallingBackToNaive(try spec(option: option))
    }
}
