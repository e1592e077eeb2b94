import ScorecastData

/// One measure of the comparator data, as a row of the measures catalogue (`measures.csv` in
/// the data folder; see ``MeasureCatalogue``): its name, kind, where its numerator and
/// denominator come from, its multiplier, its polarity, and the EES file and filters it was
/// imported from.
///
/// Polarity follows DfE's LAIT data dictionary (`01_data/02_prod/lait_data_dictionary.csv`):
/// re-referrals within 12 months are "Low" (lower is better); the demand volumes and rates
/// (referrals, S47 enquiries, ICPCs, CIN, CPP, CLA) carry no polarity ("-"), so they are
/// `neutral` and their significant differences read `higher`/`lower`.
public struct Measure: Sendable, Hashable {
    /// How the value relates to its numerator and denominator (the catalogue's `unit`).
    public enum Kind: String, Sendable, CaseIterable {
        /// A number of children (unit `count`); intervals are for the count (Byar / exact Poisson).
        case count
        /// A crude rate (unit `rate_per_10k`): numerator / denominator × multiplier (Byar / exact Poisson).
        case rate = "rate_per_10k"
        /// A percentage (unit `percent`): numerator / denominator × 100 (Wilson score).
        case percentage = "percent"
        /// Any other number (unit `number`: an average caseload, a turnover ratio). With a
        /// numerator and a denominator its interval is the rate's (Byar / exact Poisson on the
        /// numerator); without them it has none.
        case number
    }

    /// The name every denominator column uses for the ONS population aged 0–17 at
    /// mid-(year − 1) from the populations file, rather than a measure.
    public static let populationDenominator = "population_0_17"

    /// The measure's name in the data (`cla_31mar_rate_per_10k`, ...).
    public var name: String
    public var kind: Kind
    /// The measure whose values are the numerator, or nil: a count is its own numerator, and a
    /// percentage without one has the numerator value × denominator / multiplier, rounded to a
    /// whole child (what DfE's rounded percentages allow).
    public var numerator: String?
    /// The measure whose values are the denominator, ``populationDenominator``, or nil.
    public var denominator: String?
    /// 10,000 for rates per 10,000; 100 for percentages; 1 for counts and numbers.
    public var multiplier: Double
    public var polarity: Polarity
    /// The EES file the values came from (its name), empty when not recorded.
    public var sourceFile: String
    /// The filters chosen in that file, `column=value` joined by `;`, empty when none.
    public var filters: String

    public init(
        name: String, kind: Kind, numerator: String? = nil, denominator: String? = nil, multiplier: Double,
        polarity: Polarity, sourceFile: String = "", filters: String = ""
    ) {
        precondition(multiplier > 0 && multiplier.isFinite, "a measure's multiplier must be positive")
        self.name = name
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.multiplier = multiplier
        self.polarity = polarity
        self.sourceFile = sourceFile
        self.filters = filters
    }

    /// Whether the measure has what an interval, a significance test and a gap in children
    /// need: counts always (the count is its own numerator); rates and numbers with both a
    /// numerator and a denominator; percentages with a denominator.
    public var hasIntervalInputs: Bool {
        switch kind {
        case .count: true
        case .rate, .number: numerator != nil && denominator != nil
        case .percentage: denominator != nil
        }
    }
}
