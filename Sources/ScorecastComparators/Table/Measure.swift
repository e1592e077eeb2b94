import ScorecastData

/// One of the 13 DfE children's social care measures in the bundled local authority data, with
/// what the comparators need to know about it: its kind, the measure holding its numerator,
/// where its denominator comes from, its multiplier and its polarity.
///
/// Polarity follows DfE's LAIT data dictionary (`01_data/02_prod/lait_data_dictionary.csv`):
/// re-referrals within 12 months are "Low" (lower is better); the demand volumes and rates
/// (referrals, S47 enquiries, ICPCs, CIN, CPP, CLA) carry no polarity ("-"), so they are
/// `neutral` here and their significant differences read `higher`/`lower`.
public struct Measure: Sendable, Hashable {
    /// How the value relates to its numerator and denominator.
    public enum Kind: String, Sendable {
        /// A number of children; intervals are for the count (Byar / exact Poisson).
        case count
        /// A crude rate: count / population aged 0–17 × multiplier (Byar / exact Poisson).
        case rate
        /// A percentage: count / denominator count × 100 (Wilson score).
        case percentage
    }

    /// The measure's name in the data (`cla_31mar_rate_per_10k`, ...).
    public var name: String
    public var kind: Kind
    /// For rates: the count measure that is the numerator. For percentages: the count measure
    /// that is the denominator (`referrals_number` for re-referrals).
    public var countMeasure: String?
    /// 10,000 for rates per 10,000; 100 for percentages; 1 for counts.
    public var multiplier: Double
    public var polarity: Polarity

    public init(name: String, kind: Kind, countMeasure: String?, multiplier: Double, polarity: Polarity) {
        self.name = name
        self.kind = kind
        self.countMeasure = countMeasure
        self.multiplier = multiplier
        self.polarity = polarity
    }

    /// The 13 measures, in the order the tables list them.
    public static let all: [Measure] = [
        Measure(name: "cla_31mar_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "cla_31mar_rate_per_10k", kind: .rate, countMeasure: "cla_31mar_number", multiplier: 10_000, polarity: .neutral),
        Measure(name: "cpp_31mar_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "cpp_31mar_rate_per_10k", kind: .rate, countMeasure: "cpp_31mar_number", multiplier: 10_000, polarity: .neutral),
        Measure(name: "cin_31mar_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "cin_31mar_rate_per_10k", kind: .rate, countMeasure: "cin_31mar_number", multiplier: 10_000, polarity: .neutral),
        Measure(name: "referrals_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "referrals_rate_per_10k", kind: .rate, countMeasure: "referrals_number", multiplier: 10_000, polarity: .neutral),
        Measure(name: "rereferrals_12m_pct", kind: .percentage, countMeasure: "referrals_number", multiplier: 100, polarity: .lowerIsBetter),
        Measure(name: "s47_enquiries_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "s47_enquiries_rate_per_10k", kind: .rate, countMeasure: "s47_enquiries_number", multiplier: 10_000, polarity: .neutral),
        Measure(name: "icpc_number", kind: .count, countMeasure: nil, multiplier: 1, polarity: .neutral),
        Measure(name: "icpc_rate_per_10k", kind: .rate, countMeasure: "icpc_number", multiplier: 10_000, polarity: .neutral),
    ]

    /// The measure called `name`, if it is one of the 13.
    public static func named(_ name: String) -> Measure? { all.first { $0.name == name } }
}
