import ScorecastCore

/// A forecast combination (`--model ensemble`): several models fitted to the same series, their
/// forecasts combined step by step by the median or the mean.
///
/// Combining forecasts from different model families is the most reliable accuracy gain known
/// in forecasting (Bates & Granger 1969; Makridakis et al. 2020, the M4 competition, where the
/// median or mean of ETS, ARIMA and Theta beat almost every single method). Intervals combine
/// the members' bounds with the same operator (quantile averaging; Lichtendahl, Grushka-Cockayne
/// & Winkler 2013); ``ConformalIntervals`` can recalibrate them.
///
/// A member that cannot be fitted, or that stands a simpler model in for itself (the
/// catalogue's fallback to naive), is left out and the fit says so; the ensemble fails only
/// when no member fits, and is the mean of the stand-ins when every member fell back. When every observed value is non-negative, means and bounds are floored at
/// zero: counts are never forecast negative.
///
/// References: J. M. Bates, C. W. J. Granger, "The combination of forecasts", Operational
/// Research Quarterly 20(4), 1969; K. C. Lichtendahl, Y. Grushka-Cockayne, R. L. Winkler, "Is
/// it better to average probabilities or quantiles?", Management Science 59(7), 2013.
public struct Ensemble: ForecastModelSpec {
    /// How member forecasts are combined at each step.
    public enum Combination: String, Sendable, CaseIterable {
        /// The median (robust to one member going astray).
        case median
        /// The arithmetic mean.
        case mean

        /// Combines `values` (not empty).
        func combine(_ values: [Double]) -> Double {
            switch self {
            case .mean:
                return values.reduce(0, +) / Double(values.count)
            case .median:
                let sorted = values.sorted()
                let middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            }
        }
    }

    /// The member models.
    public var members: [AnyForecastModelSpec]
    /// The combination operator.
    public var combination: Combination

    public init(members: [AnyForecastModelSpec], combination: Combination = .mean) {
        precondition(!members.isEmpty, "An ensemble needs at least one member")
        self.members = members
        self.combination = combination
    }

    public var name: String { "ensemble:\(combination.rawValue):" + members.map(\.name).joined(separator: "+") }

    public func fit(_ series: TimeSeries) throws -> FittedEnsemble {
        var fits: [(member: String, fitted: AnyFittedForecastModel)] = []
        var notes: [String] = []
        var failures: [String] = []
        for member in members {
            do {
                fits.append((member.name, try member.fit(series)))
            } catch {
                failures.append("\(member.name): \(error)")
            }
        }
        guard !fits.isEmpty else {
            throw TimeSeriesError.unsuitable(series: series.name, reason: "no ensemble member could be fitted (\(failures.joined(separator: "; ")))")
        }
        // A member that stood a simpler model in for itself (the catalogue's fallback to naive)
        // is left out too, unless every member did.
        let isStandIn = { (fit: (member: String, fitted: AnyFittedForecastModel)) in fit.fitted.fallback != nil }
        if !fits.allSatisfy(isStandIn) {
            for fit in fits where isStandIn(fit) { failures.append("\(fit.member): \(fit.fitted.notes.first ?? "fell back")") }
            fits.removeAll(where: isStandIn)
        }
        if !failures.isEmpty { notes.append("left out of the ensemble: " + failures.joined(separator: "; ")) }
        return FittedEnsemble(series: series, members: fits.map(\.fitted), combination: combination, notes: notes)
    }
}

/// The fitted members of an ``Ensemble``.
public struct FittedEnsemble: FittedForecastModel {
    public let series: TimeSeries
    /// The members that were fitted.
    public let members: [AnyFittedForecastModel]
    /// The combination operator.
    public let combination: Ensemble.Combination
    /// Every member's terms.
    public var terms: ModelTerms { members.reduce(into: ModelTerms()) { $0.formUnion($1.terms) } }
    let memberNotes: [String]

    init(series: TimeSeries, members: [AnyFittedForecastModel], combination: Ensemble.Combination, notes: [String]) {
        self.series = series
        self.members = members
        self.combination = combination
        self.memberNotes = notes
    }

    public var description: String { "\(combination)(" + members.map(\.description).joined(separator: ", ") + ")" }

    public var notes: [String] { memberNotes + members.flatMap { member in member.notes.map { "\(member.description): \($0)" } } }

    /// ``ModelFallback/Reason/everyMemberFellBack`` when every member is a stand-in (the
    /// ensemble keeps stand-ins only then).
    public var fallback: ModelFallback? {
        members.allSatisfy { $0.fallback != nil } ? ModelFallback(reason: .everyMemberFellBack, standIn: description) : nil
    }

    /// The members' fitted values combined where all of them have one.
    public var fittedValues: [Double] {
        (0..<series.count).map { index in
            let values = members.map { $0.fittedValues[index] }
            return values.contains { $0.isNaN } ? .nan : combination.combine(values)
        }
    }

    public func forecast(horizon: Int, levels: [Double], using generator: inout some RandomNumberGenerator) -> Forecast {
        let forecasts = members.map { $0.forecast(horizon: horizon, levels: levels, using: &generator) }
        func combined(_ pick: (Forecast) -> [Double]) -> [Double] {
            (0..<horizon).map { step in combination.combine(forecasts.map { pick($0)[step] }) }
        }
        let intervals = levels.indices.map { index in
            PredictionInterval(
                level: levels[index],
                lower: combined { $0.intervals[index].lower },
                upper: combined { $0.intervals[index].upper })
        }
        return Forecast(start: series.end.advanced(by: 1), mean: combined(\.mean), intervals: intervals, model: description)
            .flooredAtZero(ifNonNegative: series)
    }
}
