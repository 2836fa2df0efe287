/// The area under the ROC curve of class probabilities, as scikit-learn's `roc_auc_score`
/// with the labels sorted.
///
/// Binary truth: the AUC of the positive class, the second label in sorted order, scored by
/// the model's probability of it. Three or more classes: the unweighted mean of the
/// one-vs-rest AUCs (`multi_class="ovr", average="macro"`). Labels are matched by text; a
/// class the model does not know scores 0 on every row.
///
/// ```swift
/// let predictions = ClassPredictions(classes: ["no", "yes"], probabilities: [0.8, 0.2, 0.3, 0.7])
/// rocAUC(truth: ["no", "yes"], predictions: predictions)   // 1.0
/// ```
///
/// - Returns: `nil` when the truth holds fewer than two classes (the AUC is undefined).
public func rocAUC(truth: [String], predictions: ClassPredictions) -> Double? {
    ScoredTruth(truth: truth, predictions: predictions).rocAUC
}

/// The mean negative log-likelihood of the true classes, as scikit-learn's `log_loss`
/// (1.5 and later): each probability is clipped to `[ε, 1 − ε]`, ε = `Double.ulpOfOne`,
/// with no renormalisation. A true class the model does not know has probability 0, so
/// it costs `−log ε` ≈ 36.04.
public func logLoss(truth: [String], predictions: ClassPredictions) -> Double {
    ScoredTruth(truth: truth, predictions: predictions).logLoss
}

/// The area under the ROC curve of `scores` for telling `positives` from the rest: the
/// probability that a random positive scores above a random negative, ties counting one
/// half (the trapezoidal area of scikit-learn's curve, computed exactly from counts).
/// NaN when either class is absent; NaN scores rank lowest.
func areaUnderROC(scores: [Double], positives: [Bool]) -> Double {
    var area2 = 0   // twice the area in units of one positive × one negative
    var truePositives = 0, falsePositives = 0
    forEachThreshold(scores: scores, positives: positives) { tp, fp in
        area2 += (fp - falsePositives) * (tp + truePositives)
        truePositives = tp
        falsePositives = fp
    }
    guard truePositives > 0, falsePositives > 0 else { return .nan }
    return Double(area2) / (2 * Double(truePositives) * Double(falsePositives))
}

/// Calls `body` with the cumulative true and false positive counts at each distinct
/// score, from the highest down.
func forEachThreshold(scores: [Double], positives: [Bool], _ body: (_ tp: Int, _ fp: Int) -> Void) {
    precondition(scores.count == positives.count, "scores and labels differ in length")
    let keys = scores.map { $0.isNaN ? -Double.infinity : $0 }
    let order = keys.indices.sorted { keys[$0] > keys[$1] }
    var tp = 0, fp = 0
    for (position, row) in order.enumerated() {
        if positives[row] { tp += 1 } else { fp += 1 }
        if position + 1 == order.count || keys[order[position + 1]] != keys[row] { body(tp, fp) }
    }
}
