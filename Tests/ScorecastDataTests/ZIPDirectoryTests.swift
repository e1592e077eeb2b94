import Foundation
import ScorecastCore
import Testing
import ZIPFoundation

@testable import ScorecastData

/// The .xlsx reader's own ZIP reading (``ZIPDirectory``, ``RawDeflate``): good archives read
/// byte for byte as ZIPFoundation extracts them (the independent reference), and every kind of
/// damage, made by patching one field of a good workbook, is a ``DataError`` naming the file
/// and the part, never a trap or a hang.
@Suite("ZIP entries and bounded inflate")
struct ZIPDirectoryTests {
    static let neighbours = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/dfe-neighbours")

    /// The data sheet of ``XLSXReaderTests/handmadeWorkbook()``, the part the damage is done to.
    static let damagedPart = "xl/worksheets/data.xml"

    /// Where the central directory header of `path` starts in the archive `bytes`.
    static func centralHeader(of path: String, in bytes: [UInt8]) throws -> Int {
        let name = Array(path.utf8)
        let found = (0..<(bytes.count - 46)).first { offset in
            bytes[offset..<(offset + 4)] == [0x50, 0x4B, 0x01, 0x02] && Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8 == name.count
                && Array(bytes[(offset + 46)..<min(bytes.count, offset + 46 + name.count)]) == name
        }
        return try #require(found, "no central directory header for \(path)")
    }

    /// `bytes` with the little-endian `width`-byte field at `field` of `path`'s central header
    /// changed by `change`.
    static func patched(_ bytes: [UInt8], _ path: String, field: Int, width: Int, _ change: (UInt32) -> UInt32) throws -> [UInt8] {
        var bytes = bytes
        let at = try centralHeader(of: path, in: bytes) + field
        var value: UInt32 = 0
        for index in 0..<width { value |= UInt32(bytes[at + index]) << (8 * index) }
        let changed = change(value)
        for index in 0..<width { bytes[at + index] = UInt8(truncatingIfNeeded: changed >> (8 * index)) }
        return bytes
    }

