/// Bad input, located: the file, line and column where reading stopped, and what was expected.
///
/// Every reader in Scorecast throws this for data it cannot accept, so the command line can
/// report it the same way everywhere: one line, `FILE:LINE:COLUMN: what was expected`, in the
/// format compilers use, which editors and terminals turn into a link to the spot.
///
/// Lines and columns count from 1. A column counts Unicode characters (not bytes) from the
/// start of the line, so it matches what an editor shows for UTF-8 text.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it (`-` or `<stdin>` for standard input).
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int
    /// What was expected there, in plain words (`expected a number in column 'value', found 'abc'`).
    public var expected: String

    public init(file: String, line: Int, column: Int, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
    }

    /// `FILE:LINE:COLUMN: what was expected`, always on one line: line breaks and other control
    /// characters in the message (from quoted input, say) are shown escaped.
    public var description: String {
        "\(file):\(line):\(column): \(DataError.singleLine(expected))"
    }

    /// `text` with control characters escaped, so it prints on one line.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A short quotation of a field for messages: at most 40 characters, control characters escaped.
    public static func quote(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
        return "'" + singleLine(shown) + "'"
    }
}
