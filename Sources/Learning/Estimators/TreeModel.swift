/// A fitted CART decision tree (`tree`): scikit-learn's `DecisionTreeClassifier` /
/// `DecisionTreeRegressor` with `random_state` = the seed.
///
/// Every feature is examined at every node, in an order drawn from the seed; among splits
/// of equal quality the first examined wins, so the seed only matters for ties. Leaves
/// predict the class frequencies (probabilities) or the mean of their training rows.
struct TreeModel: Sendable, Codable, Equatable {
    let tree: TreeNodes

    /// Grows the tree on every row of `x`.
    ///
    /// - Throws: `LearningError` when `criterion` does not suit the target.
    static func fit(_ x: DesignMatrix, data: TrainingData, parameters: [String: ParameterValue],
                    seed: UInt64) throws(LearningError) -> TreeModel {
        let settings = try TreeSettings(parameters, task: data.task, target: data.target,
                                        featureCount: x.columnCount)
        let binned = TreeBinnedData(x, columns: TreeBinnedData.columnOrder(data.features, width: x.columnCount))
        let grower = TreeGrower(data: binned, target: TreeTarget(data),
                                rowWeights: [Int32](repeating: 1, count: x.rowCount),
                                settings: settings, draw: TreeFeatureDraw(seed: seed))
        return TreeModel(tree: grower.grow())
    }

    /// Class probabilities or values for every row of `x`.
    ///
    /// - Throws: `LearningError` when `x` lacks a column the tree tests.
    func predict(_ x: DesignMatrix, task: LearningTask) throws(LearningError) -> Predictions {
        try TreeEnsemble.predict([tree], x, task: task)
    }
}

extension TreeTarget {
    /// The target of `data`: class indexes or values.
    init(_ data: TrainingData) {
        self = data.task.isClassification ? .classes(data.classCodes, count: data.task.classes.count)
                                          : .values(data.values)
    }
}

/// Prediction shared by `tree` and `forest`: the mean of the trees' leaf values, summed in
/// tree order then divided (as scikit-learn averages), rows spread over both cores.
enum TreeEnsemble {
    static func predict(_ trees: [TreeNodes], _ x: DesignMatrix,
                        task: LearningTask) throws(LearningError) -> Predictions {
        let needed = trees.reduce(0) { max($0, Int($1.feature.max() ?? -1) + 1) }
        guard needed <= x.columnCount else {
            throw LearningError("the data has \(x.columnCount) encoded columns; the model tests column \(needed)")
        }
        let width = trees.first?.width ?? 1
        let rows = x.rowCount
        var sums = [Double](repeating: 0, count: rows * width)
        let chunk = 4096
        let chunks = (rows + chunk - 1) / chunk
        sums.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            let work = { (index: Int) in
                let range = (index * chunk)..<min(rows, (index + 1) * chunk)
                for tree in trees {
                    tree.forEachLeaf(x, rows: range) { row, values in
                        for c in 0..<width { out.pointer![row * width + c] += values[c] }
                    }
                }
            }
            if chunks > 1 && rows * trees.count >= 20_000 {
                _ = Parallel.map(chunks) { work($0) }
            } else {
                for index in 0..<chunks { work(index) }
            }
        }
        let count = Double(trees.count)
        if trees.count > 1 { for i in sums.indices { sums[i] /= count } }
        if task.isClassification {
            return .classes(ClassPredictions(classes: task.classes, probabilities: sums))
        }
        return .values(sums)
    }
}

/// A pointer handed to parallel iterations that write disjoint parts of it.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>?
    init(_ pointer: UnsafeMutablePointer<Double>?) { self.pointer = pointer }
}
