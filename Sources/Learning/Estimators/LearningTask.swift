/// What a model predicts: one of a set of classes, or a number.
///
/// Classification when the target column is categorical or boolean, regression when it
/// is numeric.
public enum LearningTask: Sendable, Codable, Equatable {
    /// `classes` are the labels seen in training, sorted lexicographically; probability
    /// columns and class codes follow this order.
    case classification(classes: [String])
    case regression

    public var isClassification: Bool {
        if case .classification = self { return true }
        return false
    }

    /// The class labels, empty for regression.
    public var classes: [String] {
        if case .classification(let classes) = self { return classes }
        return []
    }
}
