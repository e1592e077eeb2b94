/// The whole report page: heading, summary of what changed and what is unusual, contents,
/// one section per indicator, and notes on method.
public struct ReportPage: Sendable {
    public var title: String
    public var subtitle: String
    /// Sentences under "In short".
    public var headline: [String]
    /// "What changed": the largest moves this month.
    public var changed: [SummaryItem]
    /// "What is unusual": verdicts that flag the month.
    public var unusual: [SummaryItem]
    /// "The calendar's part": the measured share of school holidays and working days in
    /// each month's change, with intervals.
    public var calendar: [SummaryItem] = []
    /// Extra sections placed before the indicators (e.g. national context), as rendered
    /// sections.
    public var context: [IndicatorSection]
    public var sections: [IndicatorSection]
    /// Paragraphs on how the verdicts were reached.
    public var method: [String]
    /// The CSV files written beside the page, for the footer.
    public var files: [String]

    public init(
        title: String, subtitle: String, headline: [String], changed: [SummaryItem], unusual: [SummaryItem],
        context: [IndicatorSection] = [], sections: [IndicatorSection], method: [String], files: [String]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.headline = headline
        self.changed = changed
        self.unusual = unusual
        self.context = context
        self.sections = sections
        self.method = method
        self.files = files
    }

    /// The page as one self-contained HTML document (no external resources, no scripts).
    public func html() -> String {
        var page = HTMLWriter()
        page.raw("<!DOCTYPE html>\n")
        page.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en-GB"), ("xml:lang", "en-GB")])
        page.open("head")
        page.empty("meta", [("charset", "utf-8")])
        page.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", text: title)
        page.element("style", text: Stylesheet.css)
        page.close()
        page.open("body")
        page.open("header", [("class", "page")])
        page.element("h1", text: title)
        page.element("p", text: subtitle)
        page.close()
        page.open("main")

        page.open("section", [("id", "summary"), ("aria-labelledby", "summary-heading")])
        page.element("h2", [("id", "summary-heading")], text: "Summary")
        for sentence in headline { page.element("p", text: sentence) }
        writeSummary(&page, heading: "What is unusual this month", items: unusual, empty: "No indicator is flagged as unusual this month.")
        writeSummary(&page, heading: "What changed most", items: changed, empty: "No changes to report.")
        if !calendar.isEmpty {
            writeSummary(&page, heading: "The calendar's part", items: calendar, empty: "")
        }
        page.element("h3", text: "Indicators")
        page.open("nav", [("class", "contents"), ("aria-label", "Indicators")])
        page.open("ul")
        for section in context + sections {
            page.open("li")
            page.element("a", [("href", "#" + section.anchor)], text: section.heading)
            page.close()
        }
        page.close()
        page.close()
        page.close()

        for section in context + sections { write(section, into: &page) }

        page.open("section", [("id", "method"), ("aria-labelledby", "method-heading")])
        page.element("h2", [("id", "method-heading")], text: "How to read this report")
        for paragraph in method { page.element("p", text: paragraph) }
        page.close()
        page.close()
        page.open("footer")
        page.element("p", text: "Data behind this page: " + files.joined(separator: ", ") + ". Made by scorecast.")
        page.close()
        page.close()
        page.close()
        return page.finish()
    }

    private func writeSummary(_ page: inout HTMLWriter, heading: String, items: [SummaryItem], empty: String) {
        page.element("h3", text: heading)
        guard !items.isEmpty else {
            page.element("p", text: empty)
            return
        }
        page.open("ul", [("class", "summary-list")])
        for item in items {
            page.open("li")
            page.element("a", [("href", "#" + item.anchor)], text: item.code)
            page.write(" " + item.title + ": ")
            page.element("span", [("class", "badge tone-" + item.tone.rawValue)], text: item.text)
            page.close()
        }
        page.close()
    }

    private func write(_ section: IndicatorSection, into page: inout HTMLWriter) {
        page.open("section", [("id", section.anchor), ("class", "indicator"), ("aria-labelledby", section.anchor + "-heading")])
        page.element("h2", [("id", section.anchor + "-heading")], text: section.heading)
        if !section.meta.isEmpty { page.element("p", [("class", "meta")], text: section.meta) }
        if !section.facts.isEmpty {
            page.open("div", [("class", "facts")])
            page.open("table")
            page.element("caption", [("class", "meta")], text: "Scorecard row")
            page.open("thead")
            page.open("tr")
            for fact in section.facts { page.element("th", [("scope", "col")], text: fact.label) }
            page.close()
            page.close()
            page.open("tbody")
            page.open("tr")
            for fact in section.facts { page.element("td", text: fact.value) }
            page.close()
            page.close()
            page.close()
            page.close()
        }
        if !section.verdicts.isEmpty {
            page.open("ul", [("class", "verdicts")])
            for verdict in section.verdicts {
                page.open("li")
                page.element("span", [("class", "badge tone-" + verdict.tone.rawValue)], text: verdict.source + ": " + verdict.label)
                page.write(verdict.explanation)
                page.close()
            }
            page.close()
        }
        if let table = section.table {
            page.open("div", [("class", "facts")])
            page.open("table")
            page.element("caption", [("class", "meta")], text: table.caption)
            page.open("thead")
            page.open("tr")
            for (index, header) in table.headers.enumerated() {
                page.element("th", index == 0 ? [("scope", "col"), ("class", "text")] : [("scope", "col")], text: header)
            }
            page.close()
            page.close()
            page.open("tbody")
            for row in table.rows {
                page.open("tr")
                for (index, cell) in row.enumerated() {
                    if index == 0 {
                        page.element("th", [("scope", "row"), ("class", "text")], text: cell)
                    } else {
                        page.element("td", text: cell)
                    }
                }
                page.close()
            }
            page.close()
            page.close()
            page.close()
        }
        if !section.charts.isEmpty {
            page.open("div", [("class", "charts")])
            for chart in section.charts {
                page.raw(chart)
            }
            page.close()
        }
        if let commentary = section.commentary, !commentary.isEmpty {
            page.element("p", [("class", "commentary")], text: "Published commentary: " + commentary)
        }
        page.close()
    }
}
