import ScorecastCore
import ScorecastTimeSeries

/// A "what if" applied to a projection: changes to the flows from a month on, a cap on the
/// stock, or convergence of the rate per 10,000 towards a comparator's rate.
///
/// Scenarios are projected beside the baseline with the same random numbers (common random
/// numbers), so the difference between a scenario and the baseline reflects the scenario,
/// not simulation noise.
public struct Scenario: Sendable, Equatable {
    /// One change to the baseline.
    public enum Adjustment: Sendable, Equatable {
        /// Expected starts multiplied by `1 + percent/100` from `from` on (inclusive).
        case startsChange(percent: Double, from: Period)
        /// The monthly exit rate multiplied by `1 + percent/100` from `from` on (capped at 1).
        case exitRateChange(percent: Double, from: Period)
        /// The stock may not exceed `maximum`: starts beyond it are not admitted (as with an
        /// allocation of unaccompanied asylum-seeking children under the National Transfer Scheme).
        case stockCap(maximum: Int)
        /// Expected starts are steered so that the expected rate per 10,000 moves in a straight
        /// line from today's to `ratePer10k` over `years`, then stays there.
        case convergeToRate(ratePer10k: Double, years: Double, population: Double)
        /// From `from` on, `percent`% of the children who would be placed in `fromPlacement`
        /// (on entering care or on moving placement) are placed in `toPlacement` instead
        /// (placement categories of a 903 projection; only ``LookedAfterProjection`` uses it).
        case placementShift(percent: Double, from: Period, fromPlacement: String, toPlacement: String)
    }

    /// The scenario's name, as it appears in the `scenario` column.
    public var name: String
    /// The changes, applied together.
    public var adjustments: [Adjustment]

    public init(name: String, adjustments: [Adjustment]) {
        self.name = name
        self.adjustments = adjustments
    }

    /// No change: the baseline projection.
    public static let baseline = Scenario(name: "baseline", adjustments: [])

    /// Checks the scenario's numbers.
    ///
    /// - Throws: ``ProjectionError/invalidScenario(name:reason:)`` for a change of −100% or
    ///   less to starts, a negative cap, a non-positive population or period of convergence,
    ///   or a negative target rate.
    public func validate() throws {
        for adjustment in adjustments {
            switch adjustment {
            case .startsChange(let percent, _) where !(percent > -100) || !percent.isFinite:
                throw ProjectionError.invalidScenario(name: name, reason: "a change to starts must be above -100%")
            case .exitRateChange(let percent, _) where !(percent >= -100) || !percent.isFinite:
                throw ProjectionError.invalidScenario(name: name, reason: "a change to the exit rate must be at least -100%")
            case .stockCap(let maximum) where maximum < 0:
                throw ProjectionError.invalidScenario(name: name, reason: "a stock cap must be at least 0")
            case .convergeToRate(let rate, let years, let population)
            where !(rate >= 0) || !(years > 0) || !(population > 0):
                throw ProjectionError.invalidScenario(
                    name: name, reason: "convergence needs a target rate ≥ 0, years > 0 and a population > 0")
            case .placementShift(let percent, _, let from, let to) where !(percent >= 0 && percent <= 100) || from == to:
                throw ProjectionError.invalidScenario(
                    name: name, reason: "a placement shift needs a percentage from 0 to 100 and two different placements")
            default:
                continue
            }
        }
    }

    /// Multipliers on expected starts and on the exit rate for each projected period
    /// (`first` is the first projected period), before any convergence steering.
    func flowMultipliers(first: Period, horizon: Int) -> (starts: [Double], exitRate: [Double]) {
        var starts = [Double](repeating: 1, count: horizon)
        var exitRate = [Double](repeating: 1, count: horizon)
        for adjustment in adjustments {
            switch adjustment {
            case .startsChange(let percent, let from):
                for step in max(0, first.distance(to: from))..<max(horizon, 0) { starts[step] *= 1 + percent / 100 }
            case .exitRateChange(let percent, let from):
                for step in max(0, first.distance(to: from))..<max(horizon, 0) { exitRate[step] *= 1 + percent / 100 }
            case .stockCap, .convergeToRate, .placementShift:
                continue
            }
        }
        return (starts, exitRate)
    }

    /// The cap on the stock, if any (the lowest when several are given).
    var stockCap: Int? {
        var lowest: Int?
        for case .stockCap(let maximum) in adjustments { lowest = min(lowest ?? maximum, maximum) }
        return lowest
    }

    /// The convergence target, if any (the last one given).
    var convergence: (ratePer10k: Double, years: Double, population: Double)? {
        var result: (ratePer10k: Double, years: Double, population: Double)?
        for case .convergeToRate(let rate, let years, let population) in adjustments {
            result = (rate, years, population)
        }
        return result
    }
}
