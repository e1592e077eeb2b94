/// Which side of the centre line, or which way a trend runs.
public enum Side: Int, Sendable, Hashable {
    /// Above the mean, or increasing.
    case high = 1
    /// Below the mean, or decreasing.
    case low = -1
}

/// The Making Data Count rule that makes a point special cause variation.
public enum SpecialCauseRule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A single point outside the process limits.
    case outsideLimits = "outside_limits"
    /// Part of seven or more consecutive points all increasing or all decreasing.
    case trend
    /// Two of three consecutive points between two thirds of the way to a limit and the
    /// limit, all three on the same side of the mean.
    case twoInThree = "two_in_three"
    /// Part of seven or more consecutive points on one side of the mean.
    case run

    public var description: String { rawValue }
}

/// Why one point is special cause variation: the rule and the side it points to.
///
/// When a point breaks several rules the first in Making Data Count's order wins:
/// outside the limits, then trend, then two in three, then run (NHSRplotthedots
/// `ptd_special_cause_type`).
public struct SpecialCause: Sendable, Hashable, CustomStringConvertible {
    /// The rule that decided the verdict.
    public var rule: SpecialCauseRule
    /// Above or below the mean, or the direction of the trend.
    public var side: Side

    public init(rule: SpecialCauseRule, side: Side) {
        self.rule = rule
        self.side = side
    }

    /// A short machine-readable code, e.g. `outside_limits_high`, `trend_low`.
    public var code: String { rule.rawValue + (side == .high ? "_high" : "_low") }

    /// The label NHSRplotthedots gives the same verdict (`special_cause_type`), e.g.
    /// `Above UCL`, `7 Point Trend (Increasing)`, `2 in 3 Below CL`, `7 Points Above CL`.
    public var referenceLabel: String {
        let aboveOrBelow = side == .high ? "Above" : "Below"
        switch rule {
        case .outsideLimits: return side == .high ? "Above UCL" : "Below LCL"
        case .trend: return "7 Point Trend (" + (side == .high ? "Increasing" : "Decreasing") + ")"
        case .twoInThree: return "2 in 3 " + aboveOrBelow + " CL"
        case .run: return "7 Points " + aboveOrBelow + " CL"
        }
    }

    public var description: String { code }
}

/// A point's verdict read through the indicator's polarity.
public enum PointType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Within what the process usually does.
    case commonCause = "common_cause"
    /// Special cause in the better direction.
    case improvement = "special_cause_improvement"
    /// Special cause in the worse direction.
    case concern = "special_cause_concern"
    /// Special cause on the high side of an indicator with no better direction.
    case neutralHigh = "special_cause_neutral_high"
    /// Special cause on the low side of an indicator with no better direction.
    case neutralLow = "special_cause_neutral_low"

    /// The type of a point with special cause `cause` (or none) under `direction`.
    public init(_ cause: SpecialCause?, direction: ImprovementDirection) {
        guard let cause else {
            self = .commonCause
            return
        }
        switch direction {
        case .neutral: self = cause.side == .high ? .neutralHigh : .neutralLow
        default: self = cause.side.rawValue * direction.sign > 0 ? .improvement : .concern
        }
    }

    public var description: String { rawValue }
}
