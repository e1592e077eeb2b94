import ScorecastCore

/// One header row as read: a child and their date of birth.
public struct SSDA903HeaderRecord: Sendable, Equatable {
    public var child: String
    public var birth: CalendarDate
    public var sex: String
    public var file: String
    public var line: Int
    /// Position of the file in reading order (later files win).
    public var fileOrder: Int
}

/// One episodes row as read, codes trimmed and upper-cased.
public struct SSDA903EpisodeRecord: Sendable, Equatable {
    public var child: String
    public var start: CalendarDate
    /// DEC; `nil` for an episode open at the end of its return.
    public var end: CalendarDate?
    public var reasonNewEpisode: String
    public var legalStatus: String
    public var categoryOfNeed: String
    public var place: String
    public var file: String
    public var line: Int
    /// Rank of the return the row came from: returns are ordered by collection year, then file
    /// order, then `YEAR` value; a higher rank is a later file.
    public var returnRank: Int
    /// Position of the row in reading order.
    public var order: Int
    /// The column of each field, for issues: PLACE, DEC.
    public var placeColumn: Int
    public var endColumn: Int
    /// REC, the reason the episode ceased (`E11`, `X1`, ...); empty while open.
    public var reasonCeased: String = ""
}

/// One UASC row as read.
public struct SSDA903UASCRecord: Sendable, Equatable {
    public var child: String
    public var birth: CalendarDate
    /// Date the child ceased to be UASC, if given.
    public var ceased: CalendarDate?
    public var file: String
    public var line: Int
}

/// Everything read from a set of 903 files, before clean-up.
public struct SSDA903Returns: Sendable {
    public var headers: [SSDA903HeaderRecord] = []
    public var episodes: [SSDA903EpisodeRecord] = []
    public var uasc: [SSDA903UASCRecord] = []
    /// Row-level problems found while reading.
    public var issues: [SSDA903Issue] = []
    /// The files read, with the table each was recognised as.
    public var tables: [(file: String, table: SSDA903Table)] = []
    /// Files under a folder whose header row is not a header, episodes or UASC table (the other
    /// 903 tables: reviews, OC2, OC3, missing, ...), skipped.
    public var skipped: [String] = []
    /// Collection years (by the year they end) of the returns, first and last.
    public var firstCollectionYear: Int = 0
    public var lastCollectionYear: Int = 0
    /// The collection year of each return, by ``SSDA903EpisodeRecord/returnRank``.
    public var returnYears: [Int] = []

    public init() {}

    /// The first day counted: 1 April of the first collection year.
    public var spanStart: CalendarDate { CalendarDate(year: firstCollectionYear - 1, month: 4, day: 1) }
    /// The last day counted: 31 March after the last collection year.
    public var spanEnd: CalendarDate { CalendarDate(year: lastCollectionYear, month: 3, day: 31) }
}
