import Foundation
@testable import Learning
import Testing

/// What `tree` and `forest` promise beyond accuracy: determinism, faithful encoding, and
/// defined behaviour on awkward data.
@Suite struct TreeContractTests {
    static let algorithms: [Algorithm] = [.tree, .forest]

    static func nodes(_ model: TrainedModel) -> [TreeNodes] {
        switch model.state {
        case .tree(let fitted): [fitted.tree]
        case .forest(let fitted): fitted.trees
        default: []
        }
    }

    @Test(arguments: algorithms)
    func sameSeedGivesIdenticalBytes(algorithm: Algorithm) throws {
        for frame in [try EstimatorFixtures.dataset("iris"), try EstimatorFixtures.dataset("diabetes_raw")] {
            let first = try train(algorithm, on: frame, parameters: [:], seed: 11)
            let second = try train(algorithm, on: frame, parameters: [:], seed: 11)
            #expect(try first.jsonData() == second.jsonData())
        }
    }

    @Test func forestSeedChangesTheForest() throws {
        let frame = try EstimatorFixtures.dataset("iris")
        let first = try train(.forest, on: frame, parameters: ["trees": .int(5)], seed: 1)
        let second = try train(.forest, on: frame, parameters: ["trees": .int(5)], seed: 2)
        #expect(try first.jsonData() != second.jsonData())
    }

    @Test(arguments: algorithms)
    func decodedModelPredictsBitForBit(algorithm: Algorithm) throws {
        for name in ["wine", "computers"] {
            let frame = try EstimatorFixtures.dataset(name)
            let parameters: [String: ParameterValue] = algorithm == .forest ? ["trees": .int(20)] : [:]
            let model = try train(algorithm, on: frame, parameters: parameters, seed: 5)
            let decoded = try TrainedModel(jsonData: model.jsonData())
            #expect(decoded == model)
            #expect(try decoded.predict(frame) == model.predict(frame))
        }
    }

    @Test func treesAreStoredAsParallelArrays() throws {
        let model = try train(.tree, on: EstimatorFixtures.dataset("iris"), parameters: [:], seed: 0)
        let text = try #require(String(data: model.jsonData(), encoding: .utf8))
        #expect(text.contains("\"threshold\":\""))
        let tree = try #require(Self.nodes(model).first)
        #expect(tree.nodeCount == 2 * tree.leafCount - 1)
        #expect(tree.values.count == 3 * tree.leafCount)
    }

    @Test func corruptTreeArraysAreRejected() throws {
        let model = try train(.tree, on: EstimatorFixtures.dataset("iris"), parameters: [:], seed: 0)
        let text = try #require(String(data: model.jsonData(), encoding: .utf8))
        let tree = try #require(Self.nodes(model).first)
        let encoded = tree.left.map { $0.littleEndian }.withUnsafeBytes { Data($0).base64EncodedString() }
        let broken = [Int32](repeating: 9999, count: tree.nodeCount).withUnsafeBytes { Data($0).base64EncodedString() }
        let corrupt = text.replacingOccurrences(of: "\"left\":\"\(encoded)\"", with: "\"left\":\"\(broken)\"")
        #expect(corrupt != text)
        #expect(throws: LearningError.self) { try TrainedModel(jsonData: Data(corrupt.utf8)) }
    }

    @Test(arguments: algorithms)
    func constantFeaturesAreNeverSplitOn(algorithm: Algorithm) throws {
        var frame = try EstimatorFixtures.dataset("iris")
        frame.columns.insert(.numeric("constant", [Double](repeating: 4, count: frame.rowCount)), at: 0)
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        for tree in Self.nodes(model) { #expect(!tree.feature.contains(0)) }
        let accuracy = try #require(try evaluate(model, on: frame)["accuracy"])
        #expect(accuracy > 0.95)
    }

    @Test(arguments: algorithms)
    func onlyConstantFeaturesGiveOneLeafOfFrequencies(algorithm: Algorithm) throws {
        let frame = DataFrame(columns: [
            .numeric("x", [1, 1, 1, 1]),
            .categorical("label", codes: [0, 1, 1, 1], levels: ["a", "b"]),
        ], target: "label")
        let model = try train(.tree, on: frame, parameters: [:], seed: 0)
        #expect(Self.nodes(model).first?.nodeCount == 1)
        guard case .classes(let predictions) = try model.predict(frame) else { return }
        #expect(predictions.probabilities == [0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75])
        #expect(try train(algorithm, on: frame, parameters: [:], seed: 0).predict(frame).labels == ["b", "b", "b", "b"])
    }

    /// A single class is refused like every classifier does; a tree could only ever
    /// answer that class.
    @Test(arguments: algorithms)
    func singleClassIsAnError(algorithm: Algorithm) {
        let frame = DataFrame(columns: [
            .numeric("x", [1, 2, 3]),
            .categorical("label", codes: [0, 0, 0], levels: ["only"]),
        ], target: "label")
        #expect(throws: LearningError("target `label` has only one class, `only`; \(algorithm.rawValue) needs at least two")) {
            try train(algorithm, on: frame, parameters: [:], seed: 0)
        }
    }

