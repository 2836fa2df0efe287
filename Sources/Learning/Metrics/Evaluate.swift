/// Scores `model` on `frame`, whose column named `model.target` holds the truth. Rows
/// with a missing truth are left out. Class labels are matched by text, so the truth may
/// order its levels differently or hold classes the model never saw (such a class gets
/// probability 0 in `roc_auc` and `log_loss`).
///
/// Classification gives `accuracy`, `balanced_accuracy`, `precision`, `recall`, `f1`,
/// `roc_auc` (left out when the rows hold a single class) and `log_loss`; regression
/// gives `rmse`, `mae` and `r2`.
///
/// ```swift
/// let metrics = try evaluate(model, on: test)
/// metrics["roc_auc"]   // 0.98
/// ```
///
/// - Throws: `LearningError` when the target column is missing or of the wrong kind, no
///   row has a truth, or prediction fails (see `TrainedModel.predict`).
public func evaluate(_ model: TrainedModel, on frame: DataFrame) throws(LearningError) -> MetricSet {
    switch try ScoredRows(model, on: frame) {
    case .classes(let truthCodes, let levels, let predictions):
        let matrix = ConfusionMatrix(truthCodes: truthCodes, truthLevels: levels,
                                     predictedCodes: predictions.codes, predictedLevels: predictions.classes)
        let scored = ScoredTruth(truthCodes: truthCodes, truthLevels: levels, predictions: predictions)
        return classificationMetrics(matrix, scored)
    case .values(let truth, let predicted):
        return regressionMetrics(truth: truth, predicted: predicted)
    }
}

/// The truth of the rows of `frame` that have one, with the model's predictions for them.
enum ScoredRows {
    case classes(truthCodes: [Int32], levels: [String], predictions: ClassPredictions)
    case values(truth: [Double], predicted: [Double])

    init(_ model: TrainedModel, on frame: DataFrame) throws(LearningError) {
        guard var truth = frame.column(named: model.target) else { throw .evaluationTargetMissing(model.target) }
        if case .classification = model.task { truth = truth.asClasses }  // 0/1 in a file read without target=
        switch (model.task, truth.storage) {
        case (.classification, .categorical(let codes, let levels)):
            let kept = codes.indices.filter { codes[$0] >= 0 }
            if kept.isEmpty { throw .nothingToEvaluate(model.target) }
            let all = kept.count == codes.count
            guard case .classes(let predictions) = try model.predict(all ? frame : frame.selecting(rows: kept)) else {
                throw LearningError("internal: a classifier returned values")
            }
            self = .classes(truthCodes: all ? codes : kept.map { codes[$0] }, levels: levels, predictions: predictions)
        case (.regression, .numeric(let values)):
            let kept = values.indices.filter { !values[$0].isNaN }
            if kept.isEmpty { throw .nothingToEvaluate(model.target) }
            let all = kept.count == values.count
            guard case .values(let predicted) = try model.predict(all ? frame : frame.selecting(rows: kept)) else {
                throw LearningError("internal: a regressor returned classes")
            }
            self = .values(truth: all ? values : kept.map { values[$0] }, predicted: predicted)
        case (.classification, .numeric):
            throw .evaluationTargetKind(model.target, expected: "categorical")
        case (.regression, .categorical):
            throw .evaluationTargetKind(model.target, expected: "numeric")
        }
    }
}
