import ScorecastCharts

/// Writes HTML that is also well-formed XML: every element closed, every text and attribute
/// escaped.
public struct HTMLWriter {
    public private(set) var text = ""
    private var openElements: [String] = []

    public init() {
        text.reserveCapacity(1 << 20)
    }

    /// Appends markup that is already well-formed (an SVG document from ScorecastCharts).
    public mutating func raw(_ markup: String) {
        text += markup
    }

    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">"
        openElements.append(name)
    }

    public mutating func close() {
        text += "</" + openElements.removeLast() + ">\n"
    }

    /// An element with escaped text content.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        text += "<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">\n"
    }

    /// An empty element, e.g. `<meta ... />`.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + " />\n"
    }

    /// Escaped text inside the current element.
    public mutating func write(_ content: String) {
        text += Self.escape(content)
    }

    /// The finished document.
    public mutating func finish() -> String {
        precondition(openElements.isEmpty, "HTML elements left open: \(openElements)")
        return text
    }

    /// Escapes text and attribute values (the same rules as the charts' SVG).
    public static func escape(_ value: String) -> String {
        SVGWriter.escape(value)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }
}
