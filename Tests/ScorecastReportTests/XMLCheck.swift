import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document with Foundation's XML parser and collects what the tests inspect.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [[String: String]] = []
    private(set) var texts: [String: String] = [:]
    private var current = ""
    private var stack: [String] = []
    private(set) var error: Error?

    /// Parses `text`; `nil` when it is not well-formed XML.
    static func parse(_ text: String) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        guard parser.parse(), check.error == nil else { return nil }
        return check
    }

    var root: String? { elements.first }
    var rootAttributes: [String: String] { attributes.first ?? [:] }
    func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append(name)
        self.attributes.append(attributes)
        stack.append(name)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if texts[name] == nil, name == "title" || name == "desc" { texts[name] = current }
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
