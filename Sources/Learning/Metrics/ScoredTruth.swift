import Foundation

/// The truth of each row next to the model's class probabilities, matched by label text.
///
/// `labels` are the classes present in the truth, sorted; a label the model does not know
/// scores probability 0 on every row.
struct ScoredTruth {
    let labels: [String]
    /// The truth of each row as an index into `labels`.
    let truth: [Int]
    /// For each label, its column in `predictions.classes`, `nil` when the model lacks it.
    let columns: [Int?]
    let predictions: ClassPredictions

    /// - Parameter truthCodes: one code per prediction row, each indexing `truthLevels`.
    init(truthCodes: [Int32], truthLevels: [String], predictions: ClassPredictions) {
        precondition(truthCodes.count == predictions.count, "truth and predictions differ in length")
        var present = [Bool](repeating: false, count: truthLevels.count)
        for code in truthCodes { present[Int(code)] = true }
        let labels = Set(truthLevels.indices.filter { present[$0] }.map { truthLevels[$0] }).sorted()
        var index: [String: Int] = [:]
        for (position, label) in labels.enumerated() { index[label] = position }
        let recode = truthLevels.map { index[$0] ?? -1 }
        self.labels = labels
        self.truth = truthCodes.map { recode[Int($0)] }
        self.columns = labels.map { predictions.classes.firstIndex(of: $0) }
        self.predictions = predictions
    }

    /// Codes the labels of `truth` by their sorted text.
    init(truth: [String], predictions: ClassPredictions) {
        let levels = Set(truth).sorted()
        var index: [String: Int32] = [:]
        for (position, label) in levels.enumerated() { index[label] = Int32(position) }
        self.init(truthCodes: truth.map { index[$0]! }, truthLevels: levels, predictions: predictions)
    }

    /// The model's probability of `labels[label]` on every row (zeros for an unknown class).
    func scores(of label: Int) -> [Double] {
        guard let column = columns[label] else { return [Double](repeating: 0, count: truth.count) }
        let width = predictions.classes.count
        return predictions.probabilities.withUnsafeBufferPointer { p in
            (0..<truth.count).map { p[$0 * width + column] }
        }
    }

    /// Binary: the AUC of the second label. More classes: the mean one-vs-rest AUC.
    /// `nil` when the truth holds a single class.
    var rocAUC: Double? {
        switch labels.count {
        case ..<2:
            return nil
        case 2:
            return areaUnderROC(scores: scores(of: 1), positives: truth.map { $0 == 1 })
        default:
            var sum = 0.0
            for label in labels.indices {
                sum += areaUnderROC(scores: scores(of: label), positives: truth.map { $0 == label })
            }
            return sum / Double(labels.count)
        }
    }

    /// The mean negative log probability of the true class, probabilities clipped to
    /// `[ε, 1 − ε]` with ε the machine epsilon of `Double`.
    var logLoss: Double {
        guard !truth.isEmpty else { return 0 }
        let epsilon = Double.ulpOfOne
        let width = predictions.classes.count
        var sum = 0.0
        predictions.probabilities.withUnsafeBufferPointer { p in
            for (row, label) in truth.enumerated() {
                let probability = columns[label].map { p[row * width + $0] } ?? 0
                sum -= log(min(max(probability, epsilon), 1 - epsilon))
            }
        }
        return sum / Double(truth.count)
    }
}
