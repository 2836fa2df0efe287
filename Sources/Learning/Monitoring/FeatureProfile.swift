/// What a baseline knows of one column: its kind, completeness, range and quantiles or category domain,
/// and its distribution, so later batches can be checked without the reference rows.
public struct FeatureProfile: Sendable, Codable, Equatable {
    public struct Numbers: Sendable, Codable, Equatable {
        public let min: Double
        public let max: Double
        public let mean: Double
        public let standardDeviation: Double
        /// At `FeatureProfile.quantileLevels`.
        public let quantiles: [Double]
        public let sketch: ValueSketch
    }

    /// 1 %, 5 %, 25 %, 50 %, 75 %, 95 %, 99 %.
    public static let quantileLevels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]

    public let name: String
    public let kind: ColumnKind
    public let rows: Int
    public let missing: Int
    /// For numeric columns with at least one value.
    public let numbers: Numbers?
    /// For categorical and boolean columns: the levels in the column's order and how often each occurs.
    public let levels: [String]?
    public let levelCounts: [Int]?

    /// Share of rows with a value (1 for an empty column).
    public var completeness: Double { rows == 0 ? 1 : Double(rows - missing) / Double(rows) }

    public var distinctValues: Int { numbers?.sketch.values.count ?? levelCounts?.filter { $0 > 0 }.count ?? 0 }

    public init(_ column: Column) {
        name = column.name
        kind = column.kind
        rows = column.count
        missing = column.missingCount
        switch column.storage {
        case .numeric(let values):
            let sketch = ValueSketch(values)
            let sorted = sketch.expanded()
            if sorted.isEmpty {
                numbers = nil
            } else {
                let mean = sorted.reduce(0, +) / Double(sorted.count)
                let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sorted.count)
                numbers = Numbers(min: sorted.first!, max: sorted.last!, mean: mean, standardDeviation: variance.squareRoot(),
                                  quantiles: Self.quantileLevels.map { Self.quantile(sorted, $0) }, sketch: sketch)
            }
            levels = nil
            levelCounts = nil
        case .categorical(let codes, let columnLevels):
            var counts = [Int](repeating: 0, count: columnLevels.count)
            for code in codes where code >= 0 { counts[Int(code)] += 1 }
            numbers = nil
            levels = columnLevels
            levelCounts = counts
        }
    }

    /// The reference values for a numeric drift comparison.
    public var referenceNumbers: [Double] { numbers?.sketch.expanded() ?? [] }

    /// The reference labels for a categorical drift comparison.
    public var referenceLabels: [String?] {
        guard let levels, let levelCounts else { return [] }
        return zip(levels, levelCounts).flatMap { repeatElement(Optional($0), count: $1) }
    }

    /// numpy's default (linear) quantile of sorted values.
    static func quantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = Swift.min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
