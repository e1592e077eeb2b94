import ScorecastCore

/// A strict RFC 4180 CSV reader that works on bytes and says exactly where input goes wrong.
///
/// Accepts what RFC 4180 allows and what real files carry: fields quoted with `"` (holding
/// commas, line breaks and doubled quotes `""`), CRLF or LF line endings, an optional UTF-8
/// byte order mark, and a last line with or without a line break. Everything else is an error
/// thrown as a ``DataError`` naming the line and column: a quote inside an unquoted field,
/// text after a closing quote, an unterminated quote (reported where it opened), a bare
/// carriage return, control bytes such as NUL (binary files), malformed UTF-8, and (once
/// ``expectedFieldCount`` is set, as readers do after the header) a record with the wrong
/// number of fields. A blank line is a record of one empty field, so it is an error in a file
/// of more than one column.
///
/// The input is read in chunks (``ByteSource``), so the first records are available before a
/// large file has been read to the end. One ``record`` is reused for every row: reading
/// allocates nothing per row once its buffers have grown.
///
/// Complexity: O(n) in the input's bytes; each byte is examined once.
///
/// Follows RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files"
/// (Shafranovich, 2005), section 2, with LF accepted beside CRLF as every mainstream reader does.
public final class CSVReader {
    /// The file's name in error messages.
    public var fileName: String { scanner.fileName }
    /// The record most recently read by ``nextRecord()``.
    public var record: CSVRecord { scanner.record }
    /// When set, every record read must have exactly this many fields.
    public var expectedFieldCount: Int? {
        get { scanner.expectedFieldCount }
        set { scanner.expectedFieldCount = newValue }
    }

    private var scanner: CSVScanner

    /// A reader over `source`.
    public init(source: ByteSource) {
        self.scanner = CSVScanner(source: source)
    }

    /// A reader over the file at `path` (`-` for standard input).
    public convenience init(path: String) throws(FileError) {
        self.init(source: try ByteSource(path: path))
    }

    /// A reader over `text`, named `name` in error messages.
    public convenience init(text: String, name: String = "<text>") {
        self.init(source: ByteSource(text: text, name: name))
    }

    /// Reads the next record into ``record``.
    ///
    /// - Returns: `false` at the end of the input (then ``record`` is empty).
    /// - Throws: ``DataError`` for malformed CSV, ``FileError`` when the file cannot be read.
    public func nextRecord() throws -> Bool {
        // One exclusive access to the scanner for the whole record; inside, the byte loop
        // works on the value's own storage.
        try scanner.next()
    }

    /// Calls `body` with the current record, without copying it (reading fields through
    /// ``record`` copies the record's buffers' references on every access).
    public func withRecord<Result>(_ body: (CSVRecord) throws -> Result) rethrows -> Result {
        try body(scanner.record)
    }

    /// Reads every remaining record as strings (for small files; large ones should stream).
    public func readAllRecords() throws -> [[String]] {
        var records: [[String]] = []
        while try nextRecord() { records.append(record.strings) }
        return records
    }

}

/// The reader's state, kept in a value so the byte loop works on locals: a class's stored
/// properties would cost a dynamic exclusivity check on every byte.
struct CSVScanner {
    var record = CSVRecord()
    var expectedFieldCount: Int?
    let source: ByteSource
    var buffer: [UInt8] = []
    var position = 0
    var line = 1
    var column = 1
    var startOfInput = true
    var finished = false

    enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, afterCarriageReturn
    }

    init(source: ByteSource) {
        self.source = source
    }

    var fileName: String { source.name }

    /// Reads the next record into `record`; `false` at the end of the input.
    mutating func next() throws -> Bool {
        record.removeAll()
        guard !finished else { return false }
        var state = State.fieldStart
        var pendingContinuationBytes = 0
        var quoteLine = 0
        var quoteColumn = 0
        record.line = line

        while true {
            while position == buffer.count {
                try refill()
                if buffer.isEmpty {
                    finished = true
                    switch state {
                    case .fieldStart:
                        if record.count == 0 { return false }
                        beginField()
                        endField(line: line, column: column)
                    case .unquoted, .quoteInQuoted:
                        if pendingContinuationBytes != 0 {
                            throw error(line, column, "expected UTF-8 text, found a truncated character at the end of the file")
                        }
                        endField(line: line, column: column)
                    case .quoted:
                        throw error(quoteLine, quoteColumn, "expected a closing quote for the field opened here, found the end of the file")
                    case .afterCarriageReturn:
                        break
                    }
                    try endRecord()
                    return true
                }
            }
            if state == .unquoted || state == .quoted {
                // Copy a run of plain printable ASCII in one go: most of a file is such runs.
                let end = buffer.withUnsafeBufferPointer { bytes -> Int in
                    var end = position
                    while end < bytes.count {
                        let byte = bytes[end]
                        if byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") { break }
                        end += 1
                    }
                    return end
                }
                if end > position {
                    guard pendingContinuationBytes == 0 else { throw error(line, column, "expected UTF-8 text, found a character cut short") }
                    record.storage.append(contentsOf: buffer[position..<end])
                    column += end - position
                    position = end
                    continue
                }
            }
            let byte = buffer[position]
            position += 1
            let byteLine = line
            let byteColumn = column
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }

            if byte >= 0x80 {
                if byte & 0xC0 == 0x80 {
                    guard pendingContinuationBytes > 0 else { throw error(byteLine, byteColumn, notUTF8(byte)) }
                    pendingContinuationBytes -= 1
                } else {
                    guard pendingContinuationBytes == 0 else { throw error(byteLine, byteColumn, notUTF8(byte)) }
                    switch byte {
                    case 0xC2...0xDF: pendingContinuationBytes = 1
                    case 0xE0...0xEF: pendingContinuationBytes = 2
                    case 0xF0...0xF4: pendingContinuationBytes = 3
                    default: throw error(byteLine, byteColumn, notUTF8(byte))
                    }
                }
                switch state {
                case .fieldStart:
                    beginField(line: byteLine, column: byteColumn)
                    state = .unquoted
                case .unquoted, .quoted:
                    break
                case .quoteInQuoted, .afterCarriageReturn:
                    throw error(byteLine, byteColumn, state == .quoteInQuoted ? afterQuote : bareCarriageReturn)
                }
                record.storage.append(byte)
                continue
            }
            if pendingContinuationBytes != 0 {
                throw error(byteLine, byteColumn, "expected UTF-8 text, found a character cut short")
            }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                throw error(
                    byteLine, byteColumn,
                    "expected text, found the control byte 0x\(String(byte, radix: 16, uppercase: true)) (is this a binary file?)")
            }

            switch state {
            case .fieldStart:
                beginField(line: byteLine, column: byteColumn)
                if byte == UInt8(ascii: "\"") {
                    state = .quoted
                    quoteLine = byteLine
                    quoteColumn = byteColumn
                } else if isDelimiter(byte) {
                    if try delimit(byte, line: byteLine, column: byteColumn, state: &state) { return true }
                } else {
                    record.storage.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == UInt8(ascii: "\"") {
                    throw error(byteLine, byteColumn, "expected no quote inside an unquoted field (quote the whole field and double the quote)")
                }
                if isDelimiter(byte) {
                    if try delimit(byte, line: byteLine, column: byteColumn, state: &state) { return true }
                } else {
                    record.storage.append(byte)
                }
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    record.storage.append(byte)
                }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    record.storage.append(byte)
                    state = .quoted
                } else if isDelimiter(byte) {
                    if try delimit(byte, line: byteLine, column: byteColumn, state: &state) { return true }
                } else {
                    throw error(byteLine, byteColumn, afterQuote)
                }
            case .afterCarriageReturn:
                guard byte == 0x0A else { throw error(byteLine, byteColumn, bareCarriageReturn) }
                try endRecord()
                return true
            }
        }
    }

    private var afterQuote: String { "expected a comma or the end of the line after the closing quote" }
    private var bareCarriageReturn: String { "expected a line feed after the carriage return" }

    private func notUTF8(_ byte: UInt8) -> String {
        "expected UTF-8 text, found the byte 0x\(String(byte, radix: 16, uppercase: true)) (is this a binary file or another encoding?)"
    }

    private func error(_ line: Int, _ column: Int, _ expected: String) -> DataError {
        DataError(file: fileName, line: line, column: column, expected: expected)
    }

    private mutating func refill() throws {
        try source.read(into: &buffer)
        position = 0
        if startOfInput {
            startOfInput = false
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }

    private mutating func beginField(line: Int, column: Int) {
        record.fieldLines.append(line)
        record.fieldColumns.append(column)
    }

    private mutating func beginField() {
        beginField(line: line, column: column)
    }

    private mutating func endField(line: Int, column: Int) {
        record.fieldEnds.append(record.storage.count)
        record.endLine = line
        record.endColumn = column
    }

    /// Whether `byte` ends a field: a comma, a line feed or a carriage return.
    private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D
    }

    /// Ends the field at the delimiter `byte`; returns whether the record is complete.
    private mutating func delimit(_ byte: UInt8, line: Int, column: Int, state: inout State) throws -> Bool {
        endField(line: line, column: column)
        switch byte {
        case 0x0A:
            try endRecord()
            return true
        case 0x0D:
            state = .afterCarriageReturn
        default:
            state = .fieldStart
        }
        return false
    }

    private mutating func endRecord() throws {
        if case .some(let expected) = expectedFieldCount, record.count != expected {
            if record.count > expected {
                throw error(
                    record.fieldLines[expected], record.fieldColumns[expected], "expected \(expected) fields as in the header, found \(record.count)")
            }
            if record.count == 1 && record.isEmpty(at: 0) {
                throw error(record.line, 1, "expected \(expected) fields as in the header, found an empty line")
            }
            throw error(record.endLine, record.endColumn, "expected \(expected) fields as in the header, found \(record.count)")
        }
    }
}
