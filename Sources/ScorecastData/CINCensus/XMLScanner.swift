import ScorecastCore

/// A small streaming XML tokenizer over the bytes of a UTF-8 file, for the CIN census reader.
///
/// It yields start tags, end tags and text runs with the line each begins on, skipping the XML
/// declaration, processing instructions, comments and a `DOCTYPE` without an internal subset;
/// attributes are read past and dropped (the census carries none that matter), a namespace
/// prefix is taken off element names, and `<![CDATA[...]]>` is text. A self-closing tag yields a
/// start and then an end. It does not check that end tags match start tags (the reader does, with
/// the lines of both) and decodes no entities (``decodedText(_:)`` does, for the text kept).
///
/// Why not Foundation's `XMLParser`: this reads the census' plain element-and-text XML in one
/// pass with no callbacks and no strings for the text it skips, and knows its line at every
/// token for the located messages (`FILE:LINE:COLUMN`) the project's readers give.
///
/// Complexity: O(bytes), one pass.
struct XMLScanner {
    /// What a token is.
    enum Kind: Equatable {
        case start, end, text
    }

    /// One token: a tag's local name, or the byte range of a text run.
    struct Token {
        var kind: Kind
        /// The element's name without a namespace prefix (empty for text).
        var name: String
        /// The text's bytes (empty for tags).
        var range: Range<Int>
        /// The line the token starts on, from 1.
        var line: Int
    }

    let bytes: [UInt8]
    let file: String
    private(set) var index: Int
    private(set) var line = 1
    private var lineStart = 0
    private var pendingEnd: Token?

