/// The errors of scoring, kept beside the code that throws them.
extension LearningError {
    static func needsClassifier(_ what: String) -> LearningError {
        LearningError("\(what) needs a classifier; this model predicts numbers")
    }

    static func singleClassROC(_ target: String, label: String) -> LearningError {
        LearningError("a ROC curve needs two classes of `\(target)` in the data; only `\(label)` is present")
    }

    static func unknownPositiveClass(_ label: String, target: String, present: [String]) -> LearningError {
        LearningError("class `\(label)` is not among the values of `\(target)` in the data: "
            + present.joined(separator: ", "))
    }
}
