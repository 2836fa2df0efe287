/// How much worse a model scores when one feature's values are shuffled.
public struct FeatureImportance: Sendable, Equatable, Codable {
    /// The feature column's name, as in the training data.
    public let feature: String
    /// The mean drop over the repeats: the score lost for metrics where higher is
    /// better, the error gained for `rmse`, `mae` and `log_loss`. Positive = the model
    /// relies on the feature.
    public let mean: Double
    /// The population standard deviation of the drops (scikit-learn's `importances_std`).
    public let std: Double
    /// The drop of each repeat, in order.
    public let drops: [Double]

    public init(feature: String, drops: [Double]) {
        precondition(!drops.isEmpty, "at least one repeat")
        let mean = drops.reduce(0, +) / Double(drops.count)
        self.feature = feature
        self.mean = mean
        self.std = (drops.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(drops.count)).squareRoot()
        self.drops = drops
    }
}
