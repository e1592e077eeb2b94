/// A two-sided confidence interval and the method that produced it.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower limit.
    public var lower: Double
    /// The upper limit.
    public var upper: Double
    /// How the limits were computed.
    public var method: IntervalMethod

    public init(lower: Double, upper: Double, method: IntervalMethod) {
        self.lower = lower
        self.upper = upper
        self.method = method
    }

    /// The interval with both limits multiplied by `factor` (a count turned into a rate).
    public func scaled(by factor: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower * factor, upper: upper * factor, method: method)
    }

    /// Whether `value` lies within the closed interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}

/// The interval methods of PHE's `PHEindicatormethods`, named as its documentation names them.
public enum IntervalMethod: String, Sendable, CaseIterable {
    /// Wilson score interval for a proportion.
    case wilson
    /// Byar's approximation to the exact Poisson interval, used for counts of 10 or more.
    case byar
    /// The exact (Garwood, chi-squared based) Poisson interval, used for counts below 10.
    case exactPoisson = "exact_poisson"
}
