/// One named score.
public struct Metric: Sendable, Codable, Equatable {
    public let name: String
    public let value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// Scores in a fixed order: classification `accuracy`, `balanced_accuracy`, `precision`,
/// `recall`, `f1` (macro averages); regression `rmse`, `mae`, `r2`.
public struct MetricSet: Sendable, Codable, Equatable {
    public let entries: [Metric]

    public init(_ entries: [Metric]) {
        self.entries = entries
    }

    public init(_ pairs: KeyValuePairs<String, Double>) {
        self.entries = pairs.map { Metric(name: $0.key, value: $0.value) }
    }

    /// The value of the metric called `name`, `nil` when absent.
    public subscript(name: String) -> Double? {
        entries.first { $0.name == name }?.value
    }

    public var names: [String] { entries.map(\.name) }
}
