/// Correctly rounded parsing of decimal numbers straight from UTF-8 bytes.
///
/// Accepted syntax: `[+-]? digits? ('.' digits?)? ([eE] [+-]? digits)?` with at least one
/// digit before the exponent, so `5`, `-0.25`, `.5`, `5.`, `1e-7` and `+3E2` are numbers;
/// `parse(_:)` also takes `inf` / `infinity` in any case with an optional sign, and spaces
/// around the number.
///
/// Digits are read eight at a time where possible. With at most 19 significant digits,
/// Clinger's fast path gives most values with one exact multiplication or division (the
/// digits fit in 2^53 and the decimal exponent is within ±22, so both operands are exact
/// and IEEE rounding of the one operation is the correctly rounded result); the rest, such
/// as 17-digit round-trip output, go through Eisel–Lemire. Longer inputs and the rare case
/// Eisel–Lemire cannot decide go to the standard library's exact parser.
enum DecimalParser {
    /// 10^0 ... 10^22, every one exact in a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses the longest number at the start of `start..<end`.
    ///
    /// - Returns: the value and the first byte after the number, or `nil` when no digits start there.
    @inline(__always)
    static func parsePrefix(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (value: Double, next: UnsafePointer<UInt8>)? {
        var p = start
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        // Every digit goes into the mantissa; more than 19 of them (which could wrap) is
        // rare enough to leave to the slow path.
        var mantissa: UInt64 = 0
        var digitCount = readDigits(&p, end, into: &mantissa)
        var exponent = 0
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionDigits = readDigits(&p, end, into: &mantissa)
            exponent = -fractionDigits
            digitCount += fractionDigits
        }
        guard digitCount > 0 else { return nil }
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            var q = p + 1
            var exponentNegative = false
            if q < end, q.pointee == UInt8(ascii: "-") || q.pointee == UInt8(ascii: "+") {
                exponentNegative = q.pointee == UInt8(ascii: "-")
                q += 1
            }
            var written = 0
            var sawExponentDigit = false
            while q < end {
                let digit = q.pointee &- 48
                if digit > 9 { break }
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(digit) }
                q += 1
            }
            if sawExponentDigit {
                exponent += exponentNegative ? -written : written
                p = q
            }
        }
        if digitCount <= 19, let value = fastPath(mantissa: mantissa, exponent: exponent)
            ?? eiselLemire(mantissa: mantissa, exponent: exponent) {
            return (negative ? -value : value, p)
        }
        return (slowPath(start, p), p)
    }

    /// Appends the decimal digits at `p` to `mantissa` (wrapping past 19 digits), moves `p`
    /// past them and returns how many there were. Eight bytes are examined at once when
    /// that many remain (SWAR: digit test and conversion in a few multiplications).
    @inline(__always)
    private static func readDigits(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into mantissa: inout UInt64) -> Int {
        let start = p
        while end - p >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            // A byte is a digit when its high nibble is 3 both before and after adding 6.
            let high = word & 0xF0F0_F0F0_F0F0_F0F0
            let shifted = (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0
            let notDigit = (high ^ 0x3030_3030_3030_3030) | (shifted ^ 0x3030_3030_3030_3030)
            let count = notDigit == 0 ? 8 : notDigit.trailingZeroBitCount >> 3
            if count == 0 { break }
            // Move the digits to the high bytes (zeros before them are leading zeros), then
            // combine pairs, quads and octets.
            var value = (word &- 0x3030_3030_3030_3030) << UInt64(8 * (8 - count))
            value = value &* 10 &+ (value >> 8)
            value = ((value & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32))
                &+ ((value >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32))) >> 32
            mantissa = mantissa &* integerPowersOfTen[count] &+ value
            p += count
            if count < 8 { return p - start }
        }
        while p < end {
            let digit = p.pointee &- 48
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            p += 1
        }
        return p - start
    }

    private static let integerPowersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// Parses all of `bytes` as one number (spaces around it allowed), or returns `nil`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard var start = bytes.baseAddress else { return nil }
        var end = start + bytes.count
        while start < end, start.pointee == 0x20 { start += 1 }
        while end > start, (end - 1).pointee == 0x20 { end -= 1 }
        if let (value, next) = parsePrefix(start, end), next == end { return value }
        return parseInfinity(UnsafeBufferPointer(start: start, count: end - start))
    }

    @inline(__always)
    private static func fastPath(mantissa: UInt64, exponent: Int) -> Double? {
        if mantissa == 0 { return 0 }
        guard mantissa <= 1 << 53 else { return nil }
        if exponent >= 0 {
            if exponent <= 22 { return Double(mantissa) * powersOfTen[exponent] }
            // 1234e25 = 1234000e22: still exact if the scaled integer stays below 2^53.
            let shift = exponent - 22
            guard shift <= 15 else { return nil }
            let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: UInt64(powersOfTen[shift]))
            guard !overflow, scaled <= 1 << 53 else { return nil }
            return Double(scaled) * powersOfTen[22]
        }
        guard exponent >= -22 else { return nil }
        return Double(mantissa) / powersOfTen[-exponent]
    }

    private static func slowPath(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return Double(text) ?? .nan
    }

    private static func parseInfinity(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var word = Substring(String(decoding: bytes, as: UTF8.self).lowercased())
        var sign = 1.0
        if let first = word.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            word = word.dropFirst()
        }
        return word == "inf" || word == "infinity" ? sign * .infinity : nil
    }
}
