import ScorecastCore

/// A cleaned episode of care: one child, one placement, from DECOM to DEC.
public struct SSDA903Episode: Sendable, Equatable {
    public var child: String
    public var birth: CalendarDate
    public var start: CalendarDate
    /// DEC after clean-up; `nil` for an episode open at the end of the data.
    public var end: CalendarDate?
    public var place: String
    public var reasonNewEpisode: String
    public var legalStatus: String
    public var categoryOfNeed: String
    /// `CHILD/n`: the child's n-th period of care (episodes joined end to start), from 1.
    public var carePeriod: String
    /// Whether the child appears in a UASC table.
    public var unaccompanied: Bool
    public var file: String
    public var line: Int
    /// REC as returned when the episode's DEC is the one returned; empty when open or when
    /// clean-up moved DEC.
    public var reasonCeased: String

    public init(
        child: String, birth: CalendarDate, start: CalendarDate, end: CalendarDate?, place: String, reasonNewEpisode: String,
        legalStatus: String, categoryOfNeed: String, carePeriod: String, unaccompanied: Bool, file: String, line: Int,
        reasonCeased: String = ""
    ) {
        self.child = child
        self.birth = birth
        self.start = start
        self.end = end
        self.place = place
        self.reasonNewEpisode = reasonNewEpisode
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        self.carePeriod = carePeriod
        self.unaccompanied = unaccompanied
        self.file = file
        self.line = line
        self.reasonCeased = reasonCeased
    }
}

/// The clean-up rules of the children's services demand model, as issue 19 states them.
///
/// 1. For the same (CHILD, DECOM) keep the row from the latest return (an open episode is
///    repeated, closed, in the next year's return); ties go to the later row.
/// 2. For the same (CHILD, DEC), including two open episodes, keep the first (longest): the one
///    with the earliest DECOM.
/// 3. If DEC is blank or after the child's next DECOM, it becomes that DECOM.
///
/// Rows of children with no header row, or starting before birth, are left out; every row
/// changed or left out is listed as an ``SSDA903Issue`` (cross-return repeats of one episode,
/// which the format expects, are not).
///
/// Follows `DemandModellingDataContainer.combined_data` in data-to-insight/cs-demand-model
/// (`cs_demand_model/datacontainer.py`), except that rule 1 prefers the latest return rather
/// than the latest DEC.
///
/// Complexity: O(n log n) in the rows.
public enum SSDA903Cleaning {
    /// The cleaned episodes, sorted by child then DECOM, and the problems found.
    public static func clean(_ returns: SSDA903Returns) -> (episodes: [SSDA903Episode], issues: [SSDA903Issue]) {
        var issues: [SSDA903Issue] = []
        func issue(_ file: String, _ line: Int, _ column: Int, _ rule: SSDA903Issue.Rule, _ message: String) {
            issues.append(SSDA903Issue(file: file, line: line, column: column, rule: rule, message: message))
        }

        // Dates of birth: the latest file's header row.
        var headerOf: [String: SSDA903HeaderRecord] = [:]
        for header in returns.headers {
            if let known = headerOf[header.child], (known.fileOrder, known.line) > (header.fileOrder, header.line) { continue }
            headerOf[header.child] = header
        }
        for header in returns.headers {
            let chosen = headerOf[header.child]!
            if chosen.birth != header.birth {
                issue(
                    header.file, header.line, 1, .conflictingBirth,
                    "expected one DOB for child \(header.child), found \(header.birth) here and \(chosen.birth) in \(chosen.file):\(chosen.line); the latter used"
                )
            }
        }
        let unaccompanied = Set(returns.uasc.map(\.child))

        var byChild: [String: [SSDA903EpisodeRecord]] = [:]
        for record in returns.episodes {
            guard let header = headerOf[record.child] else {
                issue(record.file, record.line, 1, .noHeader, "expected a header row for child \(record.child), found none; row left out")
                continue
            }
            guard record.start >= header.birth else {
                issue(
                    record.file, record.line, 1, .decomBeforeBirth,
                    "expected DECOM on or after DOB \(header.birth), found \(record.start); row left out")
                continue
            }
            byChild[record.child, default: []].append(record)
        }

        var episodes: [SSDA903Episode] = []
        for child in byChild.keys.sorted() {
            // Rule 1: one row per DECOM, from the latest return.
            var byStart: [CalendarDate: SSDA903EpisodeRecord] = [:]
            for record in byChild[child]! {
                guard let known = byStart[record.start] else {
                    byStart[record.start] = record
                    continue
                }
                let (kept, dropped) = (known.returnRank, known.order) > (record.returnRank, record.order) ? (known, record) : (record, known)
                if kept.returnRank == dropped.returnRank {
                    issue(
                        dropped.file, dropped.line, 1, .duplicateStart,
                        "expected one episode of child \(child) starting \(dropped.start) in this return, found another at line \(kept.line); that one kept"
                    )
                }
                byStart[record.start] = kept
            }
            // Rule 2: one row per DEC (open counts as a value), the earliest DECOM.
            var sorted = byStart.values.sorted { $0.start < $1.start }
            var seenEnds: [CalendarDate?: SSDA903EpisodeRecord] = [:]
            sorted = sorted.filter { record in
                if let kept = seenEnds[record.end] {
                    let ending = record.end.map { "ending \($0)" } ?? "open"
                    issue(
                        record.file, record.line, 1, .duplicateEnd,
                        "expected one episode of child \(child) \(ending), found a longer one at \(kept.file):\(kept.line); that one kept")
                    return false
                }
                seenEnds[record.end] = record
                return true
            }
            // Rule 3: close open and overlapping episodes at the next DECOM.
            var carePeriod = 0
            var previousEnd: CalendarDate?
            for (position, record) in sorted.enumerated() {
                var end = record.end
                if position + 1 < sorted.count {
                    let next = sorted[position + 1].start
                    if let known = end, known > next {
                        issue(
                            record.file, record.line, record.endColumn, .overlap,
                            "expected DEC \(known) on or before the next DECOM \(next) of child \(child); DEC set to \(next)")
                        end = next
                    } else if end == nil {
                        issue(
                            record.file, record.line, record.endColumn, .openBeforeNext,
                            "expected a DEC before the next DECOM \(next) of child \(child), found a blank; DEC set to \(next)")
                        end = next
                    }
                } else if end == nil, returns.returnYears[record.returnRank] < returns.lastCollectionYear {
                    issue(
                        record.file, record.line, record.endColumn, .openNotRepeated,
                        "expected this open episode in the later returns, found it in none; kept open to the end of the data")
                }
                if previousEnd != record.start { carePeriod += 1 }
                previousEnd = end
                episodes.append(
                    SSDA903Episode(
                        child: child, birth: headerOf[child]!.birth, start: record.start, end: end, place: record.place,
                        reasonNewEpisode: record.reasonNewEpisode, legalStatus: record.legalStatus, categoryOfNeed: record.categoryOfNeed,
                        carePeriod: "\(child)/\(carePeriod)", unaccompanied: unaccompanied.contains(child), file: record.file, line: record.line,
                        reasonCeased: end == record.end ? record.reasonCeased : ""))
            }
        }
        return (episodes, issues)
    }
}
