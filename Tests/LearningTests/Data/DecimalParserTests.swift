import Testing
@testable import Learning

@Suite struct DecimalParserTests {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    /// Shortest round-trip text (up to 17 digits) and fixed-precision text of random values
    /// must read back exactly as the standard library reads them.
    @Test func agreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let bits = generator.next()
            let value = Double(bitPattern: bits & 0x7FEF_FFFF_FFFF_FFFF)
            let scaled = (generator.nextUnit() - 0.5) * pow10(Int(generator.next(below: 40)) - 20)
            for text in ["\(value)", "\(scaled)", String(format6(scaled))] {
                #expect(parse(text) == Double(text), "\(text)")
            }
        }
    }

    @Test(arguments: ["0", "-0", "1", "9007199254740993", "12345678901234567890", "1e22", "1e23", "123e20", "4.9e-324",
                      "2.2250738585072014e-308", "1.7976931348623157e308", "1e400", "1e-400", "0.1", "3.14159",
                      "00000000000000000000000123.5", "0.000000000000000000000000000001"])
    func edgeValues(_ text: String) {
        #expect(parse(text) == Double(text))
        #expect(parse("-" + text) == Double("-" + text))
    }

    @Test(arguments: ["", "-", ".", "e5", "1e", "1.2.3", "0x10", "1,5", "abc", "nan"])
    func notNumbers(_ text: String) {
        #expect(parse(text) == nil)
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// `value` with 6 digits after the point, built without Foundation.
    private func format6(_ value: Double) -> String {
        guard abs(value) < 1e12 else { return "\(value)" }
        let scaled = (abs(value) * 1e6).rounded()
        let whole = Int64(scaled / 1e6)
        let fraction = Int64(scaled) - whole * 1_000_000
        let digits = String(fraction)
        return (value < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}

@Suite struct PowersOfFiveTests {
    /// Entries and a checksum over all 651 entries of fast_float's table, computed in Python
    /// with fast_float's own generator script (exact integers).
    @Test func tableMatchesFastFloat() {
        let table = PowersOfFive.table
        func entry(_ q: Int) -> (UInt64, UInt64) { table[q - PowersOfFive.smallest] }
        #expect(entry(-342) == (0xeef4_53d6_923b_d65a, 0x113f_aa29_06a1_3b3f))
        #expect(entry(-28) == (0xfd87_b5f2_8300_ca0d, 0x8bca_9d6e_1888_53fc))
        #expect(entry(-27) == (0x9e74_d1b7_91e0_7e48, 0x775e_a264_cf55_347e))
        #expect(entry(-1) == (0xcccc_cccc_cccc_cccc, 0xcccc_cccc_cccc_cccd))
        #expect(entry(0) == (0x8000_0000_0000_0000, 0))
        #expect(entry(28) == (0x813f_3978_f894_0984, 0x4000_0000_0000_0000))
        #expect(entry(308) == (0x8e67_9c2f_5e44_ff8f, 0x570f_09ea_a7ea_7648))
        var xor: UInt64 = 0, sum: UInt64 = 0
        for q in PowersOfFive.smallest...PowersOfFive.largest {
            let (high, low) = entry(q)
            xor ^= high ^ (low &* 3)
            sum = sum &+ high &* UInt64(q + 400) &+ low
        }
        #expect(xor == 0xbf90_3db9_e1ae_32bf)
        #expect(sum == 0x82ff_8cf5_edbd_1c30)
    }
}
