import ScorecastCore
import ScorecastNumerics

/// A ``Scenario`` laid out month by month for ``LookedAfterProjection``: multipliers on
/// expected entries and on exit rates, and the placement shifts in force, for each projected
/// month.
///
/// Several changes of one kind compose: multipliers multiply, and shifts apply in the order
/// given (a child shifted from A to B may then be shifted from B to C).
struct ScenarioChanges {
    /// One shift: the probability of sending a child placed in `from` to `to`.
    struct Shift {
        var from: Int
        var to: Int
        var probability: Double
    }

    var starts: [Double]
    var exitRate: [Double]
    /// `shifts[month]`: the shifts in force that month, in the order given.
    var shifts: [[Shift]]

    /// - Precondition: the scenario has only `startsChange`, `exitRateChange` and
    ///   `placementShift` changes, the last naming members of `placements`.
    init(scenario: Scenario, first: Period, horizon: Int, placements: [String]) {
        let multipliers = scenario.flowMultipliers(first: first, horizon: horizon)
        starts = multipliers.starts
        exitRate = multipliers.exitRate
        shifts = Array(repeating: [], count: horizon)
        for adjustment in scenario.adjustments {
            switch adjustment {
            case .startsChange, .exitRateChange:
                continue
            case .placementShift(let percent, let from, let fromPlacement, let toPlacement):
                guard let source = placements.firstIndex(of: fromPlacement), let target = placements.firstIndex(of: toPlacement) else {
                    preconditionFailure("the placement shift names a placement outside \(placements)")
                }
                for month in min(horizon, max(0, first.distance(to: from)))..<horizon {
                    shifts[month].append(Shift(from: source, to: target, probability: percent / 100))
                }
            case .stockCap, .convergeToRate:
                preconditionFailure("a 903 projection takes no stock cap or convergence")
            }
        }
    }

    /// `placement` after the shifts: each shift from it moves the child with its probability.
    @inline(__always) static func shift(_ placement: Int, by shifts: [Shift], using generator: inout Xoshiro256StarStar) -> Int {
        var placement = placement
        for shift in shifts where shift.from == placement {
            if RandomVariates.openUniform(using: &generator) < shift.probability { placement = shift.to }
        }
        return placement
    }
}
