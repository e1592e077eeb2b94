import ScorecastCore

/// The scorecard's looked-after rows month by month from cleaned 903 episodes: children looked
/// after at the month's end (`lac_open`), starting (`lac_started`), ceasing (`lac_ceased`), and
/// ceasing by adoption (`lac_ceased_adoption`, REC `E11` or `E12`) or by special guardianship
/// (`lac_ceased_sgo`, REC `E43` or `E44`).
///
/// The stock, starts and ceases are ``LookedAfterSummary``'s (summed over age bands and
/// placements): a start is an episode no episode of the child ends on, a cease an episode with a
/// DEC no episode of the child starts on. Adoptions and special guardianship orders are the
/// ceases whose episode's REC (as returned; none when clean-up moved its DEC) is one of those
/// codes, counted in the month of DEC.
///
/// Complexity: O(episodes + months × bands × placements).
public struct LookedAfterMonthlyMeasures: Sendable {
    /// Series names, titles and polarity, in output order.
    public static let measures: [(name: String, title: String, polarity: Polarity)] = [
        ("lac_open", "Children looked after at the end of the month", .neutral),
        ("lac_started", "Children starting to be looked after", .neutral),
        ("lac_ceased", "Children ceasing to be looked after", .neutral),
        ("lac_ceased_adoption", "Children ceasing to be looked after by adoption (E11, E12)", .higherIsBetter),
        ("lac_ceased_sgo", "Children ceasing to be looked after by special guardianship (E43, E44)", .higherIsBetter),
    ]

    public let months: [Period]
    /// Counts by measure name, aligned with ``months``.
    public let counts: [String: [Int]]

    /// Counts from a 903 import.
    public init(_ imported: SSDA903Import) {
        let summary = imported.summary
        months = summary.months
        func total(_ cube: [[[Int]]]) -> [Int] { cube.map { $0.reduce(0) { $0 + $1.reduce(0, +) } } }
        var adoption = [Int](repeating: 0, count: months.count)
        var guardianship = [Int](repeating: 0, count: months.count)
        let starts = Set(imported.episodes.map { "\($0.child)|\($0.start.dayNumber)" })
        for episode in imported.episodes {
            guard let end = episode.end, !starts.contains("\(episode.child)|\(end.dayNumber)") else { continue }
            let index = months[0].distance(to: end.monthPeriod)
            guard index >= 0 && index < months.count else { continue }
            switch episode.reasonCeased {
            case "E11", "E12": adoption[index] += 1
            case "E43", "E44": guardianship[index] += 1
            default: break
            }
        }
        counts = [
            "lac_open": total(summary.stock), "lac_started": total(summary.entries), "lac_ceased": total(summary.exits),
            "lac_ceased_adoption": adoption, "lac_ceased_sgo": guardianship,
        ]
    }
}
