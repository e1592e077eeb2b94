/// Why a ZIP archive, or one of its entries, cannot be read: the reason in plain words, for
/// the reader that turns it into a located ``DataError``.
///
/// Thrown by ``ZIPDirectory`` (the central directory and local headers) and ``RawDeflate``
/// (an entry's data); never a trap, whatever the bytes.
struct ZIPDamage: Error, Equatable, CustomStringConvertible {
    /// What is wrong, in words that follow "found": `a deflate stream that ends early`.
    let reason: String

    init(_ reason: String) { self.reason = reason }

    var description: String { reason }
}
