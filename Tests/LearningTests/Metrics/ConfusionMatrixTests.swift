import Learning
import Testing

@Suite struct ConfusionMatrixTests {
    @Test func rowsAreTruthColumnsPredictions() {
        // sklearn.metrics.confusion_matrix(truth, predicted) with labels sorted.
        let matrix = ConfusionMatrix(truth: ["cat", "dog", "cat", "bird", "dog", "cat"],
                                     predicted: ["cat", "cat", "dog", "bird", "dog", "cat"])
        #expect(matrix.labels == ["bird", "cat", "dog"])
        #expect(matrix.counts == [[1, 0, 0], [0, 2, 1], [0, 1, 1]])
        #expect(matrix[1, 2] == 1 && matrix.total == 6)
        #expect(matrix.support(1) == 3 && matrix.predictedCount(2) == 2)
    }

    @Test func fromModelMatchesEvaluate() throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(.logistic, on: frame, seed: 0)
        let matrix = try confusionMatrix(model, on: frame)
        let predicted = try model.predict(frame).labels
        let truth = (0..<frame.rowCount).map { frame.targetColumn!.text(at: $0) }
        #expect(matrix == ConfusionMatrix(truth: truth, predicted: predicted))
        let accuracy = Double((0..<matrix.labels.count).reduce(0) { $0 + matrix[$1, $1] }) / Double(matrix.total)
        #expect(try evaluate(model, on: frame)["accuracy"] == accuracy)
    }

    @Test func regressorHasNoConfusionMatrix() throws {
        let model = try train(.baseline, on: EstimatorFixtures.numericTarget(), seed: 0)
        #expect(throws: LearningError.self) { try confusionMatrix(model, on: EstimatorFixtures.numericTarget()) }
    }
}
