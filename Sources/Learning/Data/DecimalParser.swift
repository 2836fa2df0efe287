/// Correctly rounded parsing of decimal numbers straight from UTF-8 bytes.
///
/// Accepted syntax: `[+-]? digits? ('.' digits?)? ([eE] [+-]? digits)?` with at least one
/// digit before the exponent, so `5`, `-0.25`, `.5`, `5.`, `1e-7` and `+3E2` are numbers;
/// `parse(_:)` also takes `inf` / `infinity` in any case with an optional sign, and spaces
/// around the number.
///
/// Clinger's fast path gives most values with one exact multiplication or division: when
/// the significant digits fit in 2^53 and the decimal exponent is within ±22, both operands
/// are exact doubles and IEEE rounding of the one operation is the correctly rounded result.
/// Anything else (17-digit round-trip output, huge exponents) goes to the standard
/// library's parser, which is exact but slower.
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
        let integerStart = p
        while p < end {
            let digit = p.pointee &- 48
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            p += 1
        }
        var digitCount = p - integerStart
        var exponent = 0
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while p < end {
                let digit = p.pointee &- 48
                if digit > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                p += 1
            }
            exponent = fractionStart - p
            digitCount += p - fractionStart
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
        if digitCount <= 19, let value = fastPath(mantissa: mantissa, exponent: exponent) {
            return (negative ? -value : value, p)
        }
        return (slowPath(start, p), p)
    }

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
