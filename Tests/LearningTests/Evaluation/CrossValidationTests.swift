import Learning
import Testing

@Suite struct CrossValidationTests {
    static let logisticModel = "LogisticRegression(max_iter=1000) +std"

    /// On scikit-learn's own folds, logistic regression scores sklearn's accuracy fold by fold.
    @Test func irisReferenceFoldsMatchScikitLearn() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let folds = try EvaluationFixtures.referenceFolds("iris")
        let reference = try EvaluationFixtures.sklearnCrossValidation("iris", model: Self.logisticModel)
        let cv = try crossValidate(.logistic, on: iris, parameters: [:], folds: 5, seed: 0, assignment: folds)
        #expect(cv.testSizes == [30, 30, 30, 30, 30])
        #expect(cv.trainSizes == [120, 120, 120, 120, 120])
        let accuracies = try #require(cv.values("accuracy"))
        for (fold, (ours, theirs)) in zip(accuracies, reference.cv_accuracy_folds).enumerated() {
            #expect(abs(ours - theirs) < 1e-12, "fold \(fold): accuracy \(ours), scikit-learn \(theirs)")
        }
        let f1 = try #require(cv.values("f1"))
        for (fold, (ours, theirs)) in zip(f1, reference.cv_f1_macro_folds).enumerated() {
            #expect(abs(ours - theirs) < 1e-12, "fold \(fold): macro F1 \(ours), scikit-learn \(theirs)")
        }
        // numpy: np.mean / np.std (ddof=0) of the fold accuracies.
        #expect(abs(try #require(cv.mean("accuracy")) - reference.cv_accuracy_mean) < 1e-12)
        #expect(abs(try #require(cv.standardDeviation("accuracy")) - reference.cv_accuracy_std) < 1e-12)
    }

    @Test func sameSeedSameResult() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let first = try crossValidate(.logistic, on: iris, parameters: ["C": .double(0.5)], folds: 5, seed: 11)
        let second = try crossValidate(.logistic, on: iris, parameters: ["C": .double(0.5)], folds: 5, seed: 11)
        #expect(first == second)
        let other = try crossValidate(.logistic, on: iris, parameters: ["C": .double(0.5)], folds: 5, seed: 12)
        #expect(other.assignment != first.assignment)
        #expect(first.parameters["C"] == .double(0.5) && first.parameters["max_iter"] == .int(1000))
    }

    @Test func foldsAreStratified() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let cv = try crossValidate(.baseline, on: iris, parameters: [:], folds: 5, seed: 3)
        guard case .categorical(let codes, _) = iris.targetColumn!.storage else { return }
        for fold in 0..<5 {
            let rows = cv.assignment.indices.filter { cv.assignment[$0] == fold }
            #expect(rows.count == 30)
            for code in Int32(0)..<3 { #expect(rows.filter { codes[$0] == code }.count == 10) }
        }
        #expect(cv.metricNames == ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"])
    }

    @Test func regressionFoldsAndMissingTargets() throws {
        var frame = EstimatorFixtures.numericTarget()
        guard case .numeric(var y) = frame.columns[1].storage else { return }
        y[4] = .nan
        frame.columns[1] = .numeric("y", y)
        let cv = try crossValidate(.baseline, on: frame, parameters: [:], folds: 4, seed: 1)
        #expect(cv.assignment[4] == -1)
        #expect(cv.rowCount == 19 && cv.testSizes.sorted() == [4, 5, 5, 5])
        #expect(cv.metricNames == ["rmse", "mae", "r2"])
        let means = cv.means
        #expect(means["rmse"] == cv.mean("rmse"))
    }

    @Test func meanAndPopulationStandardDeviation() {
        let cv = CrossValidation(algorithm: .baseline, parameters: [:], seed: 0,
                                 folds: [MetricSet(["accuracy": 1.0]), MetricSet(["accuracy": 0.9]),
                                         MetricSet(["accuracy": 0.8, "roc_auc": 0.7])],
                                 testSizes: [3, 3, 3], assignment: [0, 0, 0, 1, 1, 1, 2, 2, 2])
        #expect(abs(cv.mean("accuracy")! - 0.9) < 1e-15)
        // np.std([1.0, 0.9, 0.8]) = 0.08164965809277258
        #expect(abs(cv.standardDeviation("accuracy")! - 0.08164965809277258) < 1e-15)
        #expect(cv.mean("roc_auc") == nil && cv.metricNames == ["accuracy"])
    }

    @Test func crossValidationComparesWithResampledT() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let logistic = try crossValidate(.logistic, on: iris, parameters: [:], folds: 5, seed: 2)
        let baseline = try crossValidate(.baseline, on: iris, parameters: [:], folds: 5, seed: 2)
        let test = try ResampledTTest(logistic, baseline, metric: "accuracy")
        let direct = try ResampledTTest(scoresA: logistic.values("accuracy")!, scoresB: baseline.values("accuracy")!,
                                        testSize: 30, trainSize: 120)
        #expect(test == direct)
        #expect(test.meanDifference > 0.5 && test.pValue < 1e-4)
        let shifted = try crossValidate(.baseline, on: iris, parameters: [:], folds: 5, seed: 3)
        #expect(throws: LearningError.self) { try ResampledTTest(logistic, shifted, metric: "accuracy") }
    }

    @Test(arguments: [
        (1, nil, "cross-validation needs at least 2 folds, got 1"),
        (200, nil, "cannot make 200 folds from 150 rows with a target; expected `folds` of at most 150"),
        (5, [0, 1], "the fold assignment has 2 entries for 150 rows"),
        (2, Array(repeating: 0, count: 150), "fold 1 has no rows with a target"),
    ] as [(Int, [Int]?, String)])
    func foldErrors(folds: Int, assignment: [Int]?, message: String) throws {
        let iris = try EstimatorFixtures.dataset("iris")
        #expect(throws: LearningError(message)) {
            try crossValidate(.logistic, on: iris, parameters: [:], folds: folds, seed: 0, assignment: assignment)
        }
    }

    @Test func stratifiedFoldsNeedEnoughRowsPerClass() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let rows = Array(0..<50) + Array(50..<53) + Array(100..<150)
        #expect(throws: LearningError("cannot make 5 stratified folds: class `versicolor` of `species` has only 3 rows; expected `folds` of at most 3")) {
            try crossValidate(.logistic, on: iris.selecting(rows: rows), parameters: [:], folds: 5, seed: 0)
        }
    }

    @Test func invalidParameterFailsBeforeAnyFold() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        #expect(throws: LearningError.self) {
            try crossValidate(.logistic, on: iris, parameters: ["C": .double(-1)], folds: 5, seed: 0)
        }
    }
}
