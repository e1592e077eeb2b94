/// A row-level problem found in a 903 return, as `validation.csv` lists it
/// (`file,line,column,rule,message`).
///
/// Problems are not errors: the row is left out or kept as the rule says (the message says
/// which), so one bad row never stops an import and none is dropped silently.
public struct SSDA903Issue: Sendable, Equatable, Hashable {
    /// The file as given (or as found under a folder given).
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column of the offending field (characters, from 1); 1 for a whole row.
    public var column: Int
    /// The rule's short name (`impossible-date`, `dec-before-decom`, ...; see ``Rule``).
    public var rule: Rule
    /// What was found, and what was done with the row.
    public var message: String

    public init(file: String, line: Int, column: Int, rule: Rule, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
    }

    /// The rules checked, with what happens to the row.
    public enum Rule: String, Sendable, CaseIterable {
        /// A required field (CHILD, DECOM, DOB) is blank: row left out. A blank PLACE or RNE is
        /// kept (PLACE counts as `Other`).
        case missingValue = "missing-value"
        /// A date that is not a real `dd/mm/YYYY` or `YYYY-MM-DD` date: row left out.
        case impossibleDate = "impossible-date"
        /// DEC before DECOM: row left out.
        case decBeforeDecom = "dec-before-decom"
        /// A PLACE or RNE code not in the 903 code lists: row kept.
        case unknownCode = "unknown-code"
        /// Fewer fields than the header row: row left out.
        case fieldCount = "field-count"
        /// An episode of a child with no header row (so no date of birth): row left out.
        case noHeader = "no-header"
        /// An episode starting before the child's date of birth: row left out.
        case decomBeforeBirth = "decom-before-birth"
        /// Header rows of one child with different dates of birth: the latest file's is used.
        case conflictingBirth = "conflicting-dob"
        /// Two episodes of one child starting on the same day in the same return: the later row is kept.
        case duplicateStart = "duplicate-start"
        /// Two episodes of one child ending on the same day: the longer (earlier DECOM) is kept.
        case duplicateEnd = "duplicate-end"
        /// An episode ending after the child's next episode starts: its DEC becomes that DECOM.
        case overlap = "overlap"
        /// An episode with no DEC followed by another episode: its DEC becomes the next DECOM.
        case openBeforeNext = "open-before-next"
        /// An episode open at the end of an earlier return and missing from the later returns:
        /// kept, open to the end of the data.
        case openNotRepeated = "open-not-repeated"
    }
}
