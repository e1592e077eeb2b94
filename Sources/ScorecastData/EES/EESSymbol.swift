/// The symbols explore-education-statistics (EES) data files put in an indicator cell instead
/// of a number, and what each means.
///
/// Following the Government Statistical Service symbols guidance as DfE's EES data files use
/// it (see the `data-raw/` files of `dfe-analytical-services/CSC_outcomes_and_enablers`):
/// `c` confidential (suppressed), `low` and `k` a positive number that rounds to zero, `x` not
/// available, `z` not applicable, `u` low reliability, and the older `:` (not available) and
/// `.` (not applicable). A blank cell is missing with no stated reason. None of them is ever
/// read as 0.
public enum EESSymbol: String, Sendable, CaseIterable {
    case confidential = "c"
    case low = "low"
    case roundsToZero = "k"
    case notAvailable = "x"
    case notApplicable = "z"
    case lowReliability = "u"
    case notAvailableOld = ":"
    case notApplicableOld = "."

    /// The symbol and its meaning, as kept with a missing value: `c (confidential)`.
    public var reason: String {
        switch self {
        case .confidential: "c (confidential: suppressed)"
        case .low: "low (a positive number that rounds to 0)"
        case .roundsToZero: "k (a positive number that rounds to 0)"
        case .notAvailable: "x (not available)"
        case .notApplicable: "z (not applicable)"
        case .lowReliability: "u (low reliability)"
        case .notAvailableOld: ": (not available)"
        case .notApplicableOld: ". (not applicable)"
        }
    }

    /// The reason kept for a blank cell.
    public static let blankReason = "blank (no value published)"
}
