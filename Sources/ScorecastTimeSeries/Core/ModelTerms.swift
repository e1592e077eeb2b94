/// The components a fitted model actually has: what its forecasts and verdicts may be said to
/// account for.
///
/// Every sentence Scorecast writes about a forecast or a verdict names only the terms in its
/// model's ``FittedForecastModel/terms``: a level-only model fitted to seven months is never
/// said to account for trend, season or the school calendar.
public struct ModelTerms: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A level (an intercept, a smoothed level, the last value).
    public static let level = ModelTerms(rawValue: 1 << 0)
    /// A trend: a slope, a drift or a differenced constant.
    public static let trend = ModelTerms(rawValue: 1 << 1)
    /// A pattern by month (or quarter) of the year.
    public static let season = ModelTerms(rawValue: 1 << 2)
    /// The share of the month's school days that are school holidays.
    public static let schoolHolidays = ModelTerms(rawValue: 1 << 3)
    /// The month's working days.
    public static let workingDays = ModelTerms(rawValue: 1 << 4)
    /// Dummies for intervention events.
    public static let events = ModelTerms(rawValue: 1 << 5)

    /// The calendar terms: school holidays and working days.
    public static let calendar: ModelTerms = [.schoolHolidays, .workingDays]

    /// The terms as words, in a fixed order: `level`, `trend`, `season`, `school holidays`,
    /// `working days`, `events`.
    public var names: [String] {
        let all: [(ModelTerms, String)] = [
            (.level, "level"), (.trend, "trend"), (.season, "season"), (.schoolHolidays, "school holidays"),
            (.workingDays, "working days"), (.events, "events"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }

    /// `level, trend and season`: the names joined for a sentence.
    public var phrase: String {
        let words = names
        guard words.count > 1 else { return words.first ?? "nothing" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
}

/// Where a model's seasonal pattern came from.
public enum SeasonalitySource: Sendable, Hashable {
    /// Learnt from the series itself (it is long enough to try).
    case own
    /// Borrowed from a longer reference series (``SeasonalProfile``), named here.
    case borrowed(reference: String)
    /// None: the series has too few observed months to learn one and none was borrowed.
    case none(observedMonths: Int)

    /// `own`, `borrowed:<reference>`, or `level only (N months)` / `no season (N months)`
    /// (the latter when `terms` has more than a level), as the report's CSVs and page write it.
    public func label(terms: ModelTerms) -> String {
        switch self {
        case .own: return "own"
        case .borrowed(let reference): return "borrowed:" + reference
        case .none(let months):
            return terms.subtracting([.level, .events]).isEmpty ? "level only (\(months) months)" : "no season (\(months) months)"
        }
    }
}
