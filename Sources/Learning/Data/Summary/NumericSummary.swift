/// Statistics of the non-missing values of a numeric column, computed as pandas'
/// `describe()` and NumPy's `histogram` do. Every figure is NaN when there are no values.
public struct NumericSummary: Sendable, Equatable {
    public var mean: Double
    /// Sample standard deviation (divisor n − 1, pandas' default); NaN below two values.
    public var std: Double
    public var min: Double
    /// Quartiles by linear interpolation between closest ranks (NumPy's default method).
    public var q25: Double
    public var median: Double
    public var q75: Double
    public var max: Double
    /// Counts in equal-width bins from `min` to `max`; the last bin includes `max`.
    public var histogram: [Int]
    /// The `histogram.count + 1` bin edges (NumPy's: ±0.5 around a single value).
    public var binEdges: [Double]

    /// - Parameter sorted: the non-missing values in increasing order.
    init(sorted values: [Double], bins: Int) {
        let n = values.count
        guard let first = values.first, let last = values.last else {
            mean = .nan; std = .nan; min = .nan; q25 = .nan; median = .nan; q75 = .nan; max = .nan
            histogram = []
            binEdges = []
            return
        }
        let mean = Self.sum(values) / Double(n)
        self.mean = mean
        std = n < 2 ? .nan : (Self.sum(values.map { ($0 - mean) * ($0 - mean) }) / Double(n - 1)).squareRoot()
        min = first
        max = last
        q25 = Self.quantile(values, 0.25)
        median = Self.quantile(values, 0.5)
        q75 = Self.quantile(values, 0.75)
        (histogram, binEdges) = Self.histogram(values, bins: bins)
    }

    /// Compensated (Neumaier) summation, so the mean does not depend on value order.
    static func sum(_ values: [Double]) -> Double {
        var total = 0.0
        var compensation = 0.0
        for value in values {
            let next = total + value
            compensation += abs(total) >= abs(value) ? (total - next) + value : (value - next) + total
            total = next
        }
        return total + compensation
    }

    /// NumPy's `quantile(method="linear")` on sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        let fraction = position - Double(below)
        guard below + 1 < sorted.count else { return sorted[below] }
        let a = sorted[below], b = sorted[below + 1]
        let difference = b - a
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction
    }

    /// NumPy's `histogram(values, bins)`: edges by `linspace`, bin by scaled offset, then
    /// corrected against the edges. Values are finite (readers refuse others); were they
    /// not, the histogram would have a single bin holding every value.
    static func histogram(_ sorted: [Double], bins: Int) -> ([Int], [Double]) {
        var low = sorted.first!, high = sorted.last!
        guard (high - low).isFinite else { return ([sorted.count], [low, high]) }
        if low == high {
            low -= 0.5
            high += 0.5
        }
        let step = (high - low) / Double(bins)
        var edges = (0...bins).map { low + Double($0) * step }
        edges[bins] = high
        let scale = Double(bins) / (high - low)
        var counts = [Int](repeating: 0, count: bins)
        for value in sorted {
            var index = Swift.min(Int((value - low) * scale), bins - 1)
            if value < edges[index] { index -= 1 }
            if index != bins - 1, value >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
        return (counts, edges)
    }
}
