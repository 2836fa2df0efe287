import Foundation
import Learning
import Testing

/// The contract every algorithm keeps (scikit-learn's `check_estimator`, in spirit).
@Suite struct EstimatorContractTests {
    /// Every algorithm that classifies (the fixtures have a categorical target); `linear`
    /// keeps the same contract on a numeric target in `LinearModelTests`.
    static let algorithms = Algorithm.allCases.filter(\.supportsClassification)

    @Test(arguments: algorithms)
    func sameDataGivesIdenticalModel(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let first = try train(algorithm, on: frame, parameters: [:], seed: 7)
        let second = try train(algorithm, on: frame, parameters: [:], seed: 7)
        #expect(try first.jsonData() == second.jsonData())
    }

    @Test(arguments: algorithms)
    func encodeDecodeGivesIdenticalPredictions(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(algorithm, on: frame, parameters: [:], seed: 1)
        let decoded = try TrainedModel(jsonData: model.jsonData())
        #expect(decoded == model)
        #expect(try decoded.predict(frame) == model.predict(frame))
        #expect(decoded.formatVersion == TrainedModel.currentFormatVersion)
    }

    @Test(arguments: algorithms)
    func recordsWhatWasTrained(algorithm: Algorithm) throws {
        let model = try train(algorithm, on: EstimatorFixtures.mixed(), parameters: [:], seed: 3)
        #expect(model.algorithm == algorithm)
        #expect(model.target == "label")
        #expect(model.featureNames == ["x", "colour", "flag"])
        #expect(model.task == .classification(classes: ["high", "low", "mid"]))
        #expect(model.seed == 3)
        #expect(model.parameters == Dictionary(uniqueKeysWithValues: algorithm.parameters.map { ($0.name, $0.defaultValue(regression: false)) }))
    }