    @Test(arguments: algorithms)
    func missingValuesEverywhereTrainAndPredict(algorithm: Algorithm) throws {
        let frame = EstimatorFixtures.mixed(missing: true)
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        guard case .classes(let predictions) = try model.predict(frame) else {
            Issue.record("expected class predictions")
            return
        }
        #expect(predictions.count == frame.rowCount)
        #expect(predictions.probabilities.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        // Rows missing every feature are imputed as in training and still predicted.
        let n = frame.rowCount
        let empty = DataFrame(columns: frame.columns.map { column in
            switch column.storage {
            case .numeric: .numeric(column.name, [Double](repeating: .nan, count: n))
            case .categorical(_, let levels):
                .categorical(column.name, codes: [Int32](repeating: -1, count: n), levels: levels, kind: column.kind)
            }
        }, target: nil)
        #expect(try model.predict(empty).count == n)
    }

    @Test(arguments: algorithms)
    func unseenLevelPredictsLikeAnAllZeroBlock(algorithm: Algorithm) throws {
        let frame = try EstimatorFixtures.dataset("titanic")
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        var unseen = frame.selecting(rows: [0, 1, 2])
        guard let index = unseen.columns.firstIndex(where: { $0.name == "class" }) else { return }
        unseen.columns[index] = .categorical("class", codes: [0, 0, 0], levels: ["steerage"])
        guard case .classes(let predictions) = try model.predict(unseen) else { return }
        for row in 0..<3 {
            let sum = predictions.probability(row: row, classIndex: 0) + predictions.probability(row: row, classIndex: 1)
            #expect(abs(sum - 1) < 1e-12)
        }
    }

    @Test func depthAndLeafSizeBoundTheTree() throws {
        let frame = try EstimatorFixtures.dataset("breast_cancer")
        let stump = try train(.tree, on: frame, parameters: ["depth": .int(1)], seed: 0)
        #expect(Self.nodes(stump).first?.nodeCount == 3)
        let deep = try train(.tree, on: frame, parameters: [:], seed: 0)
        let pruned = try train(.tree, on: frame, parameters: ["min_leaf": .int(20)], seed: 0)
        let deepLeaves = try #require(Self.nodes(deep).first?.leafCount)
        let prunedLeaves = try #require(Self.nodes(pruned).first?.leafCount)
        #expect(prunedLeaves <= frame.rowCount / 20 && prunedLeaves < deepLeaves)
        let split = try train(.tree, on: frame, parameters: ["min_split": .int(200)], seed: 0)
        #expect(try #require(Self.nodes(split).first?.leafCount) < prunedLeaves)
        let shallow = try train(.forest, on: frame, parameters: ["depth": .int(3), "trees": .int(10)], seed: 0)
        #expect(Self.nodes(shallow).allSatisfy { $0.depth <= 3 })
    }

    @Test func forestFeaturesChoiceChangesTheForest() throws {
        let frame = try EstimatorFixtures.dataset("wine")
        var seen: Set<Data> = []
        for choice in ["sqrt", "log2", "all"] {
            let model = try train(.forest, on: frame, parameters: ["features": .string(choice), "trees": .int(5)], seed: 0)
            seen.insert(try model.jsonData())
        }
        #expect(seen.count == 3)
        let auto = try train(.forest, on: frame, parameters: ["trees": .int(5)], seed: 0)
        let sqrt = try train(.forest, on: frame, parameters: ["trees": .int(5), "features": .string("sqrt")], seed: 0)
        #expect(Self.nodes(auto) == Self.nodes(sqrt))
    }

    @Test(arguments: algorithms)
    func degenerateFramesStillPredict(algorithm: Algorithm) throws {
        let noFeatures = DataFrame(columns: [.categorical("label", codes: [0, 1, 1], levels: ["a", "b"])],
                                   target: "label")
        let model = try train(algorithm, on: noFeatures, parameters: [:], seed: 0)
        #expect(try model.predict(noFeatures).labels == ["b", "b", "b"])
        let oneRow = DataFrame(columns: [.numeric("x", [3]), .numeric("y", [7])], target: "y")
        #expect(try train(algorithm, on: oneRow, parameters: [:], seed: 0).predict(oneRow) == .values([7]))
    }

    @Test func regressionTreeReproducesItsTrainingRows() throws {
        let frame = EstimatorFixtures.numericTarget()
        let model = try train(.tree, on: frame, parameters: [:], seed: 0)
        #expect(try model.predict(frame) == .values((0..<20).map { 2 * Double($0) + 1 }))
        let stump = try train(.tree, on: frame, parameters: ["depth": .int(1)], seed: 0)
        #expect(try Set(stump.predict(frame).labels) == ["10", "30"])
    }
}
