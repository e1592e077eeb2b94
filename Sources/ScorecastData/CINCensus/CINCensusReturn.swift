import ScorecastCore

/// A date field of a CIN census return as it was read: the date, or the text that is not one,
/// and the line it is on.
public struct CINDateField: Sendable, Equatable {
    /// The date, `nil` when the field is not a date (see ``text``).
    public var date: CalendarDate?
    /// The field's text, trimmed (kept for messages when it is not a date).
    public var text: String
    /// The line of the field, from 1.
    public var line: Int

    public init(date: CalendarDate?, text: String, line: Int) {
        self.date = date
        self.text = text
        self.line = line
    }

    /// Reads `text` as an ISO date `YYYY-MM-DD` (the schema's `xs:date`).
    public init(text: String, line: Int) {
        self.init(date: CalendarDate(parsing: text), text: text, line: line)
    }
}

/// One `Assessments` element of an episode.
public struct CINAssessmentRecord: Sendable, Equatable {
    public var line: Int
    public var start: CINDateField?
    public var authorised: CINDateField?
}

/// One `Section47` element of an episode.
public struct CINSection47Record: Sendable, Equatable {
    public var line: Int
    public var start: CINDateField?
    /// `InitialCPCtarget`: a target, so allowed after the return's reference date.
    public var conferenceTarget: CINDateField?
    /// `DateOfInitialCPC`.
    public var conference: CINDateField?
    public var conferenceNotRequired: String = ""
}

/// One `ChildProtectionPlans` element of an episode.
public struct CINPlanRecord: Sendable, Equatable {
    public var line: Int
    public var start: CINDateField?
    public var end: CINDateField?
    /// `NumberOfPreviousCPP` as written.
    public var previousPlans: String = ""
}

/// One `CINdetails` element: an episode of need as one return records it.
public struct CINEpisodeRecord: Sendable, Equatable {
    public var line: Int
    public var referral: CINDateField?
    public var closure: CINDateField?
    public var referralSource = ""
    public var primaryNeed = ""
    public var reasonForClosure = ""
    public var referralNFA = ""
    public var assessments: [CINAssessmentRecord] = []
    public var section47s: [CINSection47Record] = []
    public var plans: [CINPlanRecord] = []
}

/// One `Child` element.
public struct CINChildRecord: Sendable, Equatable {
    public var line: Int
    /// `LAchildID`, trimmed.
    public var identifier = ""
    public var birth: CINDateField?
    public var episodes: [CINEpisodeRecord] = []
}

/// One children in need census return, as read: its header and children.
///
/// Layout (DfE's CIN census XML, as `data-to-insight/csc-validator-be-cin` reads it in
/// `cin_validator/ingress.py`): `Message/Header/CollectionDetails/{Collection, Year,
/// ReferenceDate}` and `Message/Children/Child` with `ChildIdentifiers`, `ChildCharacteristics`
/// and repeated `CINdetails` holding repeated `Assessments`, `Section47` and
/// `ChildProtectionPlans`.
public struct CINCensusReturn: Sendable {
    /// The file's name as given.
    public var file: String
    /// `Collection` (`CIN`).
    public var collection: String
    /// `Year` as written.
    public var year: String
    /// `ReferenceDate`: the census date, 31 March; the return covers the year up to it.
    public var referenceDate: CalendarDate
    public var children: [CINChildRecord]

    public init(file: String, collection: String, year: String, referenceDate: CalendarDate, children: [CINChildRecord]) {
        self.file = file
        self.collection = collection
        self.year = year
        self.referenceDate = referenceDate
        self.children = children
    }

    /// The first day the return covers: 1 April of the year before its reference date's year
    /// (for a reference date in March), or the day a year before the reference date otherwise.
    public var firstDay: CalendarDate {
        let date = referenceDate
        if date.month == 3 && date.day == 31 { return CalendarDate(year: date.year - 1, month: 4, day: 1) }
        return CINCensusReturn.sameDay(yearsBefore: 1, date).advanced(by: 1)
    }

    /// The same day and month `years` years before `date`; 29 February goes to 28 February.
    public static func sameDay(yearsBefore years: Int, _ date: CalendarDate) -> CalendarDate {
        let (year, month, day) = date.components
        return CalendarDate(year: year - years, month: month, day: min(day, CalendarDate.daysInMonth(year: year - years, month: month)))
    }
}
