/// One data-quality problem of a batch against its baseline's constraints.
public struct QualityViolation: Sendable, Codable, Equatable {
    public enum Check: String, Sendable, Codable, CaseIterable {
        /// A feature of the model is not in the batch.
        case missingColumn = "missing column"
        /// The batch has a column that is neither a feature nor the target.
        case extraColumn = "extra column"
        /// Numbers where the baseline had categories, or the reverse.
        case wrongType = "wrong type"
        /// Fewer values present than in the baseline.
        case completeness
        /// Categories the baseline never saw.
        case unseenCategory = "unseen category"
        /// Numbers far outside the baseline's range.
        case outOfRange = "out of range"
    }

    public let feature: String
    public let check: Check
    /// What was found against what the baseline expects, in words.
    public let detail: String

    public init(feature: String, check: Check, detail: String) {
        self.feature = feature
        self.check = check
        self.detail = detail
    }
}
