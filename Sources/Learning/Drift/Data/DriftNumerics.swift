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

    /// The eleven decile edges of sorted values (0 %, 10 %, …, 100 %).
    static func decileEdges(sorted values: [Double]) -> [Double] {
        deciles.map { quantile(sorted: values, $0) }
    }
}
