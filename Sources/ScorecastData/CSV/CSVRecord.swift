/// One CSV record: its fields' bytes, unquoted, and where each field began.
///
/// The reader reuses one record's storage for every row, so reading allocates nothing per
/// row once the buffers have grown. Fields are handed out as bytes (``withField(_:_:)``) for
/// parsers that need no `String`, or as strings (``string(at:)``).
public struct CSVRecord: Sendable {
    /// The concatenated bytes of all fields, quotes removed and doubled quotes undoubled.
    @usableFromInline var storage: [UInt8] = []
    /// `storage` offset just past each field.
    @usableFromInline var fieldEnds: [Int] = []
    /// Line on which each field began.
    @usableFromInline var fieldLines: [Int] = []
    /// Column at which each field began (its opening quote for a quoted field).
    @usableFromInline var fieldColumns: [Int] = []
    /// The line on which the record began.
    public internal(set) var line: Int = 0
    /// The line and column just past the last field (where a missing field would have begun).
    public internal(set) var endLine: Int = 0
    public internal(set) var endColumn: Int = 0

    public init() {}

    /// Number of fields.
    @inlinable public var count: Int { fieldEnds.count }

    /// The range of field `index` in `storage`.
    @inlinable func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// Calls `body` with the bytes of field `index` (valid only during the call).
    @inlinable public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = range(of: index)
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether field `index` is empty.
    @inlinable public func isEmpty(at index: Int) -> Bool {
        range(of: index).isEmpty
    }

    /// Field `index` as a string (the reader has already checked that it is UTF-8).
    public func string(at index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field as a string.
    public var strings: [String] { (0..<count).map { string(at: $0) } }

    /// Whether field `index` holds exactly `bytes`.
    @inlinable public func field(_ index: Int, equals bytes: [UInt8]) -> Bool {
        let range = range(of: index)
        guard range.count == bytes.count else { return false }
        return storage.withUnsafeBufferPointer { buffer in
            bytes.withUnsafeBufferPointer { other in
                var offset = 0
                for position in range {
                    if buffer[position] != other[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// The line where field `index` began.
    @inlinable public func line(of index: Int) -> Int { fieldLines[index] }

    /// The column where field `index` began.
    @inlinable public func column(of index: Int) -> Int { fieldColumns[index] }

    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
        fieldColumns.removeAll(keepingCapacity: true)
    }
}
