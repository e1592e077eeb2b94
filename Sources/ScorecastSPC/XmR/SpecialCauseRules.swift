/// The four Making Data Count special-cause rules, applied to one segment of an XmR chart.
///
/// Follows NHSRplotthedots 0.2.2 (`ptd_spc_standard`, `ptd_calculate_point_type`) point for
/// point, including its edge cases:
/// - **Outside limits**: strictly above the upper or below the lower limit.
/// - **Run**: seven consecutive points with the same sign of `value - mean`; a point exactly
///   on the mean has sign 0 and breaks the run. Every point of a run of seven or more is
///   flagged.
/// - **Trend**: seven consecutive points with six strictly positive (or six strictly
///   negative) differences; a tie breaks the trend. Every point of the trend is flagged; a
///   point shared by a rising and a falling trend takes the direction of the trend that
///   leaves it.
/// - **Two in three**: a window of three consecutive points, all on the same side of the
///   mean, of which at least two are "close": beyond two thirds of the way to a limit but not
///   outside it (a point exactly on a limit is close). Only the close points are flagged.
///
/// A point that breaks several rules is reported under the first in that order: outside
/// limits, trend, two in three, run.
public enum SpecialCauseRules {
    /// The length of a run or trend that signals: seven points.
    public static let runLength = 7

    /// The special cause of every point, or `nil` for common cause.
    ///
    /// - Parameters:
    ///   - values: the segment's observed values in time order, no missing values.
    ///   - limits: the segment's limits.
    /// - Complexity: O(n).
    public static func classify(_ values: [Double], limits: ProcessLimits) -> [SpecialCause?] {
        let count = values.count
        let sides = values.map { sign($0 - limits.mean) }
        let outside = values.map { $0 > limits.upper || $0 < limits.lower }
        let close = values.indices.map { !outside[$0] && (values[$0] < limits.nearLower || values[$0] > limits.nearUpper) }

        let trend = pointsInTrend(values)
        let run = pointsInRun(sides)
        let twoInThree = closePointsInTwoOfThree(close: close, sides: sides)

        var causes = [SpecialCause?](repeating: nil, count: count)
        for index in 0..<count {
            let side: Side = sides[index] > 0 ? .high : .low
            if outside[index] {
                causes[index] = SpecialCause(rule: .outsideLimits, side: side)
            } else if trend[index] {
                // The direction of the trend leaving the point when the next point is in a
                // trend too, otherwise that of the trend arriving at it.
                let leaves = index + 1 < count && trend[index + 1]
                let step = leaves ? values[index + 1] - values[index] : (index > 0 ? values[index] - values[index - 1] : 0)
                causes[index] = SpecialCause(rule: .trend, side: step > 0 ? .high : .low)
            } else if twoInThree[index] {
                causes[index] = SpecialCause(rule: .twoInThree, side: side)
            } else if run[index] {
                causes[index] = SpecialCause(rule: .run, side: side)
            }
        }
        return causes
    }

    /// -1, 0 or +1 (NaN counts as 0).
    @inlinable static func sign(_ value: Double) -> Int {
        value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    /// Marks every point of a stretch of `runLength` or more points that ends at a flagged
    /// index: point `i` is marked when some end lies in `i ..< i + runLength`.
    static func spread(ends: [Bool]) -> [Bool] {
        var marked = [Bool](repeating: false, count: ends.count)
        var remaining = 0
        for index in ends.indices.reversed() {
            if ends[index] { remaining = runLength }
            if remaining > 0 {
                marked[index] = true
                remaining -= 1
            }
        }
        return marked
    }

    /// Points in seven or more consecutive points on one side of the mean.
    static func pointsInRun(_ sides: [Int]) -> [Bool] {
        var ends = [Bool](repeating: false, count: sides.count)
        var length = 0
        for index in sides.indices {
            length = (sides[index] != 0 && index > 0 && sides[index] == sides[index - 1]) ? length + 1 : (sides[index] != 0 ? 1 : 0)
            ends[index] = length >= runLength
        }
        return spread(ends: ends)
    }

    /// Points in seven or more consecutive points each strictly above (or each strictly
    /// below) the one before.
    static func pointsInTrend(_ values: [Double]) -> [Bool] {
        var ends = [Bool](repeating: false, count: values.count)
        var rising = 1
        var falling = 1
        for index in values.indices.dropFirst() {
            let step = values[index] - values[index - 1]
            rising = step > 0 ? rising + 1 : 1
            falling = step < 0 ? falling + 1 : 1
            ends[index] = rising >= runLength || falling >= runLength
        }
        return spread(ends: ends)
    }

    /// Close points that sit in a window of three consecutive points, all on one side of the
    /// mean, with at least two close points.
    static func closePointsInTwoOfThree(close: [Bool], sides: [Int]) -> [Bool] {
        let count = close.count
        var inWindow = [Bool](repeating: false, count: count)
        if count >= 3 {
            for start in 0...(count - 3) {
                let window = start..<(start + 3)
                let sameSide = sides[start] != 0 && window.allSatisfy { sides[$0] == sides[start] }
                let closeCount = window.reduce(0) { close[$1] ? $0 + 1 : $0 }
                if sameSide && closeCount >= 2 {
                    for index in window { inWindow[index] = true }
                }
            }
        }
        return close.indices.map { close[$0] && inWindow[$0] }
    }
}
