/// The errors of training and prediction, kept beside the code that throws them.
extension LearningError {
    static func unknownParameter(_ name: String, algorithm: Algorithm) -> LearningError {
        let valid = algorithm.parameters.map(\.name)
        if valid.isEmpty {
            return LearningError("unknown parameter `\(name)`: \(algorithm.rawValue) takes no parameters")
        }
        return LearningError("unknown parameter `\(name)` for \(algorithm.rawValue); valid parameters: "
            + valid.joined(separator: ", "))
    }

    static func badParameter(_ spec: ParameterSpec, _ value: ParameterValue) -> LearningError {
        let shown: String
        if case .string(let text) = value { shown = "\"\(text)\"" } else { shown = value.description }
        return LearningError("`\(spec.name)` must be \(spec.expectation), got \(shown)")
    }

    static var noTarget: LearningError {
        LearningError("no target column is set; choose the column to predict first")
    }

    static func targetNotFound(_ name: String) -> LearningError {
        LearningError("target column `\(name)` is not in the data")
    }

    static func noTargetValues(_ name: String) -> LearningError {
        LearningError("target column `\(name)` has no values")
    }

    static func singleClass(_ label: String, target: String, algorithm: Algorithm) -> LearningError {
        LearningError("target `\(target)` has only one class, `\(label)`; \(algorithm.rawValue) needs at least two")
    }

    static func needsCategoricalTarget(_ algorithm: Algorithm, target: String) -> LearningError {
        LearningError("\(algorithm.rawValue) needs a categorical target; `\(target)` is numeric – use linear, or load it with task=classification to read its values as classes")
    }

    static func missingFeatures(_ names: [String]) -> LearningError {
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        let noun = names.count == 1 ? "feature column" : "feature columns"
        return LearningError("the data lacks the \(noun) \(list) the model was trained on")
    }

    static func featureKind(_ name: String, trained: String, found: ColumnKind) -> LearningError {
        LearningError("feature `\(name)` was \(trained) in training but is \(found.rawValue) here")
    }

    static func evaluationTargetMissing(_ name: String) -> LearningError {
        LearningError("the data has no target column `\(name)` to evaluate against")
    }

    static func evaluationTargetKind(_ name: String, expected: String) -> LearningError {
        LearningError("target `\(name)` must be \(expected) to evaluate this model")
    }

    static func nothingToEvaluate(_ name: String) -> LearningError {
        LearningError("no rows with a value of `\(name)` to evaluate")
    }
}
