/// The entries of a ZIP archive held in memory, read from its central directory, and their
/// bytes, each read within bounds and checked.
///
/// Semantics: the end-of-central-directory record is looked for in the last 65,557 bytes (22
/// bytes of record and up to 65,535 of comment); the central directory it points to must lie
/// within the data; each entry's local header and data must too. An entry's bytes are inflated
/// by ``RawDeflate`` (stored or deflate only), never beyond ``maximumEntrySize`` and never
/// beyond the size the entry declares, and checked against its CRC-32. Encrypted entries,
/// multi-disk archives and ZIP64 archives (whose sizes and offsets do not fit 32 bits, which no
/// part this reader accepts needs) are refused. When two entries have the same name the first
/// is used. Every damage is a ``ZIPDamage``: no offset is followed without a bounds check and
/// every loop is bounded by the data's length, so no input can trap or hang.
///
/// Reference followed: PKWARE's APPNOTE.TXT 6.3.10 (4.3.7 local file header, 4.3.12 central
/// directory header, 4.3.16 end of central directory record, 4.4.4 flags), and Go's
/// `archive/zip` reader (golang/go `src/archive/zip/reader.go`: the directory end is searched
/// backwards, the central directory gives sizes and CRC, the local header only where the data
/// starts).
///
/// Complexity: O(central directory) to open; O(entry) to read one entry.
struct ZIPDirectory {
    /// One entry of the central directory.
    struct Entry: Equatable {
        /// The entry's name (its path in the archive), UTF-8.
        let path: String
        /// 0 stored, 8 deflate (others are refused when read).
        let method: UInt16
        /// The general-purpose flags (bit 0: encrypted).
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        /// Where the entry's local file header starts.
        let localHeaderOffset: Int
    }

    /// The largest entry read: 256 MiB of XML (a worksheet of some millions of cells). An entry
    /// declaring more is refused before anything is inflated; one that inflates to more than it
    /// declares is stopped there.
    static let maximumEntrySize = 256 << 20

    /// The archive's bytes.
    let bytes: [UInt8]
    /// The entries in central-directory order.
    let entries: [Entry]

    /// Reads the central directory of the archive `bytes`.
    ///
    /// - Throws: ``ZIPDamage`` when there is no end-of-central-directory record, or the
    ///   directory is outside the data, damaged, spans disks or is ZIP64.
    init(bytes: [UInt8]) throws(ZIPDamage) {
        self.bytes = bytes
        let end = try Self.endOfCentralDirectory(bytes)
        guard Self.uint16(bytes, end + 4) == 0, Self.uint16(bytes, end + 6) == 0 else {
            throw ZIPDamage("an archive split across disks")
        }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw ZIPDamage("a ZIP64 archive (not read: no part of a workbook needs it)")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw ZIPDamage(
                "a central directory of \(directorySize) bytes at offset \(directoryOffset), outside the \(end) bytes before its end record")
        }
        var entries: [Entry] = []
        var offset = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for index in 0..<count {
            guard offset + 46 <= directoryEnd, Self.uint32(bytes, offset) == 0x0201_4B50 else {
                throw ZIPDamage("central directory entry \(index + 1) of \(count) missing or damaged at offset \(offset)")
            }
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30))
            let commentLength = Int(Self.uint16(bytes, offset + 32))
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else {
                throw ZIPDamage("central directory entry \(index + 1) of \(count) running past the directory's end")
            }
            let compressedSize = Self.uint32(bytes, offset + 20)
            let uncompressedSize = Self.uint32(bytes, offset + 24)
            let localHeaderOffset = Self.uint32(bytes, offset + 42)
            let path = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            guard compressedSize != 0xFFFF_FFFF, uncompressedSize != 0xFFFF_FFFF, localHeaderOffset != 0xFFFF_FFFF else {
                throw ZIPDamage("a ZIP64 entry \(path) (not read: no part of a workbook needs it)")
            }
            entries.append(
                Entry(
                    path: path, method: Self.uint16(bytes, offset + 10), flags: Self.uint16(bytes, offset + 8),
                    crc32: Self.uint32(bytes, offset + 16),
                    compressedSize: Int(compressedSize), uncompressedSize: Int(uncompressedSize), localHeaderOffset: Int(localHeaderOffset)))
            offset = next
        }
        self.entries = entries
    }

    /// The first entry named `path`, or nil.
    func entry(_ path: String) -> Entry? { entries.first { $0.path == path } }

    /// The bytes of `entry`, inflated and checked.
    ///
    /// - Throws: ``ZIPDamage`` for an encrypted entry, a declared size above
    ///   ``maximumEntrySize``, a local header or data outside the archive, or data that does not
    ///   inflate to the declared size and CRC-32.
    func contents(of entry: Entry) throws(ZIPDamage) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw ZIPDamage("an encrypted entry") }
        guard entry.uncompressedSize <= Self.maximumEntrySize else {
            throw ZIPDamage("an entry that declares \(entry.uncompressedSize) bytes, more than the \(Self.maximumEntrySize) read")
        }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, Self.uint32(bytes, header) == 0x0403_4B50 else {
            throw ZIPDamage("no local header at offset \(header) of \(bytes.count) bytes")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ZIPDamage("\(entry.compressedSize) bytes of data at offset \(start), past the end of the \(bytes.count)-byte file")
        }
        return try RawDeflate.entryBytes(
            bytes[start..<(start + entry.compressedSize)], method: entry.method, uncompressedSize: entry.uncompressedSize, crc32: entry.crc32)
    }

    /// Where the end-of-central-directory record starts: the last signature found searching
    /// backwards whose comment length reaches exactly to the end of the data, else the last
    /// signature at all (a comment length that lies is tolerated, as most readers do).
    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZIPDamage) -> Int {
        guard bytes.count >= 22 else { throw ZIPDamage("\(bytes.count) bytes, too few for a ZIP archive") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var candidate: Int?
        var offset = bytes.count - 22
        while offset >= lowest {
            if uint32(bytes, offset) == 0x0605_4B50 {
                if offset + 22 + Int(uint16(bytes, offset + 20)) == bytes.count { return offset }
                if candidate == nil { candidate = offset }
            }
            offset -= 1
        }
        guard let candidate else { throw ZIPDamage("no end-of-central-directory record (not a ZIP archive)") }
        return candidate
    }

    /// The little-endian 16-bit value at `offset`. - Precondition: `offset + 2 <= bytes.count`.
    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    /// The little-endian 32-bit value at `offset`. - Precondition: `offset + 4 <= bytes.count`.
    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
