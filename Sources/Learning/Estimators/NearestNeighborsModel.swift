/// k-nearest neighbours (scikit-learn's `KNeighborsClassifier` / `KNeighborsRegressor`
/// with brute-force Euclidean search) over the standardised design matrix.
///
/// The neighbours are the `k` nearest training rows and every row tied with the `k`-th
/// (scikit-learn keeps whichever of those comes first in the file, so its answer depends on
/// row order). A model saved before ties voted (`tiesVote` absent) keeps its first `k` by
/// training row, so it predicts as it did. Classification: the class probabilities are the (weighted) share of the
/// neighbours in each class, and the prediction the most probable class, ties going to the
/// first class in sorted order. Regression: the (weighted) mean of the neighbours' targets.
/// With `weights=distance` a neighbour weighs `1 / distance`; when some neighbours are at
/// distance 0 only they count. `k` larger than the number of training rows is an error at `train`.
struct NearestNeighborsModel: Sendable, Codable, Equatable {
    enum Weighting: String, Sendable, Codable { case uniform, distance }

    let k: Int
    let weighting: Weighting
    let rowCount: Int
    let columnCount: Int
    /// The training rows, standardised, row-major.
    let points: [Double]
    /// Classification: the class index of each training row.
    let classCodes: [Int32]
    /// Regression: the target of each training row.
    let values: [Double]
    /// Whether rows as near as the `k`-th neighbour vote too; false in models saved before.
    let tiesVote: Bool

    /// `knn`'s hyperparameters.
    static let parameterSpecs = [
        ParameterSpec(name: "k", kind: .int, defaultValue: .int(5), validRange: 1...Double.infinity,
                      help: "neighbours consulted (at most the number of training rows); rows as near as the k-th vote too"),
        ParameterSpec(name: "weights", kind: .choice(["uniform", "distance"]), defaultValue: .string("uniform"),
                      help: "uniform: every neighbour counts the same; distance: by 1 / distance"),
    ]

    /// Keeps the training rows.
    ///
    /// - Throws: `LearningError` when `k` exceeds the number of training rows.
    static func fit(_ x: DesignMatrix, data: TrainingData,
                    parameters: [String: ParameterValue]) throws(LearningError) -> NearestNeighborsModel {
        let k = parameters.integer("k")
        guard k <= x.rowCount else {
            throw LearningError("`k` must be ≤ the number of training rows (\(x.rowCount)), got \(k)")
        }
        let weighting: Weighting = parameters["weights"] == .string("distance") ? .distance : .uniform
        return NearestNeighborsModel(k: k, weighting: weighting, rowCount: x.rowCount, columnCount: x.columnCount,
                                     points: x.values, classCodes: data.classCodes, values: data.values, tiesVote: true)
    }

    init(k: Int, weighting: Weighting, rowCount: Int, columnCount: Int, points: [Double], classCodes: [Int32],
         values: [Double], tiesVote: Bool) {
        (self.k, self.weighting, self.rowCount, self.columnCount) = (k, weighting, rowCount, columnCount)
        (self.points, self.classCodes, self.values, self.tiesVote) = (points, classCodes, values, tiesVote)
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        k = try container.decode(Int.self, forKey: .k)
        weighting = try container.decode(Weighting.self, forKey: .weighting)
        rowCount = try container.decode(Int.self, forKey: .rowCount)
        columnCount = try container.decode(Int.self, forKey: .columnCount)
        points = try container.decode([Double].self, forKey: .points)
        classCodes = try container.decode([Int32].self, forKey: .classCodes)
        values = try container.decode([Double].self, forKey: .values)
        tiesVote = try container.decodeIfPresent(Bool.self, forKey: .tiesVote) ?? false
    }

    func predict(_ x: DesignMatrix, task: LearningTask) -> Predictions {
        let search = NearestNeighborsSearch(points: points, count: rowCount, dimension: columnCount, tiesVote: tiesVote)
        switch task {
        case .regression:
            let predicted = search.map(x, k: k) { neighbours, distances in
                let weights = self.weights(distances)
                var sum = 0.0, total = 0.0
                for (index, weight) in zip(neighbours, weights) {
                    sum += weight * values[index]
                    total += weight
                }
                return sum / total
            }
            return .values(predicted)
        case .classification(let classes):
            let classCount = classes.count
            let rows = search.map(x, k: k) { neighbours, distances in
                let weights = self.weights(distances)
                var shares = [Double](repeating: 0, count: classCount)
                var total = 0.0
                for (index, weight) in zip(neighbours, weights) {
                    shares[Int(classCodes[index])] += weight
                    total += weight
                }
                return shares.map { $0 / total }
            }
            return .classes(ClassPredictions(classes: classes, probabilities: rows.flatMap { $0 }))
        }
    }

    /// The weight of each neighbour given its squared distance.
    private func weights(_ squaredDistances: [Double]) -> [Double] {
        switch weighting {
        case .uniform:
            return [Double](repeating: 1, count: squaredDistances.count)
        case .distance:
            if squaredDistances.contains(0) { return squaredDistances.map { $0 == 0 ? 1 : 0 } }
            return squaredDistances.map { 1 / $0.squareRoot() }
        }
    }
}
