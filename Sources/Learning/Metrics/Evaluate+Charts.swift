/// The confusion matrix of a classifier on the rows of `frame` that have a truth: labels
/// are those present in the truth or the predictions, sorted; `counts[truth][predicted]`.
///
/// ```swift
/// let matrix = try confusionMatrix(model, on: test)
/// matrix.counts[0][1]   // rows of class labels[0] predicted as labels[1]
/// ```
///
/// - Throws: `LearningError` when the model is a regressor, or as `evaluate` does.
public func confusionMatrix(_ model: TrainedModel, on frame: DataFrame) throws(LearningError) -> ConfusionMatrix {
    guard case .classes(let truthCodes, let levels, let predictions) = try ScoredRows(model, on: frame) else {
        throw .needsClassifier("a confusion matrix")
    }
    return ConfusionMatrix(truthCodes: truthCodes, truthLevels: levels,
                           predictedCodes: predictions.codes, predictedLevels: predictions.classes)
}

/// The ROC curve of a classifier on the rows of `frame` that have a truth, for telling
/// `positiveClass` from the other classes by the model's probability of it (see
/// `rocCurve(scores:positives:)`).
///
/// - Parameter positiveClass: defaults to the last class present in the truth in sorted
///   order, which for a binary target is scikit-learn's positive class.
/// - Returns: the class used, with the curve and its area.
/// - Throws: `LearningError` when the model is a regressor, the class is not in the
///   truth, or the truth holds a single class; or as `evaluate` does.
public func rocCurve(_ model: TrainedModel, on frame: DataFrame, positiveClass: String? = nil) throws(LearningError)
    -> (positiveClass: String, fpr: [Double], tpr: [Double], auc: Double) {
    guard case .classes(let truthCodes, let levels, let predictions) = try ScoredRows(model, on: frame) else {
        throw .needsClassifier("a ROC curve")
    }
    let scored = ScoredTruth(truthCodes: truthCodes, truthLevels: levels, predictions: predictions)
    guard scored.labels.count >= 2 else { throw .singleClassROC(model.target, label: scored.labels.first ?? "") }
    let chosen = positiveClass ?? scored.labels.last!
    guard let index = scored.labels.firstIndex(of: chosen) else {
        throw .unknownPositiveClass(chosen, target: model.target, present: scored.labels)
    }
    let curve = rocCurve(scores: scored.scores(of: index), positives: scored.truth.map { $0 == index })
    return (chosen, curve.fpr, curve.tpr, curve.auc)
}
