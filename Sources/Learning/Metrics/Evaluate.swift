/// Scores `model` on `frame`, whose column named `model.target` holds the truth. Rows
/// with a missing truth are left out. Class labels are matched by text, so the truth may
/// order its levels differently or hold classes the model never saw.
///
/// - Throws: `LearningError` when the target column is missing or of the wrong kind, no
///   row has a truth, or prediction fails (see `TrainedModel.predict`).
public func evaluate(_ model: TrainedModel, on frame: DataFrame) throws(LearningError) -> MetricSet {
    guard let truth = frame.column(named: model.target) else { throw .evaluationTargetMissing(model.target) }
    switch (model.task, truth.storage) {
    case (.classification, .categorical(let codes, let levels)):
        let kept = codes.indices.filter { codes[$0] >= 0 }
        if kept.isEmpty { throw .nothingToEvaluate(model.target) }
        let rows = kept.count == codes.count ? frame : frame.selecting(rows: kept)
        guard case .classes(let predictions) = try model.predict(rows) else {
            throw LearningError("internal: a classifier returned values")
        }
        let truthCodes = kept.count == codes.count ? codes : kept.map { codes[$0] }
        return classificationMetrics(ConfusionMatrix(
            truthCodes: truthCodes, truthLevels: levels,
            predictedCodes: predictions.codes, predictedLevels: predictions.classes))
    case (.regression, .numeric(let values)):
        let kept = values.indices.filter { !values[$0].isNaN }
        if kept.isEmpty { throw .nothingToEvaluate(model.target) }
        let rows = kept.count == values.count ? frame : frame.selecting(rows: kept)
        guard case .values(let predicted) = try model.predict(rows) else {
            throw LearningError("internal: a regressor returned classes")
        }
        return regressionMetrics(truth: kept.map { values[$0] }, predicted: predicted)
    case (.classification, .numeric):
        throw .evaluationTargetKind(model.target, expected: "categorical")
    case (.regression, .categorical):
        throw .evaluationTargetKind(model.target, expected: "numeric")
    }
}
