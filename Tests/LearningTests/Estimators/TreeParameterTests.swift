import Foundation
import Learning
import Testing

/// `tree` and `forest` hyperparameters: validated by `train`, with messages naming the
/// option and what it accepts.
@Suite struct TreeParameterTests {
    static let cases: [(Algorithm, [String: ParameterValue], String)] = [
        (.forest, ["trees": .int(0)], "`trees` must be ≥ 1, got 0"),
        (.forest, ["trees": .double(2.5)], "`trees` must be an integer ≥ 1, got 2.5"),
        (.tree, ["depth": .int(-1)], "`depth` must be ≥ 0, got -1"),
        (.forest, ["depth": .int(-1)], "`depth` must be ≥ 0, got -1"),
        (.tree, ["min_leaf": .int(0)], "`min_leaf` must be ≥ 1, got 0"),
        (.tree, ["min_split": .int(1)], "`min_split` must be ≥ 2, got 1"),
        (.tree, ["criterion": .string("foo")],
         "`criterion` must be one of auto, gini, entropy, squared_error, got \"foo\""),
        (.forest, ["features": .string("half")], "`features` must be one of auto, sqrt, log2, all, got \"half\""),
        (.tree, ["criterion": .string("squared_error")],
         "`criterion` squared_error needs a numeric target; `label` is categorical – use gini or entropy (or auto)"),
        (.tree, ["trees": .int(3)],
         "unknown parameter `trees` for tree; valid parameters: criterion, depth, min_leaf, min_split"),
        (.forest, ["max_depth": .int(3)], "unknown parameter `max_depth` for forest; valid parameters: "
            + "trees, features, criterion, depth, min_leaf, min_split"),
    ]

    @Test(arguments: cases)
    func badParameterMessage(algorithm: Algorithm, parameters: [String: ParameterValue], message: String) {
        #expect(throws: LearningError(message)) {
            try train(algorithm, on: EstimatorFixtures.mixed(), parameters: parameters, seed: 0)
        }
    }

    @Test(arguments: ["gini", "entropy"])
    func classCriterionOnNumbersIsAnError(criterion: String) {
        let message = "`criterion` \(criterion) needs a categorical target; `y` is numeric – use squared_error (or auto)"
        #expect(throws: LearningError(message)) {
            try train(.forest, on: EstimatorFixtures.numericTarget(), parameters: ["criterion": .string(criterion)], seed: 0)
        }
    }

    @Test func defaultsAreStoredAsGiven() throws {
        let model = try train(.forest, on: EstimatorFixtures.mixed(), parameters: ["depth": .double(4)], seed: 0)
        #expect(model.parameters == ["trees": .int(100), "features": .string("auto"), "criterion": .string("auto"),
                                     "depth": .int(4), "min_leaf": .int(1), "min_split": .int(2)])
        #expect(Algorithm.tree.parameters.map(\.rangeDescription) == [nil, "≥ 0", "≥ 1", "≥ 2"])
    }

    @Test func entropyGrowsAnotherTree() throws {
        let frame = try EstimatorFixtures.dataset("wine")
        let gini = try train(.tree, on: frame, parameters: [:], seed: 0)
        let entropy = try train(.tree, on: frame, parameters: ["criterion": .string("entropy")], seed: 0)
        #expect(try gini.jsonData() != entropy.jsonData())
        #expect(try #require(try evaluate(entropy, on: frame)["accuracy"]) == 1)
    }
}
