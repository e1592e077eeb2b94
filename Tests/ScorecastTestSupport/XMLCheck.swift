import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses an XML document (SVG, polyglot XHTML) with Foundation's XML parser and collects what
/// the tests inspect: shared by the chart and report tests.
public final class XMLCheck: NSObject, XMLParserDelegate {
    public private(set) var elements: [String] = []
    public private(set) var attributes: [[String: String]] = []
    public private(set) var texts: [String: String] = [:]
    private var current = ""
    private var stack: [String] = []
    public private(set) var error: Error?

    /// Parses `text`; `nil` when it is not well-formed XML.
    public static func parse(_ text: String) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        guard parser.parse(), check.error == nil else { return nil }
        return check
    }

    public var root: String? { elements.first }
    public var rootAttributes: [String: String] { attributes.first ?? [:] }
    public func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String])
    {
        elements.append(name)
        self.attributes.append(attributes)
        stack.append(name)
        current = ""
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if texts[name] == nil, name == "title" || name == "desc" { texts[name] = current }
        stack.removeLast()
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
