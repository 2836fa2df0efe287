import Foundation
import Learning
import Testing

/// Hyperparameters are validated by `train`, with messages naming the option and its range.
@Suite struct ParameterValidationTests {
    static let cases: [(Algorithm, [String: ParameterValue], String)] = [
        (.logistic, ["C": .double(-1)], "`C` must be > 0, got -1"),
        (.logistic, ["C": .int(0)], "`C` must be > 0, got 0"),
        (.logistic, ["C": .string("big")], "`C` must be a number > 0, got \"big\""),
        (.logistic, ["max_iter": .int(0)], "`max_iter` must be ≥ 1, got 0"),
        (.logistic, ["max_iter": .double(2.5)], "`max_iter` must be an integer ≥ 1, got 2.5"),
        (.logistic, ["tol": .bool(true)], "`tol` must be a number > 0, got true"),
        (.logistic, ["penalty": .string("l1")], "unknown parameter `penalty` for logistic; valid parameters: C, max_iter, tol"),
        (.baseline, ["C": .double(1)], "unknown parameter `C`: baseline takes no parameters"),
    ]

    @Test(arguments: cases)
    func badParameterMessage(algorithm: Algorithm, parameters: [String: ParameterValue], message: String) {
        #expect(throws: LearningError(message)) {
            try train(algorithm, on: EstimatorFixtures.mixed(), parameters: parameters, seed: 0)
        }
    }

    @Test func resolvedParametersAreCanonical() throws {
        let model = try train(.logistic, on: EstimatorFixtures.mixed(),
                              parameters: ["C": .int(2), "max_iter": .double(50)], seed: 0)
        #expect(model.parameters == ["C": .double(2), "max_iter": .int(50), "tol": .double(1e-4)])
    }

    @Test func specsDescribeTheirRanges() {
        let specs = Algorithm.logistic.parameters
        #expect(specs.map(\.name) == ["C", "max_iter", "tol"])
        #expect(specs.map(\.rangeDescription) == ["> 0", "≥ 1", "> 0"])
        #expect(Algorithm.baseline.parameters.isEmpty)
        #expect(Algorithm.allCases.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func parameterValuesRoundTripThroughJSON() throws {
        let values: [ParameterValue] = [.int(1), .double(1), .bool(false), .string("auto")]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([ParameterValue].self, from: data) == values)
        #expect(values.map(\.description) == ["1", "1", "false", "auto"])
    }
}
