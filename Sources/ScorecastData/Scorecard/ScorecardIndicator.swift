/// One cell of a scorecard's number row, as printed and as a number.
public struct ScorecardCell: Sendable, Equatable {
    /// The cell as printed: `1,190`, `19%`, `-15%`, `-`, `tbc`, `- n/a`, `Local`.
    public var text: String
    /// The number it shows (`19%` is 19), or `nil` for a missing cell.
    public var value: Double?

    public init(text: String, value: Double?) {
        self.text = text
        self.value = value
    }

    /// Whether the cell holds a number.
    public var isNumber: Bool { value != nil }

    /// Why the cell has no number, in the tidy formats' words, or `nil` for a number:
    /// `not_published` (`-`), `tbc`, `not_applicable` (`n/a`), `local_measure` (`Local`:
    /// the indicator is local, so no comparator exists).
    public var status: String? {
        guard value == nil else { return nil }
        switch text.lowercased() {
        case "tbc": return "tbc"
        case "local": return "local_measure"
        case "- n/a", "n/a": return "not_applicable"
        default: return "not_published"
        }
    }

    /// The printed form of a missing cell with `status` (the inverse of ``status``).
    public static func printedForm(ofStatus status: String) -> String {
        switch status {
        case "tbc": return "tbc"
        case "local_measure": return "Local"
        case "not_applicable": return "n/a"
        default: return "-"
        }
    }
}

/// One indicator of a published monthly scorecard, as read from its text.
public struct ScorecardIndicator: Sendable, Equatable {
    /// The indicator's code, reassembled from its rotated pieces (`M1`, `M6-QL (val)`, `EH3a %`).
    public var code: String
    /// Its title.
    public var title: String
    /// The lead (first rotated name) and owner (second).
    public var lead: String
    public var owner: String
    /// The outcome statement: what good looks like.
    public var outcome: String
    /// Monthly values, oldest first, the last one being the scorecard's month. A newer series
    /// has fewer than seven; an indicator with none (quarterly returns) has an empty array.
    public var monthly: [ScorecardCell]
    /// The printed % change from the previous month and from the same month last year.
    public var changeFromPreviousMonth: ScorecardCell
    public var changeFromLastYear: ScorecardCell
    /// The icon character as printed (a private-use character of the icon font), if any.
    public var icon: String?
    /// The printed 12-month average and high.
    public var average12Months: ScorecardCell
    public var high12Months: ScorecardCell
    /// Comparators in the order statistical neighbours, England, South East (fewer when the
    /// row ends early).
    public var comparators: [ScorecardCell]
    /// The commentary below the row ("" when there is none).
    public var commentary: String
    /// Where the code begins and where the number row is, in the text (lines from 1).
    public var codeLine: Int
    public var numberRowLine: Int
    /// The number row as printed (without any prose sharing its line).
    public var numberRowText: String

    /// Whether the row prints percentages (`19%`).
    public var printsPercentages: Bool {
        (monthly + [average12Months, high12Months]).contains { $0.text.hasSuffix("%") }
    }
}
