#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers as Scorecast's CSV files write and read them.
///
/// Written: the shortest decimal that reads back as the same `Double` (Swift's `description`,
/// Steele & White / Ryu-style shortest round trip), without a trailing `.0` on whole numbers,
/// no thousands separators; a missing value (`NaN`) is an empty field.
///
/// Read: `[+-]digits[.digits][e[+-]digits]` (a leading or trailing point is allowed). Nothing
/// else: no spaces, no thousands separators, no `NaN` or `Inf` spelt out (a missing value is an
/// empty field with, in the observations format, a status saying why).
public enum CSVNumber {
    /// `value` as written in CSV: shortest round-trip digits, `""` for `NaN`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        if value == 0 { return "0" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `value` rounded to `places` decimal places, written without float noise (`1743.4`, not
    /// `1743.420996437263`; `29`, not `28.999999999999996`); `""` for `NaN`.
    public static func rounded(_ value: Double, places: Int) -> String {
        precondition((0...12).contains(places), "places in 0...12")
        guard value.isFinite else { return format(value) }
        let scale = pow10(places)
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 1e15 else { return format(value) }
        return format(scaled == 0 ? 0 : scaled / scale)
    }

    /// `value` to `digits` significant digits (model statistics), written as ``rounded(_:places:)``.
    public static func significant(_ value: Double, digits: Int = 6) -> String {
        precondition(digits >= 1 && digits <= 15, "digits in 1...15")
        guard value.isFinite, value != 0 else { return format(value) }
        let magnitude = Int((abs(value)).log10Floor)
        let places = digits - 1 - magnitude
        if places >= 0 && places <= 12 { return rounded(value, places: places) }
        if places > 12 { return format(value) }
        let scale = pow10(-places)
        return format((value / scale).rounded() * scale)
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Parses the bytes of one field; `nil` unless the whole field is a decimal number.
    ///
    /// Numbers of at most 15 significant digits with a decimal exponent in -22...22 take the
    /// exact fast path of Clinger (1990), "How to read floating point numbers accurately": both
    /// the digits and the power of ten are exact doubles, so one multiplication or division is
    /// correctly rounded. Others go to the C library's `strtod`, which rounds correctly.
    ///
    /// Complexity: O(length of the field), no allocation on the fast path.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                digitCount += 1
                if mantissa != 0 || byte != 48 { significantDigits += 1 }
                if significantDigits <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 48) }
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < count, bytes[index] >= 48 && bytes[index] <= 57 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - 48) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0, index == count else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        let decimalExponent = exponent - fractionDigits
        if significantDigits <= 15, abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= powersOfTen[-decimalExponent]
            } else {
                value *= powersOfTen[decimalExponent]
            }
            return negative ? -value : value
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { text in
            for position in 0..<count { text[position] = CChar(bitPattern: bytes[position]) }
            text[count] = 0
            return strtod(text.baseAddress!, nil)
        }
    }

    /// Parses `text`; `nil` unless it is a decimal number.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

extension Double {
    /// ⌊log₁₀ |x|⌋ for finite non-zero x, by repeated division (no libm needed here).
    fileprivate var log10Floor: Double {
        var x = Swift.abs(self), exponent = 0.0
        while x >= 10 {
            x /= 10
            exponent += 1
        }
        while x < 1 {
            x *= 10
            exponent -= 1
        }
        return exponent
    }
}
