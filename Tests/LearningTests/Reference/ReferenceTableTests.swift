import Foundation
import Learning
import Testing

/// The whole scikit-learn reference table (shared/reference/sklearn-accuracy.json), asserted pair by pair
/// on the exact rows of shared/reference/splits: hold-out and 5-fold CV, within 1.5 points of accuracy
/// (classification) or 0.02 of R² (regression), or better. Read from the file, so it cannot drift quietly.
@Suite("scikit-learn reference table")
struct ReferenceTableTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let dataset: String
        let model: String
        let regression: Bool
        let holdout: Double
        let cvMean: Double
        var testDescription: String { "\(dataset) · \(model)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let reference = root.deletingLastPathComponent().appendingPathComponent("shared/reference")

    static let pairs: [Pair] = {
        guard let data = try? Data(contentsOf: reference.appendingPathComponent("sklearn-accuracy.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        func entries(_ key: String, _ regression: Bool) -> [Pair] {
            ((json[key] as? [[String: Any]]) ?? []).map { entry in
                Pair(dataset: entry["dataset"] as! String, model: entry["model"] as! String, regression: regression,
                     holdout: (entry[regression ? "test_r2" : "test_accuracy"] as! NSNumber).doubleValue,
                     cvMean: (entry[regression ? "cv_r2_mean" : "cv_accuracy_mean"] as! NSNumber).doubleValue)
            }
        }
        return entries("classification", false) + entries("regression", true)
    }()

    /// Our algorithm and parameters for each scikit-learn model of the table.
    static func algorithm(for model: String) -> (Algorithm, [String: ParameterValue])? {
        switch model {
        case "LogisticRegression(max_iter=1000) +std": (.logistic, [:])
        case "GaussianNB": Algorithm(rawValue: "bayes").map { ($0, [:]) }
        case "KNeighbors(5) +std": Algorithm(rawValue: "knn").map { ($0, [:]) }
        case "DecisionTree(rs=0)": Algorithm(rawValue: "tree").map { ($0, [:]) }
        case "RandomForest(100, rs=0)": Algorithm(rawValue: "forest").map { ($0, [:]) }
        case "HistGradientBoosting(rs=0)": Algorithm(rawValue: "boost").map { ($0, [:]) }
        case "LinearRegression": Algorithm(rawValue: "linear").map { ($0, [:]) }
        case "Ridge(alpha=1.0)": Algorithm(rawValue: "linear").map { ($0, ["alpha": .double(1)]) }
        default: nil
        }
    }

    @Test func theTableIsThere() {
        #expect(Self.pairs.count == 40)
    }

    @Test(arguments: pairs)
    func pair(_ pair: Pair) throws {
        let (algorithm, parameters) = try #require(Self.algorithm(for: pair.model), "no mlw algorithm for \(pair.model) yet")
        let table = try CSVReader.read(path: Self.root.appendingPathComponent("samples/data/\(pair.dataset).csv").path)
        let frame = DataFrame(columns: table.frame.columns, target: table.frame.columns.last!.name)
        let splits = try String(contentsOf: Self.reference.appendingPathComponent("splits/\(pair.dataset)_splits.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let train = splits.filter { $0[1] == "train" }.map { Int($0[0])! }
        let test = splits.filter { $0[1] == "test" }.map { Int($0[0])! }
        let folds = splits.map { Int($0[2])! }
        let metric = pair.regression ? "r2" : "accuracy"
        let tolerance = pair.regression ? 0.02 : 0.015

        let model = try Learning.train(algorithm, on: frame.selecting(rows: train), parameters: parameters, seed: 0)
        let holdout = try #require(try evaluate(model, on: frame.selecting(rows: test))[metric])
        #expect(holdout >= pair.holdout - tolerance, "hold-out \(metric) \(holdout) vs scikit-learn \(pair.holdout)")

        var scores: [Double] = []
        for fold in 0..<5 {
            let inFold = folds.indices.filter { folds[$0] == fold }
            let outOfFold = folds.indices.filter { folds[$0] != fold }
            let foldModel = try Learning.train(algorithm, on: frame.selecting(rows: outOfFold), parameters: parameters, seed: 0)
            scores.append(try #require(try evaluate(foldModel, on: frame.selecting(rows: inFold))[metric]))
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(mean >= pair.cvMean - tolerance, "5-fold CV \(metric) \(mean) vs scikit-learn \(pair.cvMean)")
        print(String(format: "reference: %@ · %@: hold-out %.4f (scikit-learn %.4f), CV %.4f (%.4f)",
                     pair.dataset, algorithm.rawValue, holdout, pair.holdout, mean, pair.cvMean))
    }
}
