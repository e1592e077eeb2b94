import Foundation

/// Writes an SVG document as text, escaping every attribute value and text node.
///
/// A deliberately small builder: elements are opened, written and closed in order, so the
/// output is well-formed by construction as long as each `open` has its `close` (checked by
/// a precondition when the document is finished).
public struct SVGWriter {
    private var text = ""
    private var openElements: [String] = []
    /// The document's width in user units.
    public let width: Double

    /// Starts a document of `width` × `height` user units with an accessible name.
    ///
    /// - Parameters:
    ///   - id: a prefix for element ids, unique within the page the SVG is embedded in.
    ///   - title: the chart's title (its accessible name).
    ///   - description: the text alternative: what the chart shows, in words.
    public init(width: Double, height: Double, id: String, title: String, description: String) {
        self.width = width
        text.reserveCapacity(16_384)
        open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", Self.number(width)), ("height", Self.number(height)),
                ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
                ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("font-family", "Arial, Helvetica, sans-serif"), ("font-size", "12"),
            ])
        element("title", [("id", "\(id)-title")], text: title)
        element("desc", [("id", "\(id)-desc")], text: description)
    }

    /// Opens an element; close it with ``close()``.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">"
        openElements.append(name)
    }

    /// Closes the most recently opened element.
    public mutating func close() {
        let name = openElements.removeLast()
        text += "</" + name + ">\n"
    }

    /// Writes a complete element with optional text content.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text content: String? = nil) {
        if let content {
            text += "<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">\n"
        } else {
            text += "<" + name + Self.attributes(attributes) + "/>\n"
        }
    }

    /// The finished document.
    public mutating func finish() -> String {
        while openElements.count > 1 { close() }
        precondition(openElements == ["svg"], "SVG document closed more often than opened")
        close()
        return text
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text and attribute values.
    public static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    public static func number(_ value: Double) -> String {
        precondition(value.isFinite, "SVG coordinates must be finite")
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }
}
