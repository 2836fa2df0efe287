import Foundation

/// The hyperparameters of `tree` and `forest` (scikit-learn's names shortened), and their
/// resolution against the task once the target is known.
extension Algorithm {
    static let treeParameters: [ParameterSpec] = [
        ParameterSpec(name: "criterion", kind: .choice(["auto", "gini", "entropy", "squared_error"]),
                      defaultValue: .string("auto"),
                      help: "split quality: gini or entropy for a categorical target, squared_error for a "
                          + "numeric one; auto picks gini or squared_error"),
        ParameterSpec(name: "depth", kind: .int, defaultValue: .int(0), validRange: 0...Double.infinity,
                      help: "most levels of splits below the root (1 = a single split); 0 = no limit"),
        ParameterSpec(name: "min_leaf", kind: .int, defaultValue: .int(1), validRange: 1...Double.infinity,
                      help: "fewest training rows a leaf may hold"),
        ParameterSpec(name: "min_split", kind: .int, defaultValue: .int(2), validRange: 2...Double.infinity,
                      help: "fewest training rows a node needs to be split"),
    ]

    static let forestParameters: [ParameterSpec] = [
        ParameterSpec(name: "trees", kind: .int, defaultValue: .int(100), validRange: 1...Double.infinity,
                      help: "number of trees, each grown on a bootstrap sample of the rows"),
        ParameterSpec(name: "features", kind: .choice(["auto", "sqrt", "log2", "all"]),
                      defaultValue: .string("auto"),
                      help: "features examined per split: sqrt or log2 of their number, or all; "
                          + "auto = sqrt for a categorical target, all for a numeric one"),
    ] + treeParameters
}

/// Split quality measures; scikit-learn's formulas, so that ties resolve as there.
enum TreeCriterion: Sendable {
    case gini, entropy, squaredError
}

/// The resolved settings a tree is grown with.
struct TreeSettings: Sendable {
    var criterion: TreeCriterion
    /// Deepest level a node may be split at (`Int.max` for no limit); the root is level 0.
    var maxDepth: Int
    var minLeaf: Int
    /// `max(min_split, 2 × min_leaf)`, as scikit-learn uses it.
    var minSplit: Int
    /// Features examined per node (all of them for a single tree).
    var maxFeatures: Int

    /// Settings from resolved `parameters` for `task`, over `featureCount` design columns.
    ///
    /// - Throws: `LearningError` when `criterion` does not fit the target
    ///   (`gini`/`entropy` need a categorical target, `squared_error` a numeric one).
    init(_ parameters: [String: ParameterValue], task: LearningTask, target: String,
         featureCount: Int) throws(LearningError) {
        let name = parameters["criterion"].map(\.description) ?? "auto"
        switch (name, task.isClassification) {
        case ("auto", true), ("gini", true): criterion = .gini
        case ("entropy", true): criterion = .entropy
        case ("auto", false), ("squared_error", false): criterion = .squaredError
        case (_, false): throw .criterionNeedsClasses(name, target: target)
        default: throw .criterionNeedsNumbers(name, target: target)
        }
        let depth = parameters.integer("depth")
        maxDepth = depth <= 0 ? Int.max : depth
        minLeaf = max(1, parameters.integer("min_leaf"))
        minSplit = max(max(2, parameters.integer("min_split")), 2 * minLeaf)
        switch parameters["features"].map(\.description) ?? "all" {
        case "sqrt": maxFeatures = Int(Double(featureCount).squareRoot())
        case "log2": maxFeatures = featureCount > 0 ? Int(log2(Double(featureCount))) : 0
        case "auto" where task.isClassification: maxFeatures = Int(Double(featureCount).squareRoot())
        default: maxFeatures = featureCount
        }
        maxFeatures = max(1, maxFeatures)
    }
}

extension LearningError {
    static func criterionNeedsClasses(_ name: String, target: String) -> LearningError {
        LearningError("`criterion` \(name) needs a categorical target; `\(target)` is numeric – "
            + "use squared_error (or auto)")
    }

    static func criterionNeedsNumbers(_ name: String, target: String) -> LearningError {
        LearningError("`criterion` \(name) needs a numeric target; `\(target)` is categorical – "
            + "use gini or entropy (or auto)")
    }
}
