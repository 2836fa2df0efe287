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
