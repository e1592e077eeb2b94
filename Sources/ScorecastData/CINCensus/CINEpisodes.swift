import ScorecastCore

/// An assessment of an episode, validated.
public struct CINAssessment: Sendable, Equatable {
    public var start: CalendarDate
    /// `nil` while not authorised.
    public var authorised: CalendarDate?

    public init(start: CalendarDate, authorised: CalendarDate?) {
        self.start = start
        self.authorised = authorised
    }
}

/// A section 47 enquiry of an episode, validated.
public struct CINSection47: Sendable, Equatable {
    public var start: CalendarDate
    /// The initial child protection conference, `nil` when none was held.
    public var conference: CalendarDate?

    public init(start: CalendarDate, conference: CalendarDate?) {
        self.start = start
        self.conference = conference
    }
}

/// A child protection plan of an episode, validated.
public struct CINPlan: Sendable, Equatable {
    public var start: CalendarDate
    /// `nil` while open.
    public var end: CalendarDate?
    /// `NumberOfPreviousCPP`, `nil` when not given.
    public var previousPlans: Int?

    public init(start: CalendarDate, end: CalendarDate?, previousPlans: Int?) {
        self.start = start
        self.end = end
        self.previousPlans = previousPlans
    }
}

/// An episode of need merged across returns: (child, referral date) with the fields of the
/// latest return holding it.
public struct CINEpisode: Sendable, Equatable {
    public var child: String
    public var referral: CalendarDate
    public var closure: CalendarDate?
    public var referralSource: String
    public var primaryNeed: String
    public var reasonForClosure: String
    public var referralNFA: String
    /// By start date.
    public var assessments: [CINAssessment]
    public var section47s: [CINSection47]
    public var plans: [CINPlan]
    /// The return that gave the episode's fields, and the line of its `CINdetails`.
    public var file: String
    public var line: Int
}

/// A row of `validation.csv`: an episode left out and why.
public struct CINValidationIssue: Error, Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        case notADate = "not_a_date"
        case missingDate = "missing_date"
        case closedBeforeReferral = "closed_before_referral"
        case authorisedBeforeStart = "authorised_before_start"
        case planEndsBeforeStart = "plan_ends_before_start"
        case conferenceBeforeSection47 = "conference_before_section47"
        case afterReferenceDate = "after_reference_date"
        case notANumber = "not_a_number"
        case missingChild = "missing_child_id"
    }
    public var file: String
    public var line: Int
    public var child: String
    public var rule: Rule
    public var message: String
}

/// The episodes of a set of returns, validated and merged by the issue-25 rules.
///
/// Validation, per return and episode (`CINdetails`): an episode is invalid, listed and left
/// out when it has a date field that is not a date, no referral date (or an assessment, section
/// 47 or plan with no start date), a closure before its referral, an assessment authorised
/// before it starts, a plan that ends before it starts, a section 47's initial conference before
/// the section 47 starts, a date after the return's `ReferenceDate` (`InitialCPCtarget`, a
/// target, excepted), a `NumberOfPreviousCPP` that is not a whole number, or no `LAchildID`.
///
/// Merging: an episode is (`LAchildID`, `CINreferralDate`). The latest return holding it (by
/// `ReferenceDate`; in one return, the later in the file) gives its fields; if that occurrence is
/// invalid the episode is left out. Assessments, section 47s and plans are keyed by their start
/// dates within the episode, over the valid occurrences, the latest return again winning. A
/// child repeated whole in a return so counts once.
///
/// Complexity: O(records · log records).
public struct CINEpisodes: Sendable {
    /// Merged episodes, sorted by child then referral date.
    public var episodes: [CINEpisode]
    /// Invalid episode occurrences, in return order then line.
    public var issues: [CINValidationIssue]
    /// Episodes left out because their latest occurrence is invalid.
    public var leftOut: Int

    /// Validates and merges `returns` (any order).
    public init(returns: [CINCensusReturn]) {
        let ordered = returns.enumerated().sorted { ($0.element.referenceDate, $0.offset) < ($1.element.referenceDate, $1.offset) }
        struct Key: Hashable {
            var child: String
            var referral: CalendarDate
        }
        /// An episode's fields from its latest record (`nil` while that record is invalid), and
        /// its assessments, section 47s and plans by start date from every valid record.
        struct Merged {
            var episode: CINEpisode?
            var assessments: [CalendarDate: CINAssessment] = [:]
            var section47s: [CalendarDate: CINSection47] = [:]
            var plans: [CalendarDate: CINPlan] = [:]
        }
        var merged: [Key: Merged] = [:]
        var issues: [CINValidationIssue] = []
        for (_, census) in ordered {
            for child in census.children {
                for record in child.episodes {
                    let result = CINEpisodes.validate(record, child: child, in: census)
                    guard let referral = record.referral?.date, !child.identifier.isEmpty else {
                        if let issue = result.issue { issues.append(issue) }
                        continue
                    }
                    let key = Key(child: child.identifier, referral: referral)
                    guard let episode = result.episode else {
                        if let issue = result.issue { issues.append(issue) }
                        merged[key, default: Merged()].episode = nil
                        continue
                    }
                    var entry = merged[key] ?? Merged()
                    entry.episode = episode
                    for assessment in episode.assessments { entry.assessments[assessment.start] = assessment }
                    for section47 in episode.section47s { entry.section47s[section47.start] = section47 }
                    for plan in episode.plans { entry.plans[plan.start] = plan }
                    merged[key] = entry
                }
            }
        }
        var episodes: [CINEpisode] = []
        var leftOut = 0
        for entry in merged.values {
            guard var episode = entry.episode else {
                leftOut += 1
                continue
            }
            episode.assessments = entry.assessments.values.sorted { $0.start < $1.start }
            episode.section47s = entry.section47s.values.sorted { $0.start < $1.start }
            episode.plans = entry.plans.values.sorted { $0.start < $1.start }
            episodes.append(episode)
        }
        episodes.sort { ($0.child, $0.referral) < ($1.child, $1.referral) }
        self.episodes = episodes
        self.issues = issues
        self.leftOut = leftOut
    }

