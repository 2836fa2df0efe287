import Foundation
import Learning
import Testing

/// k-nearest neighbours against scikit-learn's `KNeighborsClassifier(5)` on standardised
/// features, on the reference rows, and its own contract.
@Suite struct NearestNeighborsModelTests {
    static let datasets = ["iris", "wine", "breast_cancer", "hmda_mortgage"]

    @Test(arguments: datasets)
    func matchesScikitLearn(dataset: String) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: "KNeighbors(5) +std")
        let mlw = try ReferenceFigures.mlw(.knn, on: dataset)
        print(ReferenceFigures.line(.knn, dataset, mlw: mlw, sklearn: reference))
        #expect(mlw.holdout >= reference.holdout - 0.015, "\(dataset) hold-out")
        #expect(mlw.cv >= reference.cv - 0.015, "\(dataset) CV")
    }

    @Test(.disabled("""
        kNN on titanic is no yardstick (reference README): 12 distinct passenger profiles make \
        nearly every distance a tie, broken by file order
        """))
    func matchesScikitLearnOnTitanic() throws {
        try matchesScikitLearn(dataset: "titanic")
    }

    @Test(arguments: [
        (["k": ParameterValue.int(-1)], "`k` must be ≥ 1, got -1"),
        (["k": .int(0)], "`k` must be ≥ 1, got 0"),
        (["k": .double(2.5)], "`k` must be an integer ≥ 1, got 2.5"),
        (["weights": .string("cosine")], "`weights` must be one of uniform, distance, got \"cosine\""),
        (["k": .int(61)], "`k` must be ≤ the number of training rows (60), got 61"),
    ])
    func badParametersNameTheOptionAndRange(parameters: [String: ParameterValue], message: String) {
        #expect(throws: LearningError(message)) {
            try train(.knn, on: EstimatorFixtures.mixed(), parameters: parameters, seed: 0)
        }
    }

    @Test func tiesGoToTheNearerRowThenTheSmallerClass() throws {
        // Query 0 has two neighbours at the same distance, of classes b and a: k=2 ties and
        // the smallest class wins. (Symmetric around 0, so standardising keeps the tie exact.)
        let frame = DataFrame(columns: [
            .numeric("x", [-1, 1, -3, 3]),
            .categorical("y", codes: [1, 0, 1, 1], levels: ["a", "b"]),
        ], target: "y")
        let model = try train(.knn, on: frame, parameters: ["k": .int(2)], seed: 0)
        let probe = DataFrame(columns: [.numeric("x", [0, -2.6])])
        guard case .classes(let predictions) = try model.predict(probe) else { Issue.record("no classes"); return }
        #expect(predictions.labels == ["a", "b"])
        #expect(predictions.probabilities == [0.5, 0.5, 0, 1])
    }

    /// Four rows tie at distance 1 from the query, one of class a first: every one of them
    /// votes, whatever `k` and the row order (taking the first k in file order would say a).
    @Test(arguments: [1, 2, 4])
    func rowsTiedWithTheKthNeighbourAllVote(k: Int) throws {
        let x: [Double] = [-1, 1, -1, 1, 5, -5]
        let codes: [Int32] = [0, 1, 1, 1, 0, 0]
        let reversed = Array((0..<6).reversed())
        for order in [Array(0..<6), reversed] {
            let frame = DataFrame(columns: [
                .numeric("x", order.map { x[$0] }),
                .categorical("y", codes: order.map { codes[$0] }, levels: ["a", "b"]),
            ], target: "y")
            let model = try train(.knn, on: frame, parameters: ["k": .int(k)], seed: 0)
            guard case .classes(let predictions) = try model.predict(DataFrame(columns: [.numeric("x", [0])])) else {
                Issue.record("no classes"); return
            }
            #expect(predictions.labels == ["b"] && predictions.probabilities == [0.25, 0.75], "order \(order)")
        }
    }

    /// x = 1 is exactly as far from 0 as from 2, but standardising (mean 3.75) makes the two
    /// squared distances differ in their last bits: they still tie, so both vote.
    @Test func distancesEqualButForRoundingTie() throws {
        let frame = DataFrame(columns: [.numeric("x", [0, 2, 4, 9]), .numeric("y", [0, 10, 30, 1])], target: "y")
        let model = try train(.knn, on: frame, parameters: ["k": .int(1)], seed: 0)
        #expect(try model.predict(DataFrame(columns: [.numeric("x", [1, 2])])) == .values([5, 10]))
    }

    /// A model saved before ties voted has no `tiesVote`: it keeps the first `k` tied rows by
    /// training row, so a deployed model predicts as it did.
    @Test func aModelSavedBeforeTiesVotedPredictsAsItDid() throws {
        let frame = DataFrame(columns: [
            .numeric("x", [-1, 1, -1, 1, 5, -5]),
            .categorical("y", codes: [0, 1, 1, 1, 0, 0], levels: ["a", "b"]),
        ], target: "y")
        let model = try train(.knn, on: frame, parameters: ["k": .int(1)], seed: 0)
        let json = String(decoding: try model.jsonData(), as: UTF8.self)
        #expect(json.contains(#""tiesVote":true"#))
        let old = try TrainedModel(jsonData: Data(json.replacingOccurrences(of: #","tiesVote":true"#, with: "").utf8))
        let probe = DataFrame(columns: [.numeric("x", [0])])
        #expect(try old.predict(probe).labels == ["a"] && model.predict(probe).labels == ["b"])
    }

    @Test func distanceWeightsFavourTheNearestAndExactMatchesWin() throws {
        let frame = DataFrame(columns: [
            .numeric("x", [0, 1, 2, 3, 4]),
            .numeric("y", [10, 20, 30, 40, 50]),
        ], target: "y")
        let uniform = try train(.knn, on: frame, parameters: ["k": .int(3)], seed: 0)
        let weighted = try train(.knn, on: frame, parameters: ["k": .int(3), "weights": .string("distance")], seed: 0)
        let probe = DataFrame(columns: [.numeric("x", [2, 0.25])])
        #expect(try uniform.predict(probe) == .values([30, 20]))
        guard case .values(let values) = try weighted.predict(probe) else { Issue.record("no values"); return }
        #expect(values[0] == 30)
        #expect(values[1] > 10 && values[1] < 20)
    }

    @Test func regressionAveragesTheNeighbours() throws {
        let model = try train(.knn, on: EstimatorFixtures.numericTarget(), parameters: ["k": .int(1)], seed: 0)
        #expect(try model.predict(EstimatorFixtures.numericTarget()) == .values((0..<20).map { 2 * Double($0) + 1 }))
    }

    @Test func regressionWithMissingConstantAndUnseenValuesRoundTrips() throws {
        let frame = LinearModelTests.awkward(missing: true)
        let model = try train(.knn, on: frame, parameters: ["weights": .string("distance")], seed: 4)
        #expect(try model.jsonData() == train(.knn, on: frame, parameters: ["weights": .string("distance")], seed: 4)
            .jsonData())
        let decoded = try TrainedModel(jsonData: model.jsonData())
        #expect(try decoded.predict(frame) == model.predict(frame))
        var unseen = frame.selecting(rows: [0, 1])
        unseen.columns[3] = .categorical("colour", codes: [0, -1], levels: ["purple"])
        guard case .values(let values) = try model.predict(unseen) else { Issue.record("no values"); return }
        #expect(values.count == 2 && values.allSatisfy { $0.isFinite })
    }

    @Test func constantFeatureAndMissingValuesPredict() throws {
        var frame = EstimatorFixtures.mixed(missing: true)
        frame.columns.insert(.numeric("constant", [Double](repeating: 3, count: frame.rowCount)), at: 0)
        let model = try train(.knn, on: frame, parameters: [:], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else { Issue.record("no classes"); return }
        #expect(predictions.probabilities.allSatisfy { $0.isFinite })
    }
}
