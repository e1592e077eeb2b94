import ScorecastCore

/// A measure the CIN census import produces: its series name, title, unit and polarity.
public struct CINMeasure: Sendable, Equatable {
    public var name: String
    public var title: String
    public var unit: IndicatorUnit
    public var polarity: Polarity
    /// For a percentage, the count measures giving its numerator and denominator.
    public var ratio: (numerator: String, denominator: String)? {
        CINMeasure.ratios[name]
    }

    public static func == (lhs: CINMeasure, rhs: CINMeasure) -> Bool { lhs.name == rhs.name }

    private static let ratios: [String: (numerator: String, denominator: String)] = [
        "re_referrals_12m_pct": ("re_referrals_12m", "referrals"),
        "assessments_within_45wd_pct": ("assessments_within_45wd", "assessments_completed"),
        "icpcs_within_15wd_pct": ("icpcs_within_15wd", "icpcs"),
        "icpcs_to_plan_pct": ("icpcs_to_plan", "icpcs"),
        "cpp_started_repeat_pct": ("cpp_started_repeat", "cpp_started"),
    ]

    /// The count measures, in output order.
    public static let counts: [CINMeasure] = [
        .init(name: "referrals", title: "Referrals of children in need", unit: .count, polarity: .neutral),
        .init(
            name: "re_referrals_12m", title: "Referrals within 12 months of an earlier referral of the same child", unit: .count,
            polarity: .lowerIsBetter),
        .init(name: "assessments_completed", title: "Assessments completed (authorised)", unit: .count, polarity: .neutral),
        .init(name: "assessments_wd_0_10", title: "Assessments completed in 0-10 working days", unit: .count, polarity: .neutral),
        .init(name: "assessments_wd_11_25", title: "Assessments completed in 11-25 working days", unit: .count, polarity: .neutral),
        .init(name: "assessments_wd_26_35", title: "Assessments completed in 26-35 working days", unit: .count, polarity: .neutral),
        .init(name: "assessments_wd_36_45", title: "Assessments completed in 36-45 working days", unit: .count, polarity: .neutral),
        .init(
            name: "assessments_wd_over_45", title: "Assessments completed in over 45 working days", unit: .count, polarity: .lowerIsBetter),
        .init(
            name: "assessments_within_45wd", title: "Assessments completed within 45 working days", unit: .count,
            polarity: .higherIsBetter),
        .init(name: "s47_started", title: "Section 47 enquiries started", unit: .count, polarity: .neutral),
        .init(name: "icpcs", title: "Initial child protection conferences", unit: .count, polarity: .neutral),
        .init(
            name: "icpcs_within_15wd", title: "Initial conferences within 15 working days of the section 47 starting", unit: .count,
            polarity: .higherIsBetter),
        .init(name: "icpcs_to_plan", title: "Initial conferences resulting in a child protection plan", unit: .count, polarity: .neutral),
        .init(name: "cpp_started", title: "Child protection plans started", unit: .count, polarity: .neutral),
        .init(
            name: "cpp_started_repeat", title: "Child protection plans started for a child with an earlier plan", unit: .count,
            polarity: .lowerIsBetter),
        .init(name: "cpp_ended", title: "Child protection plans ended", unit: .count, polarity: .neutral),
        .init(name: "cpp_open", title: "Children with a child protection plan at the end of the month", unit: .count, polarity: .neutral),
        .init(name: "cin_open", title: "Children in need at the end of the month", unit: .count, polarity: .neutral),
    ]

    /// The percentage measures, in output order.
    public static let percentages: [CINMeasure] = [
        .init(
            name: "re_referrals_12m_pct", title: "Percentage of referrals within 12 months of an earlier referral", unit: .percent,
            polarity: .lowerIsBetter),
        .init(
            name: "assessments_within_45wd_pct", title: "Percentage of assessments completed within 45 working days", unit: .percent,
            polarity: .higherIsBetter),
        .init(
            name: "icpcs_within_15wd_pct", title: "Percentage of initial conferences within 15 working days of the section 47",
            unit: .percent, polarity: .higherIsBetter),
        .init(
            name: "icpcs_to_plan_pct", title: "Percentage of initial conferences resulting in a plan", unit: .percent, polarity: .neutral),
        .init(
            name: "cpp_started_repeat_pct", title: "Percentage of plans started for a child with an earlier plan", unit: .percent,
            polarity: .lowerIsBetter),
    ]

    /// Count measures that get a rate per 10,000 children aged 0-17 with a population.
    public static let rated = ["referrals", "assessments_completed", "s47_started", "icpcs", "cpp_started", "cpp_open", "cin_open"]
}

