import Foundation
@testable import Learning
import Testing

/// The sorting and merging the drift statistics share: the radix sort orders exactly as
/// `sorted()`, and the distinct values of two sorted arrays are `Set(a).union(b)`.
@Suite struct DriftNumericsTests {
    /// 20,000 values over every kind of double: negative and positive, ±0, ±∞, subnormal,
    /// huge, and many repeats (a fixed pseudo-random mix).
    static func mixed(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude,
                                  -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e300, 1]
        return (0..<n).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Double(state >> 11) / Double(1 << 53)
            switch i % 5 {
            case 0: return specials[Int(state >> 60) % specials.count]
            case 1: return (draw * 10).rounded()   // repeats
            default: return (draw - 0.5) * pow(10, Double(Int(state >> 58) % 20) - 10)
            }
        }
    }

    @Test(arguments: [10, 5000, 20000])
    func radixSortOrdersAsSorted(n: Int) {
        let values = Self.mixed(n, seed: UInt64(n))
        let ours = DriftNumerics.sorted(values)
        let expected = values.sorted()
        #expect(ours.count == expected.count)
        // Equal as numbers (−0 and +0 may swap places).
        #expect(ours == expected)
        #expect(zip(ours, ours.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func mergedAndDistinctMatchSortingAndSets() {
        let a = DriftNumerics.sorted(Self.mixed(7000, seed: 1)), b = DriftNumerics.sorted(Self.mixed(9000, seed: 2))
        #expect(DriftNumerics.merged(a, b) == (a + b).sorted())
        #expect(DriftNumerics.distinctValues(sorted: a, b) == Array(Set(a).union(b)).sorted())
        #expect(DriftNumerics.distinctCount(sorted: a, b) == Set(a).union(b).count)
        #expect(DriftNumerics.distinctCount(sorted: [], b) == Set(b).count)
    }
}
