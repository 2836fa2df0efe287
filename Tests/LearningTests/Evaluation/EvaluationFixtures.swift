import Foundation
import Learning

/// scikit-learn's cross-validation folds and per-fold figures from the shared reference.
enum EvaluationFixtures {
    /// The `cv_fold` of every row of `dataset` (`StratifiedKFold(5, shuffle=True, random_state=42)`).
    static func referenceFolds(_ dataset: String) throws -> [Int] {
        let url = EstimatorFixtures.shared.appendingPathComponent("reference/splits/\(dataset)_splits.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var folds: [Int] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",")
            guard let row = Int(cells[0]), let fold = Int(cells[2]) else { continue }
            precondition(row == folds.count, "rows in order")
            folds.append(fold)
        }
        return folds
    }

    struct CrossValidationFigures: Decodable {
        let dataset: String
        let model: String
        let cv_accuracy_folds: [Double]
        let cv_accuracy_mean: Double
        let cv_accuracy_std: Double
        let cv_f1_macro_folds: [Double]
    }

    private struct Figures: Decodable {
        let classification: [CrossValidationFigures]
    }

    /// scikit-learn's 5-fold figures of `model` on `dataset`.
    static func sklearnCrossValidation(_ dataset: String, model: String) throws -> CrossValidationFigures {
        let url = EstimatorFixtures.shared.appendingPathComponent("reference/sklearn-accuracy.json")
        let figures = try JSONDecoder().decode(Figures.self, from: Data(contentsOf: url))
        guard let entry = figures.classification.first(where: { $0.dataset == dataset && $0.model == model }) else {
            throw LearningError("no reference figures for \(model) on \(dataset)")
        }
        return entry
    }
}
