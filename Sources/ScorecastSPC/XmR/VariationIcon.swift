/// The Making Data Count variation icon of a segment: what its latest point says.
///
/// NHSRplotthedots (`ptd_get_icons`) draws the icon from the point type of the last point:
/// common cause; special cause improvement or concern, high or low (the side follows the
/// polarity: an improvement is high when higher is better); or, for indicators with no
/// better direction, neutral high or low. A segment with too few points to set limits has
/// no icon and says so.
public enum VariationIcon: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case commonCause = "common_cause"
    case improvementHigh = "improvement_high"
    case improvementLow = "improvement_low"
    case concernHigh = "concern_high"
    case concernLow = "concern_low"
    case neutralHigh = "neutral_high"
    case neutralLow = "neutral_low"
    /// Fewer points than Making Data Count asks for (12): no limits, no verdict.
    case tooFewPoints = "too_few_points"

    /// The icon for a latest point of type `type` under `direction`.
    public init(latest type: PointType, direction: ImprovementDirection) {
        switch type {
        case .commonCause: self = .commonCause
        case .neutralHigh: self = .neutralHigh
        case .neutralLow: self = .neutralLow
        case .improvement: self = direction == .decrease ? .improvementLow : .improvementHigh
        case .concern: self = direction == .decrease ? .concernHigh : .concernLow
        }
    }

    /// Words for a reader, e.g. "special cause concern (low)".
    public var phrase: String {
        switch self {
        case .commonCause: "common cause variation"
        case .improvementHigh: "special cause improvement (high)"
        case .improvementLow: "special cause improvement (low)"
        case .concernHigh: "special cause concern (high)"
        case .concernLow: "special cause concern (low)"
        case .neutralHigh: "special cause variation (high)"
        case .neutralLow: "special cause variation (low)"
        case .tooFewPoints: "too few points for SPC limits"
        }
    }

    public var description: String { rawValue }
}
