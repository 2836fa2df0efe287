import Foundation
import Learning
import Testing

/// Gaussian naive Bayes against scikit-learn's `GaussianNB` on the reference rows, and
/// its own contract.
@Suite struct BayesModelTests {
    static let datasets = ["iris", "wine", "breast_cancer", "titanic", "hmda_mortgage"]

    @Test(arguments: datasets)
    func matchesScikitLearn(dataset: String) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: "GaussianNB")
        let mlw = try ReferenceFigures.mlw(.bayes, on: dataset)
        print(ReferenceFigures.line(.bayes, dataset, mlw: mlw, sklearn: reference))
        #expect(mlw.holdout >= reference.holdout - 0.015, "\(dataset) hold-out")
        #expect(mlw.cv >= reference.cv - 0.015, "\(dataset) CV")
    }

    @Test func regressionIsAnErrorSuggestingLinear() {
        #expect(throws: LearningError("bayes needs a categorical target; `y` is numeric – use linear, or load it with task=classification to read its values as classes")) {
            try train(.bayes, on: EstimatorFixtures.numericTarget(), parameters: [:], seed: 0)
        }
    }

    @Test func badSmoothingNamesTheOptionAndRange() {
        #expect(throws: LearningError("`var_smoothing` must be ≥ 0, got -1")) {
            try train(.bayes, on: EstimatorFixtures.mixed(), parameters: ["var_smoothing": .double(-1)], seed: 0)
        }
    }

    @Test func constantFeatureGivesFiniteProbabilities() throws {
        var frame = EstimatorFixtures.mixed()
        frame.columns.insert(.numeric("constant", [Double](repeating: 3, count: frame.rowCount)), at: 0)
        let model = try train(.bayes, on: frame, parameters: [:], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else { Issue.record("no classes"); return }
        #expect(predictions.probabilities.allSatisfy { $0.isFinite })
        // Only constant features: the prior decides.
        let only = DataFrame(columns: [.numeric("c", [1, 1, 1, 1]),
                                       .categorical("y", codes: [0, 1, 1, 1], levels: ["a", "b"])], target: "y")
        let prior = try train(.bayes, on: only, parameters: ["var_smoothing": .double(0)], seed: 0)
        #expect(try prior.predict(only).labels == ["b", "b", "b", "b"])
    }

    @Test func priorsAndMeansAreTheClassFrequenciesAndAverages() throws {
        // Two well separated classes: a point at a class mean is that class with certainty.
        let frame = DataFrame(columns: [
            .numeric("x", [0, 1, 2, 10, 11, 12, 13]),
            .categorical("y", codes: [0, 0, 0, 1, 1, 1, 1], levels: ["low", "high"]),
        ], target: "y")
        let model = try train(.bayes, on: frame, parameters: [:], seed: 0)
        let probe = DataFrame(columns: [.numeric("x", [1, 11.5])])
        guard case .classes(let predictions) = try model.predict(probe) else { Issue.record("no classes"); return }
        #expect(predictions.labels == ["low", "high"])
        #expect(predictions.probability(row: 0, classIndex: 1) > 0.999)
    }
}
