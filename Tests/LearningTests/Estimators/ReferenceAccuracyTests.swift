import Learning
import Testing

/// Logistic regression on scikit-learn's exact hold-out rows must reach its test accuracy
/// within 1.5 percentage points.
@Suite struct ReferenceAccuracyTests {
    static let model = "LogisticRegression(max_iter=1000) +std"

    @Test(arguments: ["iris", "wine", "breast_cancer", "titanic", "hmda_mortgage"])
    func logisticMatchesScikitLearn(dataset: String) throws {
        let frame = try EstimatorFixtures.dataset(dataset)
        let (trainRows, testRows) = try EstimatorFixtures.holdout(dataset)
        let reference = try EstimatorFixtures.sklearnAccuracy(dataset, model: Self.model)
        let model = try train(.logistic, on: frame.selecting(rows: trainRows), parameters: [:], seed: 0)
        let metrics = try evaluate(model, on: frame.selecting(rows: testRows))
        let accuracy = try #require(metrics["accuracy"])
        #expect(model.warnings.isEmpty)
        #expect(accuracy >= reference - 0.015, "\(dataset): \(accuracy) vs scikit-learn \(reference)")
    }
}
