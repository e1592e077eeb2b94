/// Writes RFC 4180 CSV into a byte buffer.
///
/// A field is quoted only when it must be: when it holds a comma, a quote (doubled inside),
/// a line feed or a carriage return, begins or ends with a space, or begins with U+FEFF (which a
/// reader would take for the byte order mark when it opens the file). Records end with `\n`
/// (or `\r\n` when asked), and the last record ends with a line break too.
///
/// The writer only fills ``bytes``: pass them to an ``OutputFile`` (whole, or in pieces with
/// ``takeBytes()`` when streaming).
public struct CSVWriter: Sendable {
    /// The text written so far (since the last ``takeBytes()``).
    public private(set) var bytes: [UInt8] = []
    /// The line ending written after each record.
    public var lineEnding: String
    private var fieldsInRecord = 0

    /// A writer whose records end with `lineEnding` (`"\n"` unless you need `"\r\n"`).
    public init(lineEnding: String = "\n") {
        self.lineEnding = lineEnding
    }

    /// Writes one record.
    public mutating func writeRecord(_ fields: some Sequence<String>) {
        for field in fields { writeField(field) }
        endRecord()
    }

    /// Writes one field of the current record.
    public mutating func writeField(_ field: String) {
        if fieldsInRecord > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRecord += 1
        var field = field
        field.withUTF8 { utf8 in
            var needsQuotes =
                utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") || utf8.starts(with: [0xEF, 0xBB, 0xBF])
            if !needsQuotes {
                for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                    needsQuotes = true
                    break
                }
            }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Writes a number as ``CSVNumber/format(_:)`` spells it (empty for `NaN`).
    public mutating func writeField(_ number: Double) {
        writeField(CSVNumber.format(number))
    }

    /// Ends the current record.
    public mutating func endRecord() {
        bytes.append(contentsOf: lineEnding.utf8)
        fieldsInRecord = 0
    }

    /// Hands over the bytes written so far and starts an empty buffer.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