    @Test(arguments: algorithms)
    func missingFeatureColumnIsAnError(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        let lacking = DataFrame(columns: frame.columns.filter { $0.name != "colour" && $0.name != "x" })
        #expect(throws: LearningError("the data lacks the feature columns `x`, `colour` the model was trained on")) {
            try model.predict(lacking)
        }
    }

    @Test(arguments: algorithms)
    func featureOfAnotherKindIsAnError(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        var changed = frame
        changed.columns[0] = .categorical("x", codes: [Int32](repeating: 0, count: frame.rowCount), levels: ["a"])
        #expect(throws: LearningError("feature `x` was numeric in training but is categorical here")) {
            try model.predict(changed)
        }
    }

    @Test(arguments: algorithms)
    func missingValuesEverywhereStillTrainAndPredict(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed(missing: true)
        #expect(frame.columns.allSatisfy { $0.missingCount > 0 })
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else {
            Issue.record("expected class predictions")
            return
        }
        #expect(predictions.count == frame.rowCount)
        #expect(predictions.probabilities.allSatisfy { $0.isFinite })
        #expect(try evaluate(model, on: frame)["accuracy"] != nil)
    }

    @Test(arguments: algorithms)
    func unseenLevelPredictsLikeNoLevel(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        var unseen = frame.selecting(rows: [0, 1, 2])
        unseen.columns[1] = .categorical("colour", codes: [0, 0, 0], levels: ["purple"])
        guard case .classes(let predictions) = try model.predict(unseen) else {
            Issue.record("expected class predictions")
            return
        }
        for row in 0..<3 {
            let sum = (0..<3).reduce(0.0) { $0 + predictions.probability(row: row, classIndex: $1) }
            #expect(abs(sum - 1) < 1e-12)
        }
        // The one-hot block of an unseen level is all zeros.
        let x = try model.preprocessor.transform(unseen)
        let names = model.preprocessor.outputNames
        for (column, name) in names.enumerated() where name.hasPrefix("colour=") {
            #expect((0..<3).allSatisfy { x[$0, column] == 0 })
        }
    }

    @Test(arguments: algorithms)
    func evaluationMatchesLabelsByText(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        let expected = try evaluate(model, on: frame)
        // The same truth with levels in another order and an extra level never seen.
        var reordered = frame
        guard case .categorical(let codes, let levels) = frame.columns[3].storage else { return }
        let newLevels = ["zzz", "mid", "low", "high"]
        let newCodes = codes.map { Int32(newLevels.firstIndex(of: levels[Int($0)])!) }
        reordered.columns[3] = .categorical("label", codes: newCodes, levels: newLevels)
        #expect(try evaluate(model, on: reordered) == expected)
        // A class the model never saw counts as a miss.
        var novel = reordered
        novel.columns[3] = .categorical("label", codes: [0] + newCodes.dropFirst(), levels: newLevels)
        let accuracy = try #require(try evaluate(model, on: novel)["accuracy"])
        let baseline = try #require(expected["accuracy"])
        #expect(accuracy <= baseline)
    }

    @Test func singleClassIsAnErrorNamingTheClass() throws {
        let frame = DataFrame(columns: [
            .numeric("x", [1, 2, 3]),
            .categorical("label", codes: [0, 0, 0], levels: ["only", "unused"]),
        ], target: "label")
        #expect(throws: LearningError("target `label` has only one class, `only`; logistic needs at least two")) {
            try train(.logistic, on: frame, parameters: [:], seed: 0)
        }
    }

    @Test func logisticRejectsNumericTarget() {
        var frame = EstimatorFixtures.numericTarget()
        frame.columns[1].name = "price"
        frame.target = "price"
        #expect(throws: LearningError("logistic needs a categorical target; `price` is numeric – use linear, or load it with task=classification to read its values as classes")) {
            try train(.logistic, on: frame, parameters: [:], seed: 0)
        }
    }

    @Test func baselineRegressionPredictsTheMean() throws {
        let frame = EstimatorFixtures.numericTarget()
        let model = try train(.baseline, on: frame, parameters: [:], seed: 0)
        #expect(model.task == .regression)
        #expect(try model.predict(frame) == .values([Double](repeating: 20, count: 20)))
        let metrics = try evaluate(model, on: frame)
        #expect(metrics.names == ["rmse", "mae", "r2"])
        #expect(metrics["r2"] == 0)
    }

    @Test func baselineTiesGoToTheFirstClass() throws {
        let frame = DataFrame(columns: [
            .numeric("x", [1, 2, 3, 4]),
            .categorical("label", codes: [0, 1, 1, 0], levels: ["b", "a"]),
        ], target: "label")
        let model = try train(.baseline, on: frame, parameters: [:], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else { return }
        #expect(predictions.labels == ["a", "a", "a", "a"])
        #expect(predictions.probabilities == [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    }

    @Test func nonConvergenceIsAWarning() throws {
        let model = try train(.logistic, on: EstimatorFixtures.mixed(), parameters: ["max_iter": .int(1)], seed: 0)
        #expect(model.iterations == 1)
        #expect(model.warnings == ["logistic did not converge in 1 iteration; raise max_iter or loosen tol"])
        let converged = try train(.logistic, on: EstimatorFixtures.mixed(), parameters: [:], seed: 0)
        #expect(converged.warnings.isEmpty && (converged.iterations ?? 0) > 1)
    }

    @Test func newerModelFormatIsRejected() throws {
        let model = try train(.baseline, on: EstimatorFixtures.mixed(), parameters: [:], seed: 0)
        let text = try #require(String(data: model.jsonData(), encoding: .utf8))
        let newer = text.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":99")
        #expect(throws: LearningError("model format 99 is newer than this mlw reads (1)")) {
            try TrainedModel(jsonData: Data(newer.utf8))
        }
    }

    @Test func missingTargetRowsAreLeftOut() throws {
        let frame = DataFrame(columns: [
            .numeric("x", [0, 1, 2, 3, 4, 5]),
            .categorical("label", codes: [0, 0, -1, 1, 1, -1], levels: ["a", "b"]),
        ], target: "label")
        let model = try train(.logistic, on: frame, parameters: [:], seed: 0)
        #expect(try model.predict(frame).labels == ["a", "a", "a", "b", "b", "b"])
    }
}
