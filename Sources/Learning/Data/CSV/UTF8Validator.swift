/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validator {
    /// The index where the first ill-formed sequence in `bytes[range]` starts (the lead byte
    /// of a truncated sequence, or the stray byte), or `nil` when it is all valid.
    ///
    /// `range` must start and end on character boundaries (a CSV record start is one).
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // Eight ASCII bytes at a time: the common case for data files.
            if i + 8 <= end {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < end else { return i }
                let byte = bytes[i + k]
                let (low, high): (UInt8, UInt8) = k == 1 ? (lower, upper) : (0x80, 0xBF)
                guard byte >= low, byte <= high else { return i }
            }
            i += length
        }
        return nil
    }
}
