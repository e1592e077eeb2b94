import ScorecastCore
import ScorecastData
import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded synthetic council's children in need census returns, with the TRUTH of every
/// monthly measure: SYNTHETIC DATA for examples, tests and benchmarks.
///
/// The same synthetic council as ``SyntheticSSDA903`` (collection years ending 31 March, five by
/// default, the last 2024-25). Referrals arrive day by day (Poisson) at a yearly rate that dips
/// in August (×0.75) and December (×0.8), with a tenth of a weekday's rate on weekends and bank
/// holidays; a fifth go to a child whose last episode closed earlier (re-referrals), the rest to
/// new children. Each episode: 8% close with no further action within two days; the others get
/// an assessment (start within a few days, authorised after an exponential wait of mean 30 days),
/// 10% a second one; 22% a section 47 (50% for a child who has had a plan), 65% of these an initial conference (3 days plus an
/// exponential wait of mean 12 days after it starts), 75% of those a plan starting that day and
/// 5% a plan starting a few days later; plans last 30 days plus an exponential of mean 250; the
/// episode closes 10 days plus an exponential of mean 90 after its last event. The process runs
/// from three years before the first return, so the returns see a steady state.
///
/// Each return (`cin-census-YYYY.xml`, ReferenceDate 31 March YYYY) holds every child with an
/// episode open at some time in its year, with what had happened by its ReferenceDate (later
/// dates left out, so an open episode recurs next year, more complete). Messiness, seeded like
/// the rest: a byte-order mark on every other year and CRLF on the others, about 3% of values
/// padded with spaces, one child repeated whole per return, and per return seven invalid
/// episodes, one for each validation rule (`import-cin` lists them in validation.csv and leaves
/// them out; the truth does not have them).
///
/// The truth is computed here from the simulated events, independently of the importer: each
/// measure as issue 25 defines it, over the episodes the returns hold (an episode closed before
/// the first return's year is in none, so it is no earlier referral for `re_referrals_12m`).
public struct SyntheticCINCensus: Sendable {
    public var seed: UInt64
    /// Collection years written, ending with ``lastCollectionYear``.
    public var years: Int
    /// The year the last collection year ends (2025 for 2024-25).
    public var lastCollectionYear: Int
    /// Referrals a year on average.
    public var referralsPerYear: Double
    /// Whether to add the messiness (byte-order marks, CRLF, padding, a repeated child, invalid
    /// episodes); off gives clean files.
    public var messy: Bool

    public init(seed: UInt64, years: Int = 5, lastCollectionYear: Int = 2025, referralsPerYear: Double = 600, messy: Bool = true) {
        precondition(years >= 1, "at least one year")
        precondition(referralsPerYear > 0, "a positive referral rate")
        self.seed = seed
        self.years = years
        self.lastCollectionYear = lastCollectionYear
        self.referralsPerYear = referralsPerYear
        self.messy = messy
    }

    /// The measures month by month, as the returns should give them.
    public struct Truth: Sendable, Equatable {
        /// April of the first collection year to March of the last.
        public var months: [Period]
        /// Counts by measure name (``CINMeasure/counts``), aligned with ``months``.
        public var counts: [String: [Int]]
        /// The invalid episodes written, as (file, child) pairs.
        public var invalid: [(file: String, child: String)]

        public static func == (lhs: Truth, rhs: Truth) -> Bool {
            lhs.months == rhs.months && lhs.counts == rhs.counts && lhs.invalid.elementsEqual(rhs.invalid) { $0 == $1 }
        }
    }

    /// A simulated assessment, section 47 or plan (dates after the last ReferenceDate removed).
    struct Assessment {
        var start: CalendarDate
        var authorised: CalendarDate?
    }
    struct Section47 {
        var start: CalendarDate
        var conference: CalendarDate?
    }
    struct Plan {
        var start: CalendarDate
        var end: CalendarDate?
        var previous: Int
    }
    struct Episode {
        var child: Int
        var referral: CalendarDate
        var closure: CalendarDate?
        var nfa: Bool
        var source: String
        var need: String
        var assessments: [Assessment] = []
        var section47s: [Section47] = []
        var plans: [Plan] = []
    }
    struct Child {
        var identifier: String
        var birth: CalendarDate
        var sex: Int
        var episodes: [Int] = []
    }

    /// The first day of the first collection year and the last ReferenceDate.
    var span: (first: CalendarDate, last: CalendarDate) {
        (CalendarDate(year: lastCollectionYear - years, month: 4, day: 1), CalendarDate(year: lastCollectionYear, month: 3, day: 31))
    }

