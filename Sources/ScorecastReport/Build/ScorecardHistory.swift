import ScorecastCore
import ScorecastData

/// Earlier months of a scorecard's indicators (`report --history`), merged with its own.
///
/// The scorecard carries seven months; a council's earlier scorecards, a case-management
/// export or an imported CIN census (in tidy form: `series,period,value`) give the years a
/// seasonal model needs. For each indicator the history's months are added to the
/// scorecard's; where both have a month the scorecard's value is kept (it is the newer
/// publication) and, if the two differ by more than rounding (0.5), the month is a
/// ``Conflict``. Series of the history the scorecard does not have are ignored.
public enum ScorecardHistory {
    /// A month both sources give, with different values.
    public struct Conflict: Sendable, Equatable {
        public var series: String
        public var period: Period
        public var scorecard: Double
        public var history: Double
        /// The history file's line of the series' first row.
        public var historyLine: Int
    }

    /// Merges `history` into `files`' observations; returns the conflicts, in series and
    /// period order.
    ///
    /// - Complexity: O(total months).
    public static func merge(_ history: [ObservedSeries], into files: inout ScorecardFiles) -> [Conflict] {
        merge(history, into: &files.observations, keeping: Set(files.indicators.map(\.code)))
    }

    /// Merges `history` into `observations` (series by name), taking only the series named
    /// in `keeping` (every series of `observations` when `nil`).
    public static func merge(_ history: [ObservedSeries], into observations: inout [String: ObservedSeries], keeping: Set<String>? = nil)
        -> [Conflict]
    {
        var conflicts: [Conflict] = []
        let codes = keeping ?? Set(observations.keys)
        for earlier in history where codes.contains(earlier.name) {
            guard let current = observations[earlier.name] else {
                observations[earlier.name] = earlier
                continue
            }
            guard current.series.frequency == earlier.series.frequency else { continue }
            let start = min(current.series.start, earlier.series.start)
            let end = max(current.series.end, earlier.series.end)
            let count = start.distance(to: end) + 1
            var values = [Double](repeating: .nan, count: count)
            var numerators = values, denominators = values
            var statuses = [String?](repeating: nil, count: count)
            for (source, isScorecard) in [(earlier, false), (current, true)] {
                let offset = start.distance(to: source.series.start)
                for (index, value) in source.series.values.enumerated() {
                    let target = offset + index
                    if isScorecard, !value.isNaN, !values[target].isNaN, abs(values[target] - value) > 0.5 {
                        conflicts.append(
                            Conflict(
                                series: earlier.name, period: start.advanced(by: target), scorecard: value, history: values[target],
                                historyLine: earlier.firstLine))
                    }
                    if isScorecard && value.isNaN && !values[target].isNaN { continue }
                    values[target] = value
                    numerators[target] = source.numerators[index]
                    denominators[target] = source.denominators[index]
                    statuses[target] = source.statuses[index]
                }
            }
            observations[earlier.name] = ObservedSeries(
                series: TimeSeries(name: earlier.name, start: start, values: values), numerators: numerators, denominators: denominators,
                statuses: statuses, firstLine: current.firstLine)
        }
        return conflicts.sorted { ($0.series, $0.period) < ($1.series, $1.period) }
    }
}
