import Foundation
import Learning
import Testing

/// XGBoost through its C API against scikit-learn's `HistGradientBoosting(random_state=0)`
/// on the reference rows (another booster, so it must reach that accuracy or better), and
/// its own contract.
@Suite struct BoostModelTests {
    static let classification = ["iris", "wine", "breast_cancer", "titanic", "hmda_mortgage"]
    static let regression = ["diabetes_raw", "computers"]

    @Test(arguments: classification)
    func classifiesLikeScikitLearn(dataset: String) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: "HistGradientBoosting(rs=0)")
        let mlw = try ReferenceFigures.mlw(.boost, on: dataset)
        print(ReferenceFigures.line(.boost, dataset, mlw: mlw, sklearn: reference))
        #expect(mlw.holdout >= reference.holdout - 0.015, "\(dataset) hold-out")
        #expect(mlw.cv >= reference.cv - 0.015, "\(dataset) CV")
    }

    @Test(arguments: regression)
    func regressesLikeScikitLearn(dataset: String) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: "HistGradientBoosting(rs=0)")
        let mlw = try ReferenceFigures.mlw(.boost, on: dataset)
        print(ReferenceFigures.line(.boost, dataset, mlw: mlw, sklearn: reference))
        #expect(mlw.holdout >= reference.holdout - 0.02, "\(dataset) hold-out")
        #expect(mlw.cv >= reference.cv - 0.02, "\(dataset) CV")
    }

    /// Several classes start from their shares of the training rows (XGBoost 3.1's intercept):
    /// one round that cannot split, on an uninformative column, keeps those shares. XGBoost
    /// 1.7 alone starts every class at 1/3 and would be a third of a Newton step from them.
    @Test func severalClassesStartFromTheirShares() throws {
        let codes: [Int32] = (0..<60).map { $0 < 6 ? 0 : $0 < 24 ? 1 : 2 }
        let frame = DataFrame(columns: [
            .numeric("constant", [Double](repeating: 1, count: 60)),
            .categorical("y", codes: codes, levels: ["a", "b", "c"]),
        ], target: "y")
        let model = try train(.boost, on: frame, parameters: ["rounds": .int(1)], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame.selecting(rows: [0])) else {
            Issue.record("no classes"); return
        }
        for (probability, share) in zip(predictions.probabilities, [0.1, 0.3, 0.6]) {
            #expect(abs(probability - share) < 1e-6, "\(predictions.probabilities)")
        }
        let decoded = try TrainedModel(jsonData: model.jsonData())
        #expect(try decoded.predict(frame) == model.predict(frame))
    }

    /// Either of the regression safeguards alone leaves diabetes_raw overfitted (CV R² 0.3147 with
    /// neither): it takes leaves of 20 rows and early stopping together.
    @Test(arguments: [
        ["min_child_weight": ParameterValue.double(1)],
        ["patience": ParameterValue.int(0)],
    ])
    func oneSafeguardAloneIsNotEnough(parameters: [String: ParameterValue]) throws {
        let diabetes = try ReferenceFigures.mlw(.boost, on: "diabetes_raw", parameters: parameters)
        print(ReferenceFigures.line(.boost, "diabetes_raw", mlw: diabetes, sklearn: try ReferenceFigures.sklearn(
            "diabetes_raw", model: "HistGradientBoosting(rs=0)")) + " \(parameters)")
        #expect(diabetes.cv < 0.4101 - 0.02)
    }

    @Test(arguments: [
        (["rounds": ParameterValue.int(0)], "`rounds` must be ≥ 1, got 0"),
        (["rate": .double(2)], "`rate` must be > 0 and ≤ 1, got 2"),
        (["rate": .int(0)], "`rate` must be > 0 and ≤ 1, got 0"),
        (["depth": .int(0)], "`depth` must be ≥ 1, got 0"),
        (["threads": .int(0)], "`threads` must be ≥ 1 and ≤ 1024, got 0"),
        (["min_child_weight": .double(-1)], "`min_child_weight` must be ≥ 0, got -1"),
        (["patience": .int(-1)], "`patience` must be ≥ 0, got -1"),
        (["patience": .double(2.5)], "`patience` must be an integer ≥ 0, got 2.5"),
        (["validation": .int(0)], "`validation` must be > 0 and ≤ 0.5, got 0"),
        (["validation": .double(0.6)], "`validation` must be > 0 and ≤ 0.5, got 0.6"),
        (["trees": .int(10)], "unknown parameter `trees` for boost; valid parameters: "
            + "rounds, rate, depth, min_child_weight, patience, validation, threads"),
    ])
    func badParametersNameTheOptionAndRange(parameters: [String: ParameterValue], message: String) {
        #expect(throws: LearningError(message)) {
            try train(.boost, on: EstimatorFixtures.mixed(), parameters: parameters, seed: 0)
        }
    }

    @Test(arguments: [false, true])
    func sameSeedGivesIdenticalBytesAndRoundTripsBitForBit(regression: Bool) throws {
        let frame = regression ? LinearModelTests.awkward(missing: true) : EstimatorFixtures.mixed(missing: true)
        let parameters: [String: ParameterValue] = ["rounds": .int(20)]
        let first = try train(.boost, on: frame, parameters: parameters, seed: 11)
        let second = try train(.boost, on: frame, parameters: parameters, seed: 11)
        #expect(try first.jsonData() == second.jsonData())
        let decoded = try TrainedModel(jsonData: first.jsonData())
        #expect(decoded == first)
        #expect(try decoded.predict(frame) == first.predict(frame))
        // 40 rows hold out 4 for validation=0.1, under 10: no early stopping, every round kept.
        #expect(first.iterations == 20)
        #expect(first.notes == (regression ? ["no early stopping: validation=0.1 would hold out fewer than 10 of the "
                                              + "training rows, so all 20 rounds were boosted on every row"] : []))
    }

    @Test func theDefaultsDependOnTheTarget() throws {
        let classes = try train(.boost, on: EstimatorFixtures.mixed(), parameters: ["rounds": .int(3)], seed: 0)
        #expect(classes.parameters["min_child_weight"] == .double(1) && classes.parameters["patience"] == .int(0))
        let numbers = try train(.boost, on: Self.noisyLine(rows: 200), parameters: [:], seed: 0)
        #expect(numbers.parameters["min_child_weight"] == .double(20) && numbers.parameters["patience"] == .int(10))
        #expect(numbers.parameters["validation"] == .double(0.1) && classes.parameters["validation"] == .double(0.1))
        let spec = try #require(Algorithm.boost.parameters.first { $0.name == "min_child_weight" })
        #expect(spec.defaultDescription == "1 for classes, 20 for numbers")
    }

    /// 200 rows of `y = x + noise`: boosting at rate 0.3 soon fits the noise.
    static func noisyLine(rows: Int) -> DataFrame {
        var generator = SeededGenerator(seed: 5)
        let x = (0..<rows).map { _ in generator.nextUnit() * 10 }
        let y = x.map { $0 + (generator.nextUnit() - 0.5) * 6 }
        return DataFrame(columns: [.numeric("x", x), .numeric("y", y)], target: "y")
    }

    /// The booster's trees in XGBoost's JSON.
    static func treeCount(_ model: TrainedModel) throws -> Int {
        let json = try JSONSerialization.jsonObject(with: exportXGBoostJSON(model)) as? [String: Any]
        let booster = (json?["learner"] as? [String: Any])?["gradient_booster"] as? [String: Any]
        return ((booster?["model"] as? [String: Any])?["trees"] as? [Any])?.count ?? -1
    }

    @Test func earlyStoppingKeepsTheBestRoundOnly() throws {
        let frame = Self.noisyLine(rows: 200)
        let model = try train(.boost, on: frame, parameters: [:], seed: 3)
        let kept = try #require(model.iterations)
        #expect(kept >= 1 && kept < 100)
        #expect(try Self.treeCount(model) == kept)
        #expect(model.notes.count == 1 && model.notes[0].hasPrefix("early stopping kept \(kept) of 100 rounds: the rmse on 20 "))
        // The kept rounds are exactly the first `kept` of a fit that boosts without stopping on the same rows.
        let again = try train(.boost, on: frame, parameters: ["rounds": .int(kept), "patience": .int(1000)], seed: 3)
        #expect(try again.predict(frame) == model.predict(frame))
        #expect(try train(.boost, on: frame, parameters: [:], seed: 3).jsonData() == model.jsonData())
        let decoded = try TrainedModel(jsonData: model.jsonData())
        #expect(try decoded.predict(frame) == model.predict(frame) && decoded.iterations == kept)
    }

    @Test(arguments: [2, 3])
    func classesStopEarlyWhenAsked(classCount: Int) throws {
        var generator = SeededGenerator(seed: 9)
        let x = (0..<150).map { _ in generator.nextUnit() }
        let labels: [Int32] = x.map { value in
            let noisy = Double(classCount) * value + (generator.nextUnit() - 0.5) * 0.6
            return Int32(max(0, min(classCount - 1, Int(noisy.rounded(.down)))))
        }
        let frame = DataFrame(columns: [
            .numeric("x", x), .categorical("y", codes: labels, levels: ["a", "b", "c"].prefix(classCount).map { $0 }),
        ], target: "y")
        let model = try train(.boost, on: frame, parameters: ["patience": .int(5)], seed: 1)
        let kept = try #require(model.iterations)
        #expect(kept < 100)
        #expect(try Self.treeCount(model) == kept * (classCount == 2 ? 1 : classCount))
        #expect(model.notes.first?.contains("the log loss on 15 held-out training rows") == true, "\(model.notes)")
    }

    @Test func binaryMultiAndRegressionObjectives() throws {
        func objective(_ model: TrainedModel) throws -> String {
            let json = try JSONSerialization.jsonObject(with: exportXGBoostJSON(model)) as? [String: Any]
            let learner = json?["learner"] as? [String: Any]
            let object = learner?["objective"] as? [String: Any]
            return object?["name"] as? String ?? "?"
        }
        let multi = try train(.boost, on: EstimatorFixtures.mixed(), parameters: ["rounds": .int(5)], seed: 0)
        #expect(try objective(multi) == "multi:softprob")
        let binaryFrame = DataFrame(columns: [
            .numeric("x", (0..<30).map(Double.init)),
            .categorical("y", codes: (0..<30).map { $0 < 15 ? 0 : 1 }, levels: ["no", "yes"]),
        ], target: "y")
        let binary = try train(.boost, on: binaryFrame, parameters: ["rounds": .int(5)], seed: 0)
        #expect(try objective(binary) == "binary:logistic")
        #expect(try binary.predict(binaryFrame).labels == (0..<30).map { $0 < 15 ? "no" : "yes" })
        // Leaves of 20 rows cannot split 20 rows (as scikit-learn's min_samples_leaf=20): the mean, until allowed.
        let constant = try train(.boost, on: EstimatorFixtures.numericTarget(), parameters: [:], seed: 0)
        #expect(try (evaluate(constant, on: EstimatorFixtures.numericTarget())["r2"] ?? 1).magnitude < 1e-6)
        let regression = try train(.boost, on: EstimatorFixtures.numericTarget(), parameters: ["min_child_weight": .int(1)],
                                   seed: 0)
        #expect(try objective(regression) == "reg:squarederror")
        #expect(try (evaluate(regression, on: EstimatorFixtures.numericTarget())["r2"] ?? 0) > 0.99)
    }

    @Test func exportNamesTheDesignMatrixColumns() throws {
        let model = try train(.boost, on: EstimatorFixtures.mixed(), parameters: ["rounds": .int(3)], seed: 0)
        let json = try JSONSerialization.jsonObject(with: exportXGBoostJSON(model)) as? [String: Any]
        let names = (json?["learner"] as? [String: Any])?["feature_names"] as? [String]
        #expect(names == model.preprocessor.outputNames)
        #expect(names == ["x", "colour=blue", "colour=green", "colour=red", "flag=no", "flag=yes"])
    }

    @Test func exportOfAnotherAlgorithmIsAnError() throws {
        let model = try train(.baseline, on: EstimatorFixtures.mixed(), parameters: [:], seed: 0)
        #expect(throws: LearningError("only boost models export as XGBoost JSON; this model is baseline")) {
            try exportXGBoostJSON(model)
        }
    }

    @Test func constantFeatureAndNoRowsPredict() throws {
        var frame = EstimatorFixtures.mixed()
        frame.columns.insert(.numeric("constant", [Double](repeating: 3, count: frame.rowCount)), at: 0)
        let model = try train(.boost, on: frame, parameters: ["rounds": .int(10)], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else { Issue.record("no classes"); return }
        #expect(predictions.probabilities.allSatisfy { $0.isFinite })
        #expect(try model.predict(frame.selecting(rows: [])).count == 0)
    }

    @Test func regressionWithMissingConstantAndUnseenValuesPredicts() throws {
        let frame = LinearModelTests.awkward(missing: true)
        let model = try train(.boost, on: frame, parameters: ["rounds": .int(10)], seed: 0)
        var unseen = frame.selecting(rows: [0, 1])
        unseen.columns[3] = .categorical("colour", codes: [0, -1], levels: ["purple"])
        guard case .values(let values) = try model.predict(unseen) else { Issue.record("no values"); return }
        #expect(values.count == 2 && values.allSatisfy { $0.isFinite })
    }

    @Test func concurrentPredictionsShareOneBooster() async throws {
        let frame = EstimatorFixtures.mixed()
        let model = try train(.boost, on: frame, parameters: ["rounds": .int(10)], seed: 0)
        let expected = try model.predict(frame)
        try await withThrowingTaskGroup(of: Predictions.self) { group in
            for _ in 0..<8 { group.addTask { try model.predict(frame) } }
            for try await predictions in group { #expect(predictions == expected) }
        }
    }
}
