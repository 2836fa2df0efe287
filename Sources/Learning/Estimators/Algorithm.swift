/// A learning algorithm `train` can fit. Each case documents its hyperparameters in
/// `parameters`; `train` validates against them.
public enum Algorithm: String, CaseIterable, Sendable, Codable {
    /// Majority class with class-frequency probabilities, or the mean for regression.
    case baseline
    /// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS.
    case logistic

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
        }
    }

    /// One line for `help`.
    public var summary: String {
        switch self {
        case .baseline:
            "predicts the majority class (or the mean); the score any model must beat"
        case .logistic:
            "multinomial logistic regression, L2-penalised, for categorical targets"
        }
    }

    /// Whether the algorithm can learn a numeric (regression) target.
    public var supportsRegression: Bool {
        switch self {
        case .baseline: true
        case .logistic: false
        }
    }

    /// Whether the algorithm can learn a categorical (classification) target.
    public var supportsClassification: Bool { true }

    /// Whether numeric features are standardised before fitting (distance- and
    /// penalty-based models need it; trees do not).
    var standardizesFeatures: Bool {
        switch self {
        case .baseline: false
        case .logistic: true
        }
    }

    /// `given` checked against `parameters`, with defaults filled in.
    ///
    /// - Throws: `LearningError` for an unknown name (listing the valid ones), a value of
    ///   the wrong type, or a value out of range.
    public func resolve(_ given: [String: ParameterValue]) throws(LearningError) -> [String: ParameterValue] {
        let specs = parameters
        if let unknown = given.keys.sorted().first(where: { name in !specs.contains { $0.name == name } }) {
            throw .unknownParameter(unknown, algorithm: self)
        }
        var resolved: [String: ParameterValue] = [:]
        for spec in specs {
            if let value = given[spec.name] {
                resolved[spec.name] = try spec.validate(value)
            } else {
                resolved[spec.name] = spec.defaultValue
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
