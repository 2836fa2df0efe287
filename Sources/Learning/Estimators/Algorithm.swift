/// A learning algorithm `train` can fit. Each case documents its hyperparameters in
/// `parameters`; `train` validates against them.
public enum Algorithm: String, CaseIterable, Sendable, Codable {
    /// Majority class with class-frequency probabilities, or the mean for regression.
    case baseline
    /// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS.
    case logistic
    /// Least squares (ridge when `alpha` > 0) for numeric targets.
    case linear
    /// k-nearest neighbours over standardised features.
    case knn
    /// Gaussian naive Bayes for categorical targets.
    case bayes
    /// Gradient-boosted trees by XGBoost (`tree_method=hist`).
    case boost
    /// A CART decision tree (scikit-learn's `DecisionTree*`), for either kind of target.
    case tree
    /// A random forest of CART trees on bootstrap samples (scikit-learn's `RandomForest*`).
    case forest

    /// The hyperparameters this algorithm accepts, with defaults and valid ranges.
    public var parameters: [ParameterSpec] {
        switch self {
        case .baseline:
            return []
        case .logistic:
            return [
                ParameterSpec(name: "C", kind: .double, defaultValue: .double(1.0),
                              validRange: Double.leastNonzeroMagnitude...Double.infinity,
                              help: "inverse strength of the L2 penalty; smaller is stronger (as in scikit-learn)"),
                ParameterSpec(name: "max_iter", kind: .int, defaultValue: .int(1000),
                              validRange: 1...Double.infinity,
                              help: "most L-BFGS iterations before giving up"),
                ParameterSpec(name: "tol", kind: .double, defaultValue: .double(1e-4),
                              validRange: Double.leastNonzeroMagnitude...Double.infinity,
                              help: "stop when the largest gradient entry of the mean loss is below this"),
            ]
        case .linear: return LinearModel.parameterSpecs
        case .knn: return NearestNeighborsModel.parameterSpecs
        case .bayes: return BayesModel.parameterSpecs
        case .boost: return BoostModel.parameterSpecs
        case .tree: return Self.treeParameters
        case .forest: return Self.forestParameters
        }
    }

    /// One line for `help`.
    public var summary: String {
        switch self {
        case .baseline:
            "predicts the majority class (or the mean); the score any model must beat"
        case .logistic:
            "multinomial logistic regression, L2-penalised, for categorical targets"
        case .linear:
            "least squares, ridge-penalised with alpha > 0, for numeric targets"
        case .knn:
            "k-nearest neighbours (Euclidean, standardised features): vote or mean"
        case .bayes:
            "Gaussian naive Bayes, for categorical targets"
        case .boost:
            "gradient-boosted trees by XGBoost (hist), for either kind of target"
        case .tree:
            "a CART decision tree (as scikit-learn's), for either kind of target"
        case .forest:
            "a random forest of CART trees, averaged, for either kind of target"
        }
    }

    /// Whether the algorithm can learn a numeric (regression) target.
    public var supportsRegression: Bool {
        switch self {
        case .baseline: true
        case .logistic: false
        case .linear, .knn, .boost: true
        case .tree, .forest: true
        case .bayes: false
        }
    }

    /// Whether the algorithm can learn a categorical (classification) target.
    public var supportsClassification: Bool { self != .linear }

    /// Whether numeric features are standardised before fitting (distance- and
    /// penalty-based models need it; trees do not).
    var standardizesFeatures: Bool {
        switch self {
        case .baseline: false
        case .logistic: true
        case .knn: true
        case .linear, .bayes, .boost: false
        case .tree, .forest: false
        }
    }

    /// `given` checked against `parameters`, with the defaults for a numeric (`regression`)
    /// or a categorical target filled in.
    ///
    /// - Throws: `LearningError` for an unknown name (listing the valid ones), a value of
    ///   the wrong type, or a value out of range.
    public func resolve(_ given: [String: ParameterValue], regression: Bool) throws(LearningError) -> [String: ParameterValue] {
        let specs = parameters
        if let unknown = given.keys.sorted().first(where: { name in !specs.contains { $0.name == name } }) {
            throw .unknownParameter(unknown, algorithm: self)
        }
        var resolved: [String: ParameterValue] = [:]
        for spec in specs {
            if let value = given[spec.name] {
                resolved[spec.name] = try spec.validate(value)
            } else {
                resolved[spec.name] = spec.defaultValue(regression: regression)
            }
        }
        return resolved
    }
}

extension Dictionary where Key == String, Value == ParameterValue {
    /// A resolved number parameter; resolution guarantees presence and type.
    func number(_ name: String) -> Double { self[name]?.numberValue ?? .nan }
    /// A resolved integer parameter; resolution guarantees presence and type.
    func integer(_ name: String) -> Int { self[name]?.intValue ?? 0 }
}