    /// The returns, as (file name, text), and the truth.
    public func generate() -> (files: [(path: String, text: String)], truth: Truth) {
        var generator = Xoshiro256StarStar(seed: seed)
        let (children, episodes) = simulate(using: &generator)
        var files: [(path: String, text: String)] = []
        var invalid: [(file: String, child: String)] = []
        for year in (lastCollectionYear - years + 1)...lastCollectionYear {
            let written = returnFile(year: year, children: children, episodes: episodes, using: &generator)
            files.append((written.path, written.text))
            invalid += written.invalid.map { (written.path, $0) }
        }
        var truth = SyntheticCINCensus.truth(children: children, episodes: episodes, span: span)
        truth.invalid = invalid
        return (files, truth)
    }

    /// The simulated council: children and their episodes (in referral order), dates after the
    /// last ReferenceDate removed.
    func simulate(using generator: inout some RandomNumberGenerator) -> ([Child], [Episode]) {
        let (firstDay, lastDay) = span
        let start = CalendarDate(year: firstDay.year - 3, month: 4, day: 1)
        let holidays = Set(EnglandBankHolidays.bankHolidays(from: start, through: lastDay).map(\.date))
        let others = (12 - 0.75 - 0.8) / 10
        let weekday = (7 - 2 * 0.1) / 5
        var children: [Child] = []
        var episodes: [Episode] = []
        /// Children whose last episode has closed, with its closure (full, before truncation).
        var closedChildren: [(child: Int, closure: CalendarDate)] = []
        var openUntil: [Int: CalendarDate] = [:]
        var planCount: [Int: Int] = [:]
        var usedIdentifiers: Set<Int> = []
        var day = start
        func uniform() -> Double { RandomVariates.openUniform(using: &generator) }
        func exponential(_ mean: Double) -> Int { Int(-log(uniform()) * mean) }
        while day <= lastDay {
            let month = day.month
            let seasonal = month == 8 ? 0.75 : month == 12 ? 0.8 : others
            let daily = (day.isWeekday && !holidays.contains(day)) ? weekday : 0.1
            let arrivals = RandomVariates.poisson(mean: referralsPerYear / 365.25 * seasonal * daily, using: &generator)
            for _ in 0..<arrivals {
                var childIndex: Int? = nil
                if uniform() < 0.2 && !closedChildren.isEmpty {
                    // A re-referral: a child whose last episode closed before today (a few tries
                    // at random in the pool of children closed in the last three years).
                    for _ in 0..<4 {
                        let pick = Int(generator.next() % UInt64(closedChildren.count))
                        if closedChildren[pick].closure < day {
                            childIndex = closedChildren[pick].child
                            closedChildren.swapAt(pick, closedChildren.count - 1)
                            closedChildren.removeLast()
                            break
                        }
                    }
                }
                if childIndex == nil {
                    var identifier: Int
                    repeat { identifier = 1_000_000 + Int(generator.next() % 9_000_000) } while !usedIdentifiers.insert(identifier).inserted
                    let age = Int(uniform() * 17.5 * 365.25)
                    children.append(Child(identifier: "CIN\(identifier)", birth: day.advanced(by: -age), sex: Int(generator.next() % 2) + 1))
                    childIndex = children.count - 1
                }
                let child = childIndex!
                guard openUntil[child].map({ $0 < day }) ?? true else { continue }
                var episode = Episode(
                    child: child, referral: day, closure: nil, nfa: false,
                    source: ["1A", "1B", "2A", "3A", "3E", "4", "5A", "6", "9"][Int(generator.next() % 9)],
                    need: "N\(1 + Int(generator.next() % 9))")
                var last = day
                if uniform() < 0.08 {
                    episode.nfa = true
                    last = day.advanced(by: Int(generator.next() % 3))
                } else {
                    let assessmentStart = day.advanced(by: exponential(1.5))
                    let authorised = assessmentStart.advanced(by: 1 + exponential(30))
                    episode.assessments.append(Assessment(start: assessmentStart, authorised: authorised))
                    last = authorised
                    if uniform() < (planCount[child, default: 0] > 0 ? 0.5 : 0.22) {
                        let s47Start = day.advanced(by: exponential(3))
                        var s47 = Section47(start: s47Start, conference: nil)
                        if uniform() < 0.65 {
                            let conference = s47Start.advanced(by: 3 + exponential(12))
                            s47.conference = conference
                            last = max(last, conference)
                            let u = uniform()
                            if u < 0.8 {
                                let planStart = u < 0.75 ? conference : conference.advanced(by: 1 + Int(generator.next() % 10))
                                let end = planStart.advanced(by: 30 + exponential(250))
                                episode.plans.append(Plan(start: planStart, end: end, previous: planCount[child, default: 0]))
                                planCount[child, default: 0] += 1
                                last = max(last, end)
                            }
                        }
                        episode.section47s.append(s47)
                        last = max(last, s47Start)
                    }
                    if uniform() < 0.1 {
                        let second = last.advanced(by: 10 + exponential(40))
                        let secondAuthorised = second.advanced(by: 1 + exponential(30))
                        episode.assessments.append(Assessment(start: second, authorised: secondAuthorised))
                        last = secondAuthorised
                    }
                }
                let closure = episode.nfa ? last : last.advanced(by: 10 + exponential(90))
                episode.closure = closure
                openUntil[child] = closure
                closedChildren.append((child, closure))
                children[child].episodes.append(episodes.count)
                episodes.append(SyntheticCINCensus.truncated(episode, at: lastDay))
            }
            if day.day == 1 { closedChildren.removeAll { $0.closure < day.advanced(by: -3 * 365) } }
            day = day.advanced(by: 1)
        }
        return (children, episodes)
    }

