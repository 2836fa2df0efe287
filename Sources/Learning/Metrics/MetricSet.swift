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
/// `recall`, `f1` (macro averages), then `roc_auc` and `log_loss` when probabilities were
/// scored; regression `rmse`, `mae`, `r2`.
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

    /// The metrics by name.
    public var dictionary: [String: Double] {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The metrics where a smaller value is better (errors and losses).
    public static let lowerIsBetter: Set<String> = ["rmse", "mae", "log_loss"]

    /// Whether a smaller value of the metric `name` is better.
    public static func isLowerBetter(_ name: String) -> Bool { lowerIsBetter.contains(name) }
}
