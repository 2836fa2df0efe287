/// A numeric column's distribution as stored in a baseline: its distinct values with their counts.
///
/// Up to `exactLimit` distinct values the sketch is exact, so a drift test against it gives the very
/// figure the reference rows would. Above that it keeps `exactLimit` equally weighted quantiles
/// (numpy's linear method), close enough for the distances used on large references.
///
/// ```swift
/// let sketch = ValueSketch([3, 1, 3, .nan])   // values [1, 3], counts [1, 2]
/// sketch.expanded()                            // [1, 3, 3]
/// ```
public struct ValueSketch: Sendable, Codable, Equatable {
    public static let exactLimit = 100_000

    public let values: [Double]
    public let counts: [Int]

    /// The finite values of `sample`; NaN and ±∞ are left out.
    public init(_ sample: [Double]) {
        let sorted = sample.filter(\.isFinite).sorted()
        var values: [Double] = [], counts: [Int] = []
        for value in sorted {
            if let last = values.last, last == value { counts[counts.count - 1] += 1 } else {
                values.append(value)
                counts.append(1)
            }
        }
        if values.count > Self.exactLimit {
            let n = Self.exactLimit
            values = (0..<n).map { index in
                let position = Double(index) * Double(sorted.count - 1) / Double(n - 1)
                let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
                return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
            }
            counts = [Int](repeating: 1, count: n)
        }
        self.values = values
        self.counts = counts
    }

    public var total: Int { counts.reduce(0, +) }

    /// The values, each repeated by its count, in increasing order.
    public func expanded() -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(total)
        for (value, count) in zip(values, counts) { out.append(contentsOf: repeatElement(value, count: count)) }
        return out
    }
}