    /// `episode` as known on `day`: later dates removed (and events starting later dropped).
    static func truncated(_ episode: Episode, at day: CalendarDate) -> Episode {
        var known = episode
        known.closure = episode.closure.flatMap { $0 <= day ? $0 : nil }
        known.assessments = episode.assessments.filter { $0.start <= day }.map {
            Assessment(start: $0.start, authorised: $0.authorised.flatMap { $0 <= day ? $0 : nil })
        }
        known.section47s = episode.section47s.filter { $0.start <= day }.map {
            Section47(start: $0.start, conference: $0.conference.flatMap { $0 <= day ? $0 : nil })
        }
        known.plans = episode.plans.filter { $0.start <= day }.map {
            Plan(start: $0.start, end: $0.end.flatMap { $0 <= day ? $0 : nil }, previous: $0.previous)
        }
        return known
    }

    /// The truth: every count measure for every month of the span, computed directly from the
    /// simulated events (working days counted day by day).
    static func truth(children: [Child], episodes: [Episode], span: (first: CalendarDate, last: CalendarDate)) -> Truth {
        let months = Array(span.first.monthPeriod...span.last.monthPeriod)
        var counts = [String: [Int]](uniqueKeysWithValues: CINMeasure.counts.map { ($0.name, [Int](repeating: 0, count: months.count)) })
        func add(_ name: String, _ date: CalendarDate) {
            guard date >= span.first && date <= span.last else { return }
            counts[name]![months[0].distance(to: date.monthPeriod)] += 1
        }
        let holidays = Set(EnglandBankHolidays.bankHolidays(from: span.first.advanced(by: -800), through: span.last).map(\.date))
        func workingDays(_ from: CalendarDate, _ to: CalendarDate) -> Int {
            var count = 0
            var day = from.advanced(by: 1)
            while day <= to {
                if day.isWeekday && !holidays.contains(day) { count += 1 }
                day = day.advanced(by: 1)
            }
            return count
        }
        // In the returns: open at some time from the first return's first day.
        func inReturns(_ episode: Episode) -> Bool { episode.closure.map { $0 >= span.first } ?? true }
        for child in children {
            let own = child.episodes.map { episodes[$0] }.filter(inReturns)
            let planStarts = Set(child.episodes.flatMap { episodes[$0].plans.map(\.start) })
            for episode in own {
                add("referrals", episode.referral)
                let (y, m, d) = episode.referral.components
                let yearBefore = CalendarDate(year: y - 1, month: m, day: min(d, CalendarDate.daysInMonth(year: y - 1, month: m)))
                if own.contains(where: { $0.referral < episode.referral && $0.referral >= yearBefore }) {
                    add("re_referrals_12m", episode.referral)
                }
                for assessment in episode.assessments {
                    guard let authorised = assessment.authorised else { continue }
                    let days = workingDays(assessment.start, authorised)
                    add("assessments_completed", authorised)
                    switch days {
                    case ...10: add("assessments_wd_0_10", authorised)
                    case 11...25: add("assessments_wd_11_25", authorised)
                    case 26...35: add("assessments_wd_26_35", authorised)
                    case 36...45: add("assessments_wd_36_45", authorised)
                    default: add("assessments_wd_over_45", authorised)
                    }
                    if days <= 45 { add("assessments_within_45wd", authorised) }
                }
                for s47 in episode.section47s {
                    add("s47_started", s47.start)
                    guard let conference = s47.conference else { continue }
                    add("icpcs", conference)
                    if workingDays(s47.start, conference) <= 15 { add("icpcs_within_15wd", conference) }
                    if planStarts.contains(conference) { add("icpcs_to_plan", conference) }
                }
                for plan in episode.plans {
                    add("cpp_started", plan.start)
                    if plan.previous > 0 { add("cpp_started_repeat", plan.start) }
                    if let end = plan.end { add("cpp_ended", end) }
                }
            }
            for (index, month) in months.enumerated() {
                let day = month.lastDay
                if own.contains(where: { $0.referral <= day && ($0.closure.map { day < $0 } ?? true) }) { counts["cin_open"]![index] += 1 }
                if own.contains(where: { $0.plans.contains { $0.start <= day && ($0.end.map { day < $0 } ?? true) } }) {
                    counts["cpp_open"]![index] += 1
                }
            }
        }
        return Truth(months: months, counts: counts, invalid: [])
    }
}
