import Foundation

/// NumPy's summation, standard deviation and linear quantiles, operation for operation, so
/// the drift scores round exactly as the Python reference computes them.
///
/// ```swift
/// DriftNumerics.standardDeviation([1, 2, 3, 4])          // numpy.std: 1.118033988749895
/// DriftNumerics.decileEdges(sorted: [1, 2, 3, 4, 5])     // numpy.quantile(x, linspace(0, 1, 11))
/// ```
enum DriftNumerics {
    /// `numpy.sum`: pairwise summation in blocks of 128 with eight accumulators.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { pairwiseSum($0) }
    }

    private static func pairwiseSum(_ a: UnsafeBufferPointer<Double>) -> Double {
        let n = a.count
        if n < 8 {
            var result = 0.0
            for value in a { result += value }
            return result
        }
        if n <= 128 {
            var r = (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
            var i = 8
            while i < n - n % 8 {
                r.0 += a[i]; r.1 += a[i + 1]; r.2 += a[i + 2]; r.3 += a[i + 3]
                r.4 += a[i + 4]; r.5 += a[i + 5]; r.6 += a[i + 6]; r.7 += a[i + 7]
                i += 8
            }
            var result = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < n {
                result += a[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(UnsafeBufferPointer(rebasing: a[0..<half]))
            + pairwiseSum(UnsafeBufferPointer(rebasing: a[half..<n]))
    }

    /// `numpy.std(values)` (ddof 0): √(Σ(x − x̄)²/n) with x̄ = Σx/n, both sums pairwise.
    static func standardDeviation(_ values: [Double]) -> Double {
        let n = Double(values.count)
        let mean = sum(values) / n
        return (sum(values.map { ($0 - mean) * ($0 - mean) }) / n).squareRoot()
    }

    /// The probabilities `numpy.linspace(0, 1, 11)`: i · 0.1, and exactly 1 at the end.
    static let deciles: [Double] = (0..<10).map { Double($0) * 0.1 } + [1]

    /// `numpy.quantile(values, q)` with the default linear method, on values sorted
    /// ascending: index (n − 1)q, interpolated from whichever neighbour is nearer.
    static func quantile(sorted values: [Double], _ q: Double) -> Double {
        let n = values.count
        let index = Double(n - 1) * q
        if index >= Double(n - 1) { return values[n - 1] }
        let previous = index.rounded(.down)
        let gamma = index - previous
        let a = values[Int(previous)], b = values[Int(previous) + 1]
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }

    /// Values without NaN sorted ascending, as `sorted()` orders them (−0 and +0 may come in
    /// either order). Above a few thousand values by a least-significant-digit radix sort on
    /// the IEEE bits, made order-preserving (six passes of 11 bits, a pass skipped when every
    /// value has the same digit): on a million values several times faster than `sorted()`.
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n >= 4096 else { return values.sorted() }
        let signBit: UInt64 = 1 << 63
        var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            values.withUnsafeBufferPointer { source in
                for i in 0..<n {
                    let bits = source[i].bitPattern
                    buffer[i] = bits & signBit != 0 ? ~bits : bits | signBit
                }
            }
            count = n
        }
        let digitBits = 11, buckets = 1 << digitBits, passes = 6
        let mask = UInt64(buckets - 1)
        var histograms = [Int](repeating: 0, count: passes * buckets)
        histograms.withUnsafeMutableBufferPointer { counts in
            keys.withUnsafeBufferPointer { source in
                for key in source {
                    for pass in 0..<passes {
                        counts[pass * buckets + Int((key >> UInt64(pass * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        var scratch = [UInt64](repeating: 0, count: n)
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            var offsets = Array(histograms[(pass * buckets)..<((pass + 1) * buckets)])
            if offsets.contains(n) { continue }   // one digit for all: nothing moves
            var total = 0
            for bucket in 0..<buckets {
                let count = offsets[bucket]
                offsets[bucket] = total
                total += count
            }
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { next in
                        for key in source {
                            let bucket = Int((key >> shift) & mask)
                            target[next[bucket]] = key
                            next[bucket] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        return [Double](unsafeUninitializedCapacity: n) { buffer, count in
            keys.withUnsafeBufferPointer { source in
                for i in 0..<n {
                    let key = source[i]
                    buffer[i] = Double(bitPattern: key & signBit != 0 ? key & ~signBit : ~key)
                }
            }
            count = n
        }
    }

    /// Two ascending arrays merged into one ascending array.
    static func merged(_ a: [Double], _ b: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: a.count + b.count) { buffer, count in
            var i = 0, j = 0, k = 0
            while i < a.count && j < b.count {
                if b[j] < a[i] {
                    buffer[k] = b[j]; j += 1
                } else {
                    buffer[k] = a[i]; i += 1
                }
                k += 1
            }
            while i < a.count { buffer[k] = a[i]; i += 1; k += 1 }
            while j < b.count { buffer[k] = b[j]; j += 1; k += 1 }
            count = k
        }
    }

    /// The distinct values of two ascending arrays together, ascending (`Set(a).union(b)`,
    /// sorted, without hashing a million values).
    static func distinctValues(sorted a: [Double], _ b: [Double]) -> [Double] {
        var distinct: [Double] = []
        forEachDistinct(a, b) { distinct.append($0) }
        return distinct
    }

    /// How many distinct values two ascending arrays hold together.
    static func distinctCount(sorted a: [Double], _ b: [Double]) -> Int {
        var count = 0
        forEachDistinct(a, b) { _ in count += 1 }
        return count
    }

    private static func forEachDistinct(_ a: [Double], _ b: [Double], _ body: (Double) -> Void) {
        var i = 0, j = 0
        var last: Double? = nil
        while i < a.count || j < b.count {
            let value: Double
            if j == b.count || (i < a.count && a[i] <= b[j]) {
                value = a[i]; i += 1
            } else {
                value = b[j]; j += 1
            }
            if value != last { body(value) }
            last = value
        }
    }

    /// The eleven decile edges of sorted values (0 %, 10 %, …, 100 %).
    static func decileEdges(sorted values: [Double]) -> [Double] {
        deciles.map { quantile(sorted: values, $0) }
    }
}
