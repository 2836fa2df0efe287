import Foundation
import Learning
import Testing

/// `tree` and `forest` against scikit-learn's `DecisionTree*(random_state=0)` and
/// `RandomForest*(100, random_state=0)` on the reference rows: hold-out and 5-fold CV
/// accuracy within 1.5 points, R² within 0.02, or better.
///
/// Both reproduce scikit-learn's algorithm and random draws, so on these rows they give
/// its very predictions (checked against scikit-learn 1.9.1 during development). The
/// forest's hold-out figures still differ a little from the reference file, whose training
/// rows came in `train_test_split`'s shuffled order (row order decides the bootstrap);
/// the splits file keeps only which rows were used, so here they come in file order.
@Suite struct TreeReferenceTests {
    static let classification = ["iris", "wine", "breast_cancer", "titanic", "hmda_mortgage"]
    static let regression = ["diabetes_raw", "computers"]

    @Test(arguments: classification + regression)
    func treeMatchesScikitLearn(dataset: String) throws {
        try TreeReference.check(.tree, model: "DecisionTree(rs=0)", on: dataset)
    }

    @Test(arguments: classification + regression)
    func forestMatchesScikitLearn(dataset: String) throws {
        try TreeReference.check(.forest, model: "RandomForest(100, rs=0)", on: dataset)
    }

    /// scikit-learn 1.9.1's own scores on these rows in file order (hold-out, CV mean),
    /// which mlw reproduces to the last digit.
    static let sameOrderFigures: [String: (holdout: Double, cv: Double)] = [
        "tree iris": (0.9667, 0.9533), "forest iris": (0.9333, 0.9600),
        "tree wine": (0.9444, 0.8878), "forest wine": (1.0, 0.9775),
        "tree breast_cancer": (0.9298, 0.9156), "forest breast_cancer": (0.9737, 0.9561),
        "tree titanic": (0.7917, 0.7979), "forest titanic": (0.7917, 0.7956),
        "tree hmda_mortgage": (0.8428, 0.8480), "forest hmda_mortgage": (0.9078, 0.9042),
        "tree diabetes_raw": (-0.0063, -0.2267), "forest diabetes_raw": (0.4088, 0.4146),
        "tree computers": (0.8729, 0.8901), "forest computers": (0.9162, 0.9236),
    ]
}

/// The reference comparison for trees.
enum TreeReference {
    /// A reference dataset prepared as the reference run prepared it: `computers` without
    /// `month`, which restates `trend` and which the reference left out (with it the figures
    /// differ; without it they match to the last digit).
    static func frame(_ dataset: String) throws -> DataFrame {
        var frame = try EstimatorFixtures.dataset(dataset)
        if dataset == "computers" { frame.columns.removeAll { $0.name == "month" } }
        return frame
    }

    /// mlw's (hold-out, 5-fold CV mean) score of `algorithm` with default parameters, seed 0.
    static func scores(_ algorithm: Algorithm, on dataset: String) throws -> (holdout: Double, cv: Double) {
        let frame = try frame(dataset)
        let (train, test) = try EstimatorFixtures.holdout(dataset)
        let holdout = try ReferenceFigures.score(algorithm, frame, train: train, test: test, parameters: [:])
        let folds = try ReferenceFigures.folds(dataset)
        var total = 0.0
        for fold in 0..<5 {
            let test = folds.indices.filter { folds[$0] == fold }
            let train = folds.indices.filter { folds[$0] != fold }
            total += try ReferenceFigures.score(algorithm, frame, train: train, test: test, parameters: [:])
        }
        return (holdout, total / 5)
    }

    /// Expects mlw's scores at least the reference's less the tolerance, and equal to
    /// scikit-learn's on the same rows in the same order.
    static func check(_ algorithm: Algorithm, model: String, on dataset: String) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: model)
        let mlw = try scores(algorithm, on: dataset)
        print(ReferenceFigures.line(algorithm, dataset, mlw: mlw, sklearn: reference))
        let name = "\(algorithm.rawValue) \(dataset)"
        let tolerance = TreeReferenceTests.regression.contains(dataset) ? 0.02 : 0.015
        #expect(mlw.holdout >= reference.holdout - tolerance, "\(name) hold-out")
        #expect(mlw.cv >= reference.cv - tolerance, "\(name) CV")
        let same = try #require(TreeReferenceTests.sameOrderFigures[name])
        #expect(abs(mlw.holdout - same.holdout) < 5e-5, "\(name) hold-out vs scikit-learn in file order")
        #expect(abs(mlw.cv - same.cv) < 5e-5, "\(name) CV vs scikit-learn in file order")
    }
}
