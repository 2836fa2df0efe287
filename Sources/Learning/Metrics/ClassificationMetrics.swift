/// Accuracy, balanced accuracy and macro precision, recall and F1, with scikit-learn's
/// definitions: macro averages run over the labels present in truth or predictions, a
/// zero division counts as 0, and balanced accuracy averages recall over the classes
/// present in truth.
public func classificationMetrics(truth: [String], predicted: [String]) -> MetricSet {
    classificationMetrics(ConfusionMatrix(truth: truth, predicted: predicted))
}

/// The classification metrics of a confusion matrix.
public func classificationMetrics(_ matrix: ConfusionMatrix) -> MetricSet {
    let k = matrix.labels.count
    let total = matrix.total
    guard k > 0, total > 0 else {
        return MetricSet(["accuracy": 0, "balanced_accuracy": 0, "precision": 0, "recall": 0, "f1": 0])
    }
    var correct = 0
    var precisionSum = 0.0, recallSum = 0.0, f1Sum = 0.0
    var presentRecallSum = 0.0, presentClasses = 0
    for c in 0..<k {
        let tp = matrix[c, c]
        var support = 0, predictedCount = 0
        for other in 0..<k {
            support += matrix[c, other]
            predictedCount += matrix[other, c]
        }
        correct += tp
        let precision = predictedCount > 0 ? Double(tp) / Double(predictedCount) : 0
        let recall = support > 0 ? Double(tp) / Double(support) : 0
        let f1Denominator = support + predictedCount   // 2tp + fp + fn
        precisionSum += precision
        recallSum += recall
        f1Sum += f1Denominator > 0 ? 2 * Double(tp) / Double(f1Denominator) : 0
        if support > 0 {
            presentRecallSum += recall
            presentClasses += 1
        }
    }
    let n = Double(k)
    return MetricSet([
        "accuracy": Double(correct) / Double(total),
        "balanced_accuracy": presentClasses > 0 ? presentRecallSum / Double(presentClasses) : 0,
        "precision": precisionSum / n,
        "recall": recallSum / n,
        "f1": f1Sum / n,
    ])
}

/// Every classification metric: those of `classificationMetrics(truth:predicted:)` (the
/// predicted labels are the most probable classes), then `roc_auc` (see `rocAUC`) and
/// `log_loss` (see `logLoss`). `roc_auc` is left out when the truth holds a single class.
public func classificationMetrics(truth: [String], predictions: ClassPredictions) -> MetricSet {
    classificationMetrics(ConfusionMatrix(truth: truth, predicted: predictions.labels),
                          ScoredTruth(truth: truth, predictions: predictions))
}

/// The metrics of a confusion matrix followed by those of the probabilities.
func classificationMetrics(_ matrix: ConfusionMatrix, _ scored: ScoredTruth) -> MetricSet {
    var entries = classificationMetrics(matrix).entries
    if let auc = scored.rocAUC { entries.append(Metric(name: "roc_auc", value: auc)) }
    entries.append(Metric(name: "log_loss", value: scored.logLoss))
    return MetricSet(entries)
}
