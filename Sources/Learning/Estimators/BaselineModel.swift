/// The fitted baseline: class frequencies (predicting the most frequent class, ties to
/// the first in sorted order) or the training mean.
enum BaselineModel: Sendable, Codable, Equatable {
    case classPrior([Double])
    case mean(Double)

    static func fit(_ data: TrainingData) -> BaselineModel {
        if data.task.isClassification {
            let total = Double(data.rowCount)
            return .classPrior(data.classCounts.map { Double($0) / total })
        }
        return .mean(data.values.reduce(0, +) / Double(data.values.count))
    }

    func predict(rowCount: Int, task: LearningTask) -> Predictions {
        switch self {
        case .classPrior(let prior):
            var probabilities: [Double] = []
            probabilities.reserveCapacity(rowCount * prior.count)
            for _ in 0..<rowCount { probabilities.append(contentsOf: prior) }
            return .classes(ClassPredictions(classes: task.classes, probabilities: probabilities))
        case .mean(let mean):
            return .values([Double](repeating: mean, count: rowCount))
        }
    }
}
