/// Whether a process will meet its target: the Making Data Count assurance icon.
///
/// Judged on the latest segment's limits (NHSRplotthedots `ptd_calculate_assurance_type`):
/// if the target lies beyond the limit on the bad side, the process will consistently fail
/// it; beyond the limit on the good side, consistently pass; between the limits (limits
/// included), it will hit and miss at random. Indicators with no better direction have no
/// assurance.
public enum Assurance: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case consistentPass = "consistent_pass"
    case consistentFail = "consistent_fail"
    /// The target lies within the limits: NHSRplotthedots calls this `inconsistent`.
    case hitAndMiss = "hit_and_miss"

    /// The assurance of `target` against `limits`, or `nil` for a neutral indicator.
    public init?(target: Double, limits: ProcessLimits, direction: ImprovementDirection) {
        switch direction {
        case .neutral: return nil
        case .increase, .decrease:
            let higherIsBetter = direction == .increase
            if target > limits.upper {
                self = higherIsBetter ? .consistentFail : .consistentPass
            } else if target < limits.lower {
                self = higherIsBetter ? .consistentPass : .consistentFail
            } else {
                self = .hitAndMiss
            }
        }
    }

    /// The label NHSRplotthedots gives the same verdict.
    public var referenceLabel: String { self == .hitAndMiss ? "inconsistent" : rawValue }

    /// Words for a reader.
    public var phrase: String {
        switch self {
        case .consistentPass: "will consistently meet the target"
        case .consistentFail: "will consistently miss the target"
        case .hitAndMiss: "will hit and miss the target"
        }
    }

    public var description: String { rawValue }
}
