/// How a verdict should read at a glance.
public enum Tone: String, Sendable {
    /// Nothing to report (common cause, as expected).
    case neutral
    /// Better than usual, by the indicator's polarity.
    case good
    /// Worse than usual, by the indicator's polarity.
    case bad
    /// Unusual, with no better direction.
    case notable
    /// Not enough data to judge.
    case unknown
}

/// One verdict shown as a labelled badge with an explanation.
public struct Verdict: Sendable {
    /// What produced it, e.g. "SPC", "Seasonal SPC", "Expected for August".
    public var source: String
    /// The verdict in two or three words, e.g. "too few points", "unusually low".
    public var label: String
    /// One sentence a reader can quote.
    public var explanation: String
    public var tone: Tone

    public init(source: String, label: String, explanation: String, tone: Tone) {
        self.source = source
        self.label = label
        self.explanation = explanation
        self.tone = tone
    }
}

/// A table of several rows, already formatted: the first column is read as the row's label.
public struct ReportTable: Sendable {
    public var caption: String
    public var headers: [String]
    public var rows: [[String]]

    public init(caption: String, headers: [String], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "one cell per header in every row")
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }
}

/// One indicator's part of the page (or a context section placed before the indicators,
/// which may have no code and carry a ``ReportTable``).
public struct IndicatorSection: Sendable {
    /// The indicator code, also the section's anchor.
    public var code: String
    public var title: String
    /// Small print under the title (unit, polarity, lead).
    public var meta: String
    /// The scorecard row: column headings and values, already formatted.
    public var facts: [(label: String, value: String)]
    public var verdicts: [Verdict]
    /// Standalone SVG documents.
    public var charts: [String]
    /// The published commentary, if any.
    public var commentary: String?
    /// A table of several rows shown after the verdicts (e.g. the DfE comparators).
    public var table: ReportTable?
    /// The anchor's name when the section has no code (nil: derived from the code).
    public var anchorName: String?

    public init(
        code: String, title: String, meta: String, facts: [(label: String, value: String)], verdicts: [Verdict],
        charts: [String], commentary: String? = nil, table: ReportTable? = nil, anchorName: String? = nil
    ) {
        self.code = code
        self.title = title
        self.meta = meta
        self.facts = facts
        self.verdicts = verdicts
        self.charts = charts
        self.commentary = commentary
        self.table = table
        self.anchorName = anchorName
    }

    /// The anchor id: `anchorName` when given, else the code with anything but letters and
    /// digits replaced by `-`.
    public var anchor: String {
        anchorName ?? "indicator-" + String(code.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// The heading: the code and title, or the title alone when there is no code.
    public var heading: String { code.isEmpty ? title : code + " " + title }
}

/// One line of the summary at the top: an indicator and why it is listed.
public struct SummaryItem: Sendable {
    public var code: String
    public var title: String
    public var anchor: String
    public var text: String
    public var tone: Tone

    public init(section: IndicatorSection, text: String, tone: Tone) {
        self.code = section.code
        self.title = section.title
        self.anchor = section.anchor
        self.text = text
        self.tone = tone
    }
}