    /// The episode of `record` if it is valid, otherwise the first problem found.
    static func validate(
        _ record: CINEpisodeRecord, child: CINChildRecord, in census: CINCensusReturn
    ) -> (episode: CINEpisode?, issue: CINValidationIssue?) {
        let file = census.file
        let reference = census.referenceDate
        func issue(_ line: Int, _ rule: CINValidationIssue.Rule, _ message: String) -> (CINEpisode?, CINValidationIssue?) {
            (nil, CINValidationIssue(file: file, line: line, child: child.identifier, rule: rule, message: message))
        }
        guard !child.identifier.isEmpty else { return issue(record.line, .missingChild, "the child has no LAchildID") }
        /// A date field: `.success(nil)` when absent, the date, or the problem.
        func check(_ field: CINDateField?, _ name: String, required: Bool, line: Int, capped: Bool = true) -> Result<
            CalendarDate?, CINValidationIssue
        > {
            guard let field, !field.text.isEmpty else {
                if required {
                    return .failure(
                        CINValidationIssue(file: file, line: line, child: child.identifier, rule: .missingDate, message: "\(name) is missing"))
                }
                return .success(nil)
            }
            guard let date = field.date else {
                return .failure(
                    CINValidationIssue(
                        file: file, line: field.line, child: child.identifier, rule: .notADate,
                        message: "\(name) \(DataError.quote(field.text)) is not a date YYYY-MM-DD"))
            }
            if capped && date > reference {
                return .failure(
                    CINValidationIssue(
                        file: file, line: field.line, child: child.identifier, rule: .afterReferenceDate,
                        message: "\(name) \(date) is after the return's ReferenceDate \(reference)"))
            }
            return .success(date)
        }
        do throws(CINValidationIssue) {
            guard let referral = try check(record.referral, "CINreferralDate", required: true, line: record.line).get() else {
                return issue(record.line, .missingDate, "CINreferralDate is missing")
            }
            let closure = try check(record.closure, "CINclosureDate", required: false, line: record.line).get()
            if let closure, closure < referral {
                return issue(
                    record.closure!.line, .closedBeforeReferral, "CINclosureDate \(closure) is before CINreferralDate \(referral)")
            }
            var assessments: [CINAssessment] = []
            for assessment in record.assessments {
                let start = try check(assessment.start, "AssessmentActualStartDate", required: true, line: assessment.line).get()!
                let authorised = try check(assessment.authorised, "AssessmentAuthorisationDate", required: false, line: assessment.line).get()
                if let authorised, authorised < start {
                    return issue(
                        assessment.authorised!.line, .authorisedBeforeStart,
                        "AssessmentAuthorisationDate \(authorised) is before AssessmentActualStartDate \(start)")
                }
                assessments.append(CINAssessment(start: start, authorised: authorised))
            }
            var section47s: [CINSection47] = []
            for section47 in record.section47s {
                let start = try check(section47.start, "S47ActualStartDate", required: true, line: section47.line).get()!
                _ = try check(section47.conferenceTarget, "InitialCPCtarget", required: false, line: section47.line, capped: false).get()
                let conference = try check(section47.conference, "DateOfInitialCPC", required: false, line: section47.line).get()
                if let conference, conference < start {
                    return issue(
                        section47.conference!.line, .conferenceBeforeSection47,
                        "DateOfInitialCPC \(conference) is before S47ActualStartDate \(start)")
                }
                section47s.append(CINSection47(start: start, conference: conference))
            }
            var plans: [CINPlan] = []
            for plan in record.plans {
                let start = try check(plan.start, "CPPstartDate", required: true, line: plan.line).get()!
                let end = try check(plan.end, "CPPendDate", required: false, line: plan.line).get()
                if let end, end < start {
                    return issue(plan.end!.line, .planEndsBeforeStart, "CPPendDate \(end) is before CPPstartDate \(start)")
                }
                var previous: Int? = nil
                if !plan.previousPlans.isEmpty {
                    guard let number = Int(plan.previousPlans), number >= 0 else {
                        return issue(
                            plan.line, .notANumber, "NumberOfPreviousCPP \(DataError.quote(plan.previousPlans)) is not a whole number")
                    }
                    previous = number
                }
                plans.append(CINPlan(start: start, end: end, previousPlans: previous))
            }
            return (
                CINEpisode(
                    child: child.identifier, referral: referral, closure: closure, referralSource: record.referralSource,
                    primaryNeed: record.primaryNeed, reasonForClosure: record.reasonForClosure, referralNFA: record.referralNFA,
                    assessments: assessments, section47s: section47s, plans: plans, file: file, line: record.line),
                nil
            )
        } catch {
            return (nil, error)
        }
    }
}
