/// One area's value of one measure in one year, with the numerator and denominator behind it
/// and its confidence intervals, or the reason an interval cannot be given.
public struct AreaObservation: Sendable {
    /// The published value (NaN when not published).
    public var value: Double
    /// Count behind the value: the count itself, the rate's count, or the percentage's
    /// numerator (re-referrals: the percentage × referrals / 100, rounded to a whole child).
    public var numerator: Double
    /// Population aged 0–17 at mid-(year − 1) for counts and rates; referrals for re-referrals.
    public var denominator: Double
    /// One interval per requested level, in the value's units; nil when it cannot be computed.
    public var intervals: [ConfidenceInterval?]
    /// The interval at the significance level.
    public var significanceInterval: ConfidenceInterval?
    /// The 95% interval, which the Fingertips trend test weights by.
    public var interval95: ConfidenceInterval?
    /// Why there is no interval (empty when there is one).
    public var note: String

    /// The observation of `measure` for `area` in `year`.
    public init(data: AreaData, area: Int, year: Int, measure: Measure, options: ComparisonOptions) {
        value = data.value(area: area, year: year, measure: measure.name)
        intervals = Array(repeating: nil, count: options.confidenceLevels.count)
        significanceInterval = nil
        interval95 = nil
        note = ""
        let population = data.population(area: area, year: year - 1)
        switch measure.kind {
        case .count:
            numerator = value
            denominator = population
        case .rate:
            numerator = measure.countMeasure.map { data.value(area: area, year: year, measure: $0) } ?? .nan
            denominator = population
        case .percentage:
            denominator = measure.countMeasure.map { data.value(area: area, year: year, measure: $0) } ?? .nan
            numerator = (value / 100 * denominator).rounded()
        }
        guard value.isFinite else {
            numerator = measure.kind == .count ? .nan : numerator
            note = "no published value"
            return
        }
        let interval: (Double) -> ConfidenceInterval?
        switch measure.kind {
        case .count:
            interval = { [value] in CountInterval.phe(count: value, confidence: $0) }
        case .rate:
            guard numerator.isFinite else {
                note = "no published count for the numerator"
                return
            }
            guard denominator.isFinite, denominator > 0 else {
                note = "no population aged 0-17 for mid-\(year - 1)"
                return
            }
            interval = { [numerator, denominator] in
                CountInterval.rate(count: numerator, denominator: denominator, multiplier: measure.multiplier, confidence: $0)
            }
        case .percentage:
            guard denominator.isFinite, denominator > 0 else {
                numerator = .nan
                note = "no published \(measure.countMeasure ?? "denominator")"
                return
            }
            interval = { [numerator, denominator] in
                ProportionInterval.wilson(successes: numerator, trials: denominator, confidence: $0).scaled(by: measure.multiplier)
            }
        }
        intervals = options.confidenceLevels.map(interval)
        func atLevel(_ level: Double) -> ConfidenceInterval? {
            if let index = options.confidenceLevels.firstIndex(of: level) { return intervals[index] }
            return interval(level)
        }
        significanceInterval = atLevel(options.significanceLevel)
        interval95 = options.significanceLevel == 0.95 ? significanceInterval : atLevel(0.95)
    }
}
