import ScorecastData

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
    ///
    /// The numerator and denominator are the catalogue's (``Measure/numerator``,
    /// ``Measure/denominator``; `population_0_17` is the population at mid-(year − 1)). Counts
    /// are their own numerator; a percentage without a numerator measure has value ×
    /// denominator / multiplier, rounded to a whole child. Where the catalogue gives no
    /// numerator or denominator, or the data hold none for this year, the intervals are empty
    /// and ``note`` says why; a value missing for a reason the source gave (a suppressed cell)
    /// says that reason.
    public init(data: AreaData, area: Int, year: Int, measure: Measure, options: ComparisonOptions) {
        value = data.value(area: area, year: year, measure: measure.name)
        intervals = Array(repeating: nil, count: options.confidenceLevels.count)
        significanceInterval = nil
        interval95 = nil
        note = ""
        func lookup(_ name: String?) -> Double {
            guard let name else { return .nan }
            if name == Measure.populationDenominator { return data.population(area: area, year: year - 1) }
            return data.value(area: area, year: year, measure: name)
        }
        switch measure.kind {
        case .count:
            numerator = value
            denominator = lookup(measure.denominator)
        case .rate, .number:
            numerator = lookup(measure.numerator)
            denominator = lookup(measure.denominator)
        case .percentage:
            denominator = lookup(measure.denominator)
            numerator = measure.numerator == nil ? (value / measure.multiplier * denominator).rounded() : lookup(measure.numerator)
        }
        guard value.isFinite else {
            numerator = measure.kind == .count ? .nan : numerator
            note = data.missingReason(area: area, year: year, measure: measure.name).map { "not published: " + $0 } ?? "no published value"
            return
        }
        let missingDenominator =
            measure.denominator == Measure.populationDenominator
            ? "no population aged 0-17 for mid-\(year - 1)" : "no published \(measure.denominator ?? "denominator")"
        let interval: (Double) -> ConfidenceInterval?
        switch measure.kind {
        case .count:
            interval = { [value] in CountInterval.phe(count: value, confidence: $0) }
        case .rate, .number:
            guard measure.hasIntervalInputs else {
                note = "no interval: the measures catalogue gives no numerator and denominator for \(measure.name)"
                return
            }
            guard numerator.isFinite else {
                note = "no published count for the numerator"
                return
            }
            guard denominator.isFinite, denominator > 0 else {
                note = missingDenominator
                return
            }
            interval = { [numerator, denominator] in
                CountInterval.rate(count: numerator, denominator: denominator, multiplier: measure.multiplier, confidence: $0)
            }
        case .percentage:
            guard measure.hasIntervalInputs else {
                numerator = .nan
                note = "no interval: the measures catalogue gives no denominator for \(measure.name)"
                return
            }
            guard denominator.isFinite, denominator > 0 else {
                numerator = .nan
                note = missingDenominator
                return
            }
            guard numerator.isFinite else {
                note = "no published count for the numerator"
                return
            }
            guard numerator >= 0, numerator <= denominator else {
                note = "no interval: numerator \(CSVNumber.format(numerator)) is not between 0 and the denominator \(CSVNumber.format(denominator))"
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