    /// Scans `bytes`, skipping a UTF-8 byte-order mark.
    ///
    /// - Throws: ``DataError`` for a UTF-16 or UTF-32 byte-order mark (the census is UTF-8).
    init(bytes: [UInt8], file: String) throws {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
        } else {
            index = 0
        }
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw DataError(file: file, line: 1, column: 1, expected: "expected UTF-8 XML, found a UTF-16 byte-order mark (save the file as UTF-8)")
        }
        lineStart = index
    }

    /// The error at the scanner's position (or at `position`).
    func error(_ expected: String, at position: Int? = nil) -> DataError {
        let at = min(position ?? index, bytes.count)
        var line = 1
        var start = 0
        var cursor = 0
        while cursor < at {
            if bytes[cursor] == 0x0A {
                line += 1
                start = cursor + 1
            }
            cursor += 1
        }
        let column = String(decoding: bytes[start..<at], as: UTF8.self).count + 1
        return DataError(file: file, line: line, column: column, expected: expected)
    }

    /// The next token, or `nil` at the end of the bytes.
    mutating func next() throws -> Token? {
        if let pending = pendingEnd {
            pendingEnd = nil
            return pending
        }
        while index < bytes.count {
            if bytes[index] != 0x3C {  // text up to the next '<'
                let start = index
                let startLine = line
                while index < bytes.count && bytes[index] != 0x3C {
                    if bytes[index] == 0x0A { newline() }
                    index += 1
                }
                return Token(kind: .text, name: "", range: start..<index, line: startLine)
            }
            let tagStart = index
            let tagLine = line
            guard index + 1 < bytes.count else { throw cutShort("a tag after '<'") }
            switch bytes[index + 1] {
            case 0x3F:  // <? ... ?>
                try skip(past: [0x3F, 0x3E], what: "the end '?>' of a processing instruction")
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
                if matches("<!--") {
                    try skip(past: Array("-->".utf8), what: "the end '-->' of a comment")
                } else if matches("<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: Array("]]>".utf8), what: "the end ']]>' of a CDATA section")
                    return Token(kind: .text, name: "", range: start..<(index - 3), line: tagLine)
                } else {
                    try skip(past: [0x3E], what: "the end '>' of a declaration")
                }
            case 0x2F:  // </name>
                index += 2
                let name = try readName(tagStart: tagStart)
                skipSpace()
                guard index < bytes.count else { throw cutShort("'>' closing the end tag </\(name)>") }
                guard bytes[index] == 0x3E else { throw error("expected '>' closing the end tag </\(name)>, found \(found())") }
                index += 1
                return Token(kind: .end, name: name, range: 0..<0, line: tagLine)
            default:
                index += 1
                let name = try readName(tagStart: tagStart)
                // Attributes: name = "value" or 'value', read past.
                while true {
                    skipSpace()
                    guard index < bytes.count else { throw cutShort("'>' closing the tag <\(name)>") }
                    let byte = bytes[index]
                    if byte == 0x3E {
                        index += 1
                        return Token(kind: .start, name: name, range: 0..<0, line: tagLine)
                    }
                    if byte == 0x2F {
                        guard index + 1 < bytes.count else { throw cutShort("'/>' closing the tag <\(name)>") }
                        guard bytes[index + 1] == 0x3E else { throw error("expected '/>' closing the tag <\(name)>, found \(found())") }
                        index += 2
                        pendingEnd = Token(kind: .end, name: name, range: 0..<0, line: tagLine)
                        return Token(kind: .start, name: name, range: 0..<0, line: tagLine)
                    }
                    let attributeStart = index
                    while index < bytes.count && !isSpace(bytes[index]) && bytes[index] != 0x3D && bytes[index] != 0x3E && bytes[index] != 0x2F {
                        index += 1
                    }
                    guard index > attributeStart else { throw error("expected an attribute or '>' in the tag <\(name)>, found \(found())") }
                    skipSpace()
                    guard index < bytes.count else { throw cutShort("'=' after an attribute of <\(name)>") }
                    guard bytes[index] == 0x3D else { throw error("expected '=' after an attribute of <\(name)>, found \(found())") }
                    index += 1
                    skipSpace()
                    guard index < bytes.count else { throw cutShort("a quoted attribute value in <\(name)>") }
                    let quote = bytes[index]
                    guard quote == 0x22 || quote == 0x27 else {
                        throw error("expected a quoted attribute value in <\(name)>, found \(found())")
                    }
                    index += 1
                    try skip(past: [quote], what: "the closing quote of an attribute value in <\(name)>")
                }
            }
        }
        return nil
    }

    /// The text of `range`, entities decoded (`&lt; &gt; &amp; &quot; &apos;` and numeric
    /// references), with leading and trailing white space (padding, CRLF) removed.
    func decodedText(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        let slice = bytes[lower..<upper]
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        let text = String(decoding: slice, as: UTF8.self)
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: Unicode.Scalar? =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) : nil
                if let scalar { result.unicodeScalars.append(scalar) } else { result += rest[ampersand...semicolon] }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Whether a text run is only white space.
    func isBlank(_ range: Range<Int>) -> Bool {
        for position in range where !isSpace(bytes[position]) { return false }
        return true
    }

    private mutating func newline() {
        line += 1
        lineStart = index + 1
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private mutating func skipSpace() {
        while index < bytes.count && isSpace(bytes[index]) {
            if bytes[index] == 0x0A { newline() }
            index += 1
        }
    }

    private func matches(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    /// Moves past the next occurrence of `terminator`.
    private mutating func skip(past terminator: [UInt8], what: String) throws {
        while index < bytes.count {
            if bytes[index] == terminator[0] && index + terminator.count <= bytes.count {
                var all = true
                for offset in 1..<terminator.count where bytes[index + offset] != terminator[offset] {
                    all = false
                    break
                }
                if all {
                    index += terminator.count
                    return
                }
            }
            if bytes[index] == 0x0A { newline() }
            index += 1
        }
        throw cutShort(what)
    }

    /// A name: up to white space, '>', '/' or '='; the part after the last ':' is kept.
    private mutating func readName(tagStart: Int) throws -> String {
        let start = index
        var local = start
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == 0x3E || byte == 0x2F || byte == 0x3D || byte == 0x3C { break }
            if byte == 0x3A { local = index + 1 }
            index += 1
        }
        guard index < bytes.count else { throw cutShort("the rest of a tag") }
        guard local < index else { throw error("expected an element name after '<', found \(found())") }
        return String(decoding: bytes[local..<index], as: UTF8.self)
    }

    private func found() -> String {
        guard index < bytes.count else { return "the end of the file" }
        var end = index
        while end < bytes.count && end - index < 20 && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return DataError.quote(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    private func cutShort(_ expected: String) -> DataError {
        error("expected \(expected), found the end of the file (is it cut short?)", at: bytes.count)
    }
}
