import CSystemZlib

/// Bounded decompression of one ZIP entry's data: a raw deflate stream (method 8) or stored
/// bytes (method 0), checked against the sizes and CRC-32 the central directory declares.
///
/// Semantics: the output never exceeds the declared uncompressed size (a stream that inflates
/// to more, a zip bomb whose header lies, is stopped at the first 64 KB chunk that would pass
/// it, and refused); the stream must reach its end marker within the declared compressed bytes
/// (a truncated stream is refused, never waited on); the output must be exactly the declared
/// size and its CRC-32 the declared one. Each call to zlib's `inflate` consumes input or
/// produces output, or reports that it cannot (`Z_BUF_ERROR`, and the loop stops), so the loop
/// runs at most input + output + 1 times: no input can make it spin. This replaces
/// ZIPFoundation 0.9.20's `Data.decode`, which loops while the stream has not ended and, at the
/// end of a damaged entry, reads empty chunks for ever (the xlsx fuzz harness's
/// `part-larger-than-the-file.xlsx`).
///
/// Reference followed: the zlib manual (`inflateInit2` with negative window bits for a raw
/// stream; `inflate`'s return codes), PKWARE's APPNOTE.TXT 6.3.10 (4.4.5 methods, 4.4.7
/// CRC-32, 4.4.8–4.4.9 sizes), and Go's `archive/zip` reader (golang/go
/// `src/archive/zip/reader.go`), which checks an entry's size and CRC-32 when its stream ends.
///
/// Complexity: O(compressed + uncompressed bytes); memory O(uncompressed bytes) plus 64 KB.
enum RawDeflate {
    /// The bytes of an entry stored under `method` (0 stored, 8 deflate) as `stored`, declared
    /// to be `uncompressedSize` bytes with CRC-32 `crc32`.
    ///
    /// - Precondition: `uncompressedSize` is what the caller accepts to hold in memory (the
    ///   caller refuses absurd declared sizes before calling).
    /// - Throws: ``ZIPDamage`` for an unknown method, a corrupt or truncated stream, a size that
    ///   is not the declared one, or a CRC-32 that does not match.
    static func entryBytes(_ stored: ArraySlice<UInt8>, method: UInt16, uncompressedSize: Int, crc32 expected: UInt32) throws(ZIPDamage)
        -> [UInt8]
    {
        precondition(uncompressedSize >= 0, "a negative size")
        let bytes: [UInt8]
        switch method {
        case 0:
            guard stored.count == uncompressedSize else {
                throw ZIPDamage("a stored entry of \(stored.count) bytes that claims to hold \(uncompressedSize)")
            }
            bytes = Array(stored)
        case 8:
            bytes = try inflate(stored, uncompressedSize: uncompressedSize)
        default:
            throw ZIPDamage("compression method \(method) (only 0, stored, and 8, deflate, are read)")
        }
        let actual = checksum(bytes)
        guard actual == expected else {
            throw ZIPDamage("data whose CRC-32 is \(hex(actual)), not the \(hex(expected)) the archive declares")
        }
        return bytes
    }

    /// The CRC-32 (ISO 3309, as ZIP uses it) of `bytes`, by zlib's `crc32`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: uLong = CSystemZlib.crc32(0, nil, 0)
        bytes.withUnsafeBufferPointer { buffer in
            var start = buffer.baseAddress
            var remaining = buffer.count
            // zlib's length is 32-bit: large inputs go in pieces of at most 1 GB.
            while remaining > 0, let base = start {
                let piece = min(remaining, 1 << 30)
                crc = CSystemZlib.crc32(crc, base, uInt(piece))
                start = base + piece
                remaining -= piece
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The raw deflate stream `stored` inflated, refused unless it ends within `stored` and
    /// gives exactly `uncompressedSize` bytes.
    static func inflate(_ stored: ArraySlice<UInt8>, uncompressedSize: Int) throws(ZIPDamage) -> [UInt8] {
        guard stored.count <= Int(UInt32.max) else { throw ZIPDamage("a compressed entry of \(stored.count) bytes, more than ZIP can declare") }
        var stream = z_stream()
        guard scorecast_inflate_init_raw(&stream) == Z_OK else { throw ZIPDamage("no memory for zlib's inflate state") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(uncompressedSize, 1 << 20))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let outcome: ZIPDamage? = stored.withUnsafeBufferPointer { input in
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.avail_in = uInt(input.count)
            while true {
                let availableBefore = stream.avail_in
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= uncompressedSize else {
                    return ZIPDamage("a deflate stream that inflates to more than the \(uncompressedSize) bytes the archive declares")
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    return nil
                case Z_OK where produced > 0 || stream.avail_in < availableBefore:
                    continue
                case Z_OK, Z_BUF_ERROR:
                    return ZIPDamage("a deflate stream that ends early (\(input.count) compressed bytes give \(output.count) bytes and no end)")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    return ZIPDamage("a corrupt deflate stream (\(message)) after \(output.count) bytes")
                }
            }
        }
        if let outcome { throw outcome }
        guard output.count == uncompressedSize else {
            throw ZIPDamage("a deflate stream of \(output.count) bytes, not the \(uncompressedSize) the archive declares")
        }
        return output
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