/// The monthly counts of every CIN measure from merged episodes (``CINEpisodes``).
///
/// Definitions (issue 25, after DfE's CIN census guide and the COLLECT report specification):
/// each event is counted in the calendar month of its date.
/// - `referrals`: episodes by referral date. `re_referrals_12m`: referrals of a child with an
///   earlier referral (in the returns) on or after the same date one year before (29 February
///   looks back to 28 February).
/// - `assessments_completed`: assessments by authorisation date; the working days from start to
///   authorisation (``WorkingDays``) band them into `assessments_wd_0_10`, `_11_25`, `_26_35`,
///   `_36_45`, `_over_45`; `assessments_within_45wd` is 45 or fewer.
/// - `s47_started` by the section 47's start; `icpcs` by its initial conference's date;
///   `icpcs_within_15wd`: 15 or fewer working days from the section 47's start to the
///   conference; `icpcs_to_plan`: a plan of the child starts on the conference's date.
/// - `cpp_started` and `cpp_ended` by plan start and end; `cpp_started_repeat`: the plan's
///   `NumberOfPreviousCPP` is above 0 or the child has a plan starting earlier in the returns.
/// - `cpp_open` and `cin_open`: children (not plans or episodes) with a plan (start ≤ day < end)
///   or an episode (referral ≤ day < closure) open on the month's last day.
///
/// Complexity: O(events + children · months).
public struct CINMonthlyMeasures: Sendable {
    /// The months counted, first to last.
    public let months: [Period]
    /// Counts by measure name (``CINMeasure/counts``), aligned with ``months``.
    public private(set) var counts: [String: [Int]]

    /// Counts `episodes` for each month from `first` through `last`.
    public init(episodes: [CINEpisode], from first: Period, through last: Period) {
        precondition(first <= last && first.frequency == .monthly, "months first...last")
        let months = Array(first...last)
        self.months = months
        var counts = [String: [Int]](uniqueKeysWithValues: CINMeasure.counts.map { ($0.name, [Int](repeating: 0, count: months.count)) })
        func add(_ name: String, _ date: CalendarDate) {
            let index = first.distance(to: date.monthPeriod)
            if index >= 0 && index < months.count { counts[name]![index] += 1 }
        }
        // The span and two years before it (assessments and conferences counted in the span
        // start at most that long before, in any plausible return); older dates count slowly.
        let workingDays = WorkingDays(from: first.firstDay.advanced(by: -731), through: last.lastDay)
        let monthEnds = months.map(\.lastDay)
        var start = 0
        while start < episodes.count {
            var end = start + 1
            while end < episodes.count && episodes[end].child == episodes[start].child { end += 1 }
            let child = episodes[start..<end]
            let planStarts = Set(child.flatMap { $0.plans.map(\.start) })
            let earliestPlan = planStarts.min()
            var referrals: [CalendarDate] = child.map(\.referral)
            referrals.sort()
            for (position, referral) in referrals.enumerated() {
                add("referrals", referral)
                let yearBefore = CINCensusReturn.sameDay(yearsBefore: 1, referral)
                if position > 0 && referrals[position - 1] >= yearBefore { add("re_referrals_12m", referral) }
            }
            for episode in child {
                for assessment in episode.assessments {
                    guard let authorised = assessment.authorised else { continue }
                    add("assessments_completed", authorised)
                    let days = workingDays.count(from: assessment.start, to: authorised)
                    let band =
                        days <= 10
                        ? "assessments_wd_0_10"
                        : days <= 25
                            ? "assessments_wd_11_25"
                            : days <= 35 ? "assessments_wd_26_35" : days <= 45 ? "assessments_wd_36_45" : "assessments_wd_over_45"
                    add(band, authorised)
                    if days <= 45 { add("assessments_within_45wd", authorised) }
                }
                for section47 in episode.section47s {
                    add("s47_started", section47.start)
                    guard let conference = section47.conference else { continue }
                    add("icpcs", conference)
                    if workingDays.count(from: section47.start, to: conference) <= 15 { add("icpcs_within_15wd", conference) }
                    if planStarts.contains(conference) { add("icpcs_to_plan", conference) }
                }
                for plan in episode.plans {
                    add("cpp_started", plan.start)
                    if (plan.previousPlans ?? 0) > 0 || earliestPlan.map({ $0 < plan.start }) == true { add("cpp_started_repeat", plan.start) }
                    if let end = plan.end { add("cpp_ended", end) }
                }
            }
            for (index, day) in monthEnds.enumerated() {
                if child.contains(where: { $0.referral <= day && ($0.closure.map { day < $0 } ?? true) }) { counts["cin_open"]![index] += 1 }
                if child.contains(where: { $0.plans.contains { $0.start <= day && ($0.end.map { day < $0 } ?? true) } }) {
                    counts["cpp_open"]![index] += 1
                }
            }
            start = end
        }
        self.counts = counts
    }
}
