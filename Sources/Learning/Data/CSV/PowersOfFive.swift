/// 128-bit approximations of 5^q for q in -342...308, the table of the Eisel–Lemire algorithm.
///
/// Entry q holds 5^q scaled by a power of two so that its top bit is bit 127: truncated for
/// q ≥ 0, and `floor(2^b / 5^-q) + 1` then truncated for q < 0 (b as in fast_float's
/// generator script), exactly the table that fast_float ships. It is computed once, on
/// first use, with small exact integer arithmetic: 5^k by repeated multiplication and
/// `floor(2^N / 5^k)` by repeated division by 5.
enum PowersOfFive {
    static let smallest = -342
    static let largest = 308

    /// `(high, low)` words, index `q - smallest`.
    static let table: [(high: UInt64, low: UInt64)] = {
        var table = [(high: UInt64, low: UInt64)](repeating: (0, 0), count: largest - smallest + 1)
        // N leaves room for the largest b = 2 * bitLength(5^342) + 128 = 1718.
        let n = 27 * 64
        var power = BigNumber(1)
        var reciprocal = BigNumber.powerOfTwo(n)
        for k in 1...(-smallest) {
            power.multiply(by: 5)
            reciprocal.divide(by: 5)
            let z = power.bitLength
            let b = k <= 27 ? z + 127 : 2 * z + 128
            var c = reciprocal.shiftedRight(by: n - b)
            c.addOne()
            table[-smallest - k] = c.top128()
        }
        var positive = BigNumber(1)
        for q in 0...largest {
            table[q - smallest] = positive.top128()
            positive.multiply(by: 5)
        }
        return table
    }()
}

/// A non-negative integer as little-endian 64-bit words: just the operations the table needs.
private struct BigNumber {
    var words: [UInt64]

    init(_ value: UInt64) { words = [value] }

    static func powerOfTwo(_ exponent: Int) -> BigNumber {
        var number = BigNumber(0)
        number.words = [UInt64](repeating: 0, count: exponent / 64 + 1)
        number.words[exponent / 64] = 1 << UInt64(exponent % 64)
        return number
    }

    var bitLength: Int {
        guard let top = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * 64 + (64 - words[top].leadingZeroBitCount)
    }

    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for i in words.indices {
            let (high, low) = words[i].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            words[i] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { words.append(carry) }
    }

    /// Floor division.
    mutating func divide(by divisor: UInt64) {
        var remainder: UInt64 = 0
        for i in words.indices.reversed() {
            (words[i], remainder) = divisor.dividingFullWidth((remainder, words[i]))
        }
    }

    mutating func addOne() {
        for i in words.indices {
            words[i] &+= 1
            if words[i] != 0 { return }
        }
        words.append(1)
    }

    func shiftedRight(by shift: Int) -> BigNumber {
        var result = BigNumber(0)
        let wordShift = shift / 64, bitShift = UInt64(shift % 64)
        guard wordShift < words.count else { return result }
        result.words = (wordShift..<words.count).map { i in
            let low = words[i] >> bitShift
            let high = bitShift == 0 || i + 1 >= words.count ? 0 : words[i + 1] << (64 - bitShift)
            return low | high
        }
        return result
    }

    /// The value scaled by a power of two to exactly 128 bits (truncating), as two words.
    func top128() -> (high: UInt64, low: UInt64) {
        let length = bitLength
        var scaled = length > 128 ? shiftedRight(by: length - 128) : self
        if length < 128 {
            let shift = 128 - length
            scaled = BigNumber(0)
            scaled.words = [0, 0, 0]
            for (i, word) in words.enumerated() where word != 0 {
                let position = i * 64 + shift
                scaled.words[position / 64] |= word << UInt64(position % 64)
                if position % 64 != 0, position / 64 + 1 < 3 {
                    scaled.words[position / 64 + 1] |= word >> UInt64(64 - position % 64)
                }
            }
        }
        return (scaled.words.count > 1 ? scaled.words[1] : 0, scaled.words[0])
    }
}
