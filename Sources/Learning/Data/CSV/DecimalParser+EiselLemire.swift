extension DecimalParser {
    /// `mantissa × 10^exponent` correctly rounded, by the Eisel–Lemire algorithm
    /// (Lemire, "Number Parsing at a Gigabyte per Second", 2021), as fast_float computes it.
    ///
    /// - Parameter mantissa: the decimal digits as an integer, at most 19 of them.
    /// - Returns: `nil` in the rare case where the 128-bit product cannot decide the rounding
    ///   (the caller then uses an exact parser).
    static func eiselLemire(mantissa: UInt64, exponent q: Int) -> Double? {
        if mantissa == 0 || q < PowersOfFive.smallest { return 0 }
        if q > PowersOfFive.largest { return .infinity }
        let leadingZeros = mantissa.leadingZeroBitCount
        let w = mantissa << UInt64(leadingZeros)
        let power = PowersOfFive.table[q - PowersOfFive.smallest]

        var (high, low) = w.multipliedFullWidth(by: power.high)
        // Below 55 bits of precision the first product may be off by one: add the second.
        if high & 0x1FF == 0x1FF {
            let second = w.multipliedFullWidth(by: power.low).high
            let (sum, overflow) = low.addingReportingOverflow(second)
            low = sum
            if overflow { high &+= 1 }
        }
        if low == .max, !(-27...55).contains(q) { return nil }

        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 9)
        var significand = high >> shift
        // (152170 + 65536) / 2^16 ≈ log2(10): the binary exponent of 10^q, plus 63.
        var biasedExponent = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023

        if biasedExponent <= 0 {
            if -biasedExponent + 1 >= 64 { return 0 }
            significand >>= UInt64(-biasedExponent + 1)
            significand += significand & 1
            significand >>= 1
            biasedExponent = significand < 1 << 52 ? 0 : 1
            return Double(bitPattern: UInt64(biasedExponent) << 52 | (significand & ((1 << 52) - 1)))
        }
        // Exactly halfway between two doubles: round to even rather than up.
        if low <= 1, (-4...23).contains(q), significand & 3 == 1, significand << shift == high {
            significand &= ~1
        }
        significand += significand & 1
        significand >>= 1
        if significand >= 2 << 52 {
            significand = 1 << 52
            biasedExponent += 1
        }
        if biasedExponent >= 0x7FF { return .infinity }
        return Double(bitPattern: UInt64(biasedExponent) << 52 | (significand & ((1 << 52) - 1)))
    }
}
