import Learning
import Testing

/// `evaluate` scores probabilities: roc_auc and log_loss from `predict`'s probabilities.
@Suite struct EvaluateProbabilityTests {
    @Test func evaluateAddsProbabilityMetrics() throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(.logistic, on: frame, seed: 0)
        let metrics = try evaluate(model, on: frame)
        #expect(metrics.names == ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"])
        guard case .classes(let predictions) = try model.predict(frame) else { Issue.record("classes"); return }
        let truth = (0..<frame.rowCount).map { frame.targetColumn!.text(at: $0) }
        #expect(metrics == classificationMetrics(truth: truth, predictions: predictions))
    }

    @Test func missingTruthRowsAreLeftOut() throws {
        let frame = EstimatorFixtures.mixed(missing: true)
        let model = try train(.logistic, on: frame, seed: 0)
        guard case .categorical(let codes, _) = frame.targetColumn!.storage else { return }
        let kept = codes.indices.filter { codes[$0] >= 0 }
        #expect(try evaluate(model, on: frame) == evaluate(model, on: frame.selecting(rows: kept)))
    }

    @Test func rocCurveOfAModel() throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(.logistic, on: frame, seed: 0)
        let curve = try rocCurve(model, on: frame, positiveClass: "low")
        #expect(curve.positiveClass == "low")
        #expect(curve.fpr.first == 0 && curve.tpr.last == 1)
        let defaulted = try rocCurve(model, on: frame)
        #expect(defaulted.positiveClass == "mid")
        #expect(throws: LearningError.self) { try rocCurve(model, on: frame, positiveClass: "none") }
    }

    @Test func lowerIsBetter() {
        #expect(MetricSet.isLowerBetter("log_loss") && MetricSet.isLowerBetter("rmse"))
        #expect(!MetricSet.isLowerBetter("roc_auc"))
    }
}
