/// A fitted random forest (`forest`): scikit-learn's `RandomForestClassifier` /
/// `RandomForestRegressor` with `random_state` = the seed.
///
/// Each tree is grown without depth limit (unless `depth` is set) on a bootstrap sample
/// of the rows (drawn counts become row weights, as in scikit-learn), examining a random
/// subset of `features` at each node. Tree `i` draws from a seed taken `i`-th from the
/// model seed's sequence, so the forest is the same whichever core grows which tree.
/// Classification averages the trees' class probabilities (soft voting); regression
/// averages their values.
struct ForestModel: Sendable, Codable, Equatable {
    let trees: [TreeNodes]

    /// Grows `trees` trees on both cores.
    ///
    /// - Throws: `LearningError` when `criterion` does not suit the target.
    static func fit(_ x: DesignMatrix, data: TrainingData, parameters: [String: ParameterValue],
                    seed: UInt64, progress: TrainingProgress? = nil) throws(LearningError) -> ForestModel {
        let settings = try TreeSettings(parameters, task: data.task, target: data.target,
                                        featureCount: x.columnCount)
        let binned = TreeBinnedData(x, columns: TreeBinnedData.columnOrder(data.features, width: x.columnCount))
        let target = TreeTarget(data)
        var sequence = TreeSeedSequence(seed: seed)
        let seeds = (0..<max(1, parameters.integer("trees"))).map { _ in UInt64(sequence.nextTreeSeed()) }
        let rows = x.rowCount
        let counter = ProgressCounter(total: seeds.count, report: progress)
        let trees = Parallel.map(seeds.count) { index in
            let grower = TreeGrower(data: binned, target: target, rowWeights: bootstrapCounts(rows, seed: seeds[index]),
                                    settings: settings, draw: TreeFeatureDraw(seed: seeds[index]))
            defer { counter.step() }
            return grower.grow()
        }
        return ForestModel(trees: trees)
    }

    /// How often each of `rows` rows is drawn in `rows` draws with replacement (numpy's
    /// `RandomState(seed).randint(0, rows, rows)`, as scikit-learn draws them).
    static func bootstrapCounts(_ rows: Int, seed: UInt64) -> [Int32] {
        var sequence = TreeSeedSequence(seed: seed)
        var counts = [Int32](repeating: 0, count: rows)
        for _ in 0..<rows { counts[sequence.next(below: rows)] += 1 }
        return counts
    }

    /// Averaged class probabilities or values for every row of `x`.
    ///
    /// - Throws: `LearningError` when `x` lacks a column a tree tests.
    func predict(_ x: DesignMatrix, task: LearningTask) throws(LearningError) -> Predictions {
        try TreeEnsemble.predict(trees, x, task: task)
    }
}
