import Foundation
import Learning

/// scikit-learn's reference figures (hold-out and 5-fold CV, classification and
/// regression) and mlw's scores on the very same rows, for the accuracy suites.
enum ReferenceFigures {
    private struct File: Decodable {
        struct Entry: Decodable {
            let dataset: String
            let model: String
            let test_accuracy: Double?
            let cv_accuracy_mean: Double?
            let test_r2: Double?
            let cv_r2_mean: Double?
        }
        let classification: [Entry]
        let regression: [Entry]
    }

    private static let file: File? = {
        let url = EstimatorFixtures.shared.appendingPathComponent("reference/sklearn-accuracy.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()

    /// scikit-learn's (hold-out, CV mean) score of `model` on `dataset`: accuracy for
    /// classification, R² for regression.
    static func sklearn(_ dataset: String, model: String) throws -> (holdout: Double, cv: Double) {
        guard let file else { throw LearningError("cannot read reference/sklearn-accuracy.json") }
        let entries = file.classification + file.regression
        guard let entry = entries.first(where: { $0.dataset == dataset && $0.model == model }),
              let holdout = entry.test_accuracy ?? entry.test_r2,
              let cv = entry.cv_accuracy_mean ?? entry.cv_r2_mean else {
            throw LearningError("no reference figure for \(model) on \(dataset)")
        }
        return (holdout, cv)
    }

    /// The CV fold (0–4) of every data row of `dataset`, from the reference splits.
    static func folds(_ dataset: String) throws -> [Int] {
        let url = EstimatorFixtures.shared.appendingPathComponent("reference/splits/\(dataset)_splits.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var folds: [Int: Int] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",")
            guard cells.count == 3, let row = Int(cells[0]), let fold = Int(cells[2]) else { continue }
            folds[row] = fold
        }
        return (0..<folds.count).map { folds[$0] ?? -1 }
    }

    /// The score ("accuracy" or "r2") of `algorithm` trained on `train` rows, tested on `test` rows.
    static func score(_ algorithm: Algorithm, _ frame: DataFrame, train: [Int], test: [Int],
                      parameters: [String: ParameterValue]) throws -> Double {
        let model = try Learning.train(algorithm, on: frame.selecting(rows: train), parameters: parameters, seed: 0)
        let metrics = try evaluate(model, on: frame.selecting(rows: test))
        let name = model.task.isClassification ? "accuracy" : "r2"
        guard let value = metrics[name] else { throw LearningError("no \(name) in the metrics") }
        return value
    }

    /// mlw's (hold-out, 5-fold CV mean) score of `algorithm` on the reference rows of `dataset`.
    static func mlw(_ algorithm: Algorithm, on dataset: String,
                    parameters: [String: ParameterValue] = [:]) throws -> (holdout: Double, cv: Double) {
        let frame = try EstimatorFixtures.dataset(dataset)
        let (trainRows, testRows) = try EstimatorFixtures.holdout(dataset)
        let holdout = try score(algorithm, frame, train: trainRows, test: testRows, parameters: parameters)
        let folds = try folds(dataset)
        var total = 0.0
        for fold in 0..<5 {
            let test = folds.indices.filter { folds[$0] == fold }
            let train = folds.indices.filter { folds[$0] != fold }
            total += try score(algorithm, frame, train: train, test: test, parameters: parameters)
        }
        return (holdout, total / 5)
    }

    /// One line for the test log: `boost on iris: hold-out 0.9333 (sklearn 0.9000), CV ...`.
    static func line(_ algorithm: Algorithm, _ dataset: String, mlw: (holdout: Double, cv: Double),
                     sklearn: (holdout: Double, cv: Double)) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        return "\(algorithm.rawValue) on \(dataset): hold-out \(f(mlw.holdout)) (sklearn \(f(sklearn.holdout))), "
            + "CV \(f(mlw.cv)) (sklearn \(f(sklearn.cv)))"
    }
}
