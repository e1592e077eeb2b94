/// Which way is better for an indicator: its polarity.
///
/// Making Data Count colours special causes by polarity: a high point is an improvement
/// when higher is better (`increase`), a concern when lower is better (`decrease`), and
/// simply "high" when the indicator has no good direction (`neutral`), as with most
/// demand measures in children's services (contacts, referrals).
public enum ImprovementDirection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Higher values are better.
    case increase
    /// Lower values are better.
    case decrease
    /// Neither direction is better.
    case neutral

    /// +1, -1 or 0: the sign a high value carries towards improvement.
    @inlinable public var sign: Int {
        switch self {
        case .increase: 1
        case .decrease: -1
        case .neutral: 0
        }
    }

    public var description: String { rawValue }
}