    /// A copy of `workbook` with every entry stored (method 0) instead of deflated.
    static func storedCopy(of workbook: Data) throws -> Data {
        let source = try Archive(data: workbook, accessMode: .read)
        let copy = try Archive(data: Data(), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            try copy.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(copy.data)
    }

    /// The standard CRC-32 check value (ISO 3309 / ITU-T V.42, as ZIP uses): "123456789".
    @Test func checksumIsZIPsCRC32() {
        #expect(RawDeflate.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(RawDeflate.checksum([]) == 0)
    }

    /// Every entry of DfE's LAIT workbooks, read by the bounded inflate, is byte for byte what
    /// ZIPFoundation extracts.
    @Test(arguments: ["sn_april_2021.xlsx", "sn_may_2025.xlsx"])
    func readsEveryEntryAsZIPFoundationDoes(workbook: String) throws {
        let data = try Data(contentsOf: Self.neighbours.appendingPathComponent(workbook))
        let directory = try ZIPDirectory(bytes: [UInt8](data))
        let reference = try Archive(data: data, accessMode: .read)
        #expect(directory.entries.map(\.path) == reference.map(\.path))
        #expect(directory.entries.contains { $0.method == 8 })
        for entry in directory.entries {
            var expected = Data()
            _ = try reference.extract(try #require(reference[entry.path])) { expected.append($0) }
            #expect(try directory.contents(of: entry) == [UInt8](expected), "\(entry.path)")
        }
    }

    /// Stored entries (method 0) read to the same cells as deflated ones.
    @Test func storedWorkbookReadsLikeTheDeflatedOne() throws {
        let deflated = try XLSXReaderTests.handmadeWorkbook()
        let stored = try Self.storedCopy(of: deflated)
        #expect(try ZIPDirectory(bytes: [UInt8](stored)).entries.allSatisfy { $0.method == 0 })
        let fromDeflated = try XLSXReader(data: deflated, name: "deflated.xlsx")
        let fromStored = try XLSXReader(data: stored, name: "stored.xlsx")
        for sheet in ["Notes", "Data"] {
            #expect(try fromStored.sheet(named: sheet).cells == fromDeflated.sheet(named: sheet).cells)
        }
    }

    /// One field of the data sheet's central directory header changed (offsets from APPNOTE
    /// 4.3.12), and the words the refusal must contain.
    static let damages: [(name: String, field: Int, width: Int, change: @Sendable (UInt32) -> UInt32, reason: String)] = [
        ("bad CRC-32", 16, 4, { $0 ^ 0x0000_0001 }, "CRC-32"),
        ("truncated stream", 20, 4, { $0 / 2 }, "ends early"),
        ("uncompressed size understated", 24, 4, { $0 - 1 }, "inflates to more than"),
        ("uncompressed size overstated", 24, 4, { $0 + 1 }, "not the"),
        ("absurd uncompressed size", 24, 4, { _ in 0xFFFF_FFFE }, "more than the 268435456 read"),
        ("compressed size past the end", 20, 4, { _ in 0x7FFF_FFFF }, "past the end"),
        ("unknown method", 10, 2, { _ in 14 }, "compression method 14"),
        ("encrypted", 8, 2, { $0 | 1 }, "encrypted"),
        ("local header past the end", 42, 4, { _ in 0x00FF_FFFF }, "no local header"),
        ("ZIP64 marker", 20, 4, { _ in 0xFFFF_FFFF }, "ZIP64"),
    ]

    @Test(arguments: 0..<damages.count)
    func damagedPartIsADataErrorNamingIt(case index: Int) throws {
        let damage = Self.damages[index]
        let workbook = [UInt8](try XLSXReaderTests.handmadeWorkbook())
        let bytes = try Self.patched(workbook, Self.damagedPart, field: damage.field, width: damage.width, damage.change)
        let error = try #require(throws: DataError.self, "\(damage.name)") {
            try XLSXReader(data: Data(bytes), name: "damaged.xlsx").sheet(named: "Data")
        }
        #expect(error.file == "damaged.xlsx")
        let namesThePart = damage.name == "ZIP64 marker" || error.expected.contains(Self.damagedPart)
        #expect(namesThePart, "\(damage.name): \(error.expected)")
        #expect(error.expected.contains(damage.reason), "\(damage.name): \(error.expected)")
        #expect(!error.description.contains("\n"))
        // The untouched sheet still reads.
        if damage.name != "ZIP64 marker" {
            #expect(try XLSXReader(data: Data(bytes), name: "damaged.xlsx").sheet(named: "Notes").cells.count == 1)
        }
    }

    /// A zip bomb whose header understates its size: 8 MiB of zeros (deflated to about 8 KB)
    /// declared as 1,000 bytes stops at the declared size and is refused.
    @Test func zipBombStopsAtTheDeclaredSize() throws {
        let zeros = Data(count: 8 << 20)
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) {
            position, size in
            zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        let workbook = [UInt8](try #require(archive.data))
        #expect(workbook.count < 64 << 10)
        let bomb = try Self.patched(workbook, "xl/workbook.xml", field: 24, width: 4) { _ in 1000 }
        let error = try #require(throws: DataError.self) { try XLSXReader(data: Data(bomb), name: "bomb.xlsx") }
        #expect(error.expected.contains("xl/workbook.xml") && error.expected.contains("inflates to more than the 1000 bytes"), "\(error.expected)")
    }

    /// A raw deflate stream cut anywhere before its end is refused, never waited on.
    @Test func everyTruncationOfAStreamIsRefused() throws {
        let workbook = [UInt8](try XLSXReaderTests.handmadeWorkbook())
        let directory = try ZIPDirectory(bytes: workbook)
        let entry = try #require(directory.entry(Self.damagedPart))
        let header = entry.localHeaderOffset
        let nameLength = Int(workbook[header + 26]) | (Int(workbook[header + 27]) << 8)
        let extraLength = Int(workbook[header + 28]) | (Int(workbook[header + 29]) << 8)
        let start = header + 30 + nameLength + extraLength
        let stream = workbook[start..<(start + entry.compressedSize)]
        #expect(try RawDeflate.inflate(stream, uncompressedSize: entry.uncompressedSize).count == entry.uncompressedSize)
        for length in 0..<stream.count {
            #expect(throws: ZIPDamage.self, "\(length) of \(stream.count) bytes") {
                try RawDeflate.inflate(stream.prefix(length), uncompressedSize: entry.uncompressedSize)
            }
        }
    }
}
