import Foundation
import ScorecastCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A SAX handler for one part of a workbook, with the result it builds and the first problem
/// it met.
protocol XMLPartHandler: XMLParserDelegate {
    associatedtype Result
    var result: Result { get }
    var failure: DataError? { get }
}

/// Runs the handlers over XML parts.
enum XMLParts {
    /// Parses `data` (named `name` in messages) with `handler` and returns its result.
    static func parse<Handler: XMLPartHandler>(_ data: Data, name: String, _ handler: Handler) throws -> Handler.Result {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = handler
        let parsed = parser.parse()
        if let failure = handler.failure { throw failure }
        guard parsed else {
            throw DataError(
                file: name, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                expected: "expected well-formed XML, found a syntax error (\(parser.parserError.map { String(describing: $0) } ?? "unknown"))")
        }
        return handler.result
    }

    /// `text` with Excel's `_xHHHH_` escapes (characters XML cannot hold) decoded.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = "", rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }

    /// The attribute `name`, with or without a namespace prefix (`r:id` for `id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}

/// `xl/workbook.xml`: the sheets' names and relationship ids, in order.
final class WorkbookHandler: NSObject, XMLPartHandler {
    var result: [(name: String, relationship: String, index: Int)] = []
    var failure: DataError? { nil }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard elementName == "sheet" else { return }
        result.append((attributes["name"] ?? "Sheet\(result.count + 1)", XMLParts.attribute(attributes, "id") ?? "", result.count + 1))
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target path (relative to `xl/`).
final class RelationshipsHandler: NSObject, XMLPartHandler {
    var result: [String: String] = [:]
    var failure: DataError? { nil }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        result[id] = target
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text (its `<t>`, or its rich-text runs joined;
/// phonetic `<rPh>` runs skipped).
final class SharedStringsHandler: NSObject, XMLPartHandler {
    var result: [String] = []
    var failure: DataError? { nil }
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si": result.append(XMLParts.unescaped(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `xl/styles.xml`: the indices of the cell formats (`cellXfs`) whose number format is a date
/// or time.
final class StylesHandler: NSObject, XMLPartHandler {
    var failure: DataError? { nil }
    private var customDateFormats: Set<Int> = []
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    /// Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    var result: Set<Int> {
        Set(formatIDs.indices.filter { Self.builtInDateFormats.contains(formatIDs[$0]) || customDateFormats.contains(formatIDs[$0]) })
    }

    /// Whether a format code shows a date or time: `d`, `m`, `y`, `h` or `s` outside quoted
    /// text, `[...]` sections and backslash escapes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default:
                if !inQuotes && !inBrackets && "dmyhsDMYHS".contains(character) { return true }
            }
        }
        return false
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "cellXfs" { inCellFormats = false }
    }
}

/// A worksheet part: its cells.
final class WorksheetHandler: NSObject, XMLPartHandler {
    var result: [XLSXCell] = []
    private(set) var failure: DataError?
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let file: String
    private var row = 0
    private var column = 0
    private var type = ""
    private var style = 0
    private var text = ""
    private var collecting = false
    private var hasValue = false
    private var inInlineString = false
    private var phoneticDepth = 0

    init(sharedStrings: [String], dateStyles: Set<Int>, file: String) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.file = file
    }

    private func fail(_ parser: XMLParser, _ expected: String) {
        guard failure == nil else { return }
        failure = DataError(file: file, line: max(row, 1), column: max(column, 1), expected: expected)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            if let number = attributes["r"] {
                guard let value = Int(number), value > row else {
                    return fail(parser, "expected increasing row numbers, found row \(DataError.quote(number))")
                }
                row = value
            } else {
                row += 1
            }
            column = 0
        case "c":
            if let reference = attributes["r"] {
                guard let position = XLSXCell.position(of: reference), position.row == row, position.column > column else {
                    return fail(parser, "expected a cell reference in row \(row) after column \(column), found \(DataError.quote(reference))")
                }
                column = position.column
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
            hasValue = false
        case "v":
            collecting = true
            hasValue = true
        case "is":
            inInlineString = true
            hasValue = true
        case "rPh":
            phoneticDepth += 1
        case "t" where inInlineString:
            collecting = phoneticDepth == 0
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t": collecting = false
        case "is": inInlineString = false
        case "rPh": phoneticDepth -= 1
        case "c":
            guard hasValue else { return }
            let value: XLSXValue
            switch type {
            case "s":
                guard let index = Int(text), sharedStrings.indices.contains(index) else {
                    return fail(
                        parser,
                        "expected a shared string index below \(sharedStrings.count) in cell \(XLSXCell.letters(column))\(row), found \(DataError.quote(text))"
                    )
                }
                value = .text(sharedStrings[index])
            case "inlineStr", "str": value = .text(XMLParts.unescaped(text))
            case "b": value = .boolean(text == "1" || text.lowercased() == "true")
            case "e": value = .error(text)
            default:
                guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    return fail(parser, "expected a number in cell \(XLSXCell.letters(column))\(row), found \(DataError.quote(text))")
                }
                value = dateStyles.contains(style) ? .date(serial: number) : .number(number)
            }
            result.append(XLSXCell(row: row, column: column, value: value))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }
}
