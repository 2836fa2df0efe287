/// The points of the ROC curve of `scores` for telling `positives` from the rest, as
/// scikit-learn's `roc_curve(..., drop_intermediate=False)`: `(0, 0)`, then one point per
/// distinct score from the highest down, ending at `(1, 1)`; with the area under it.
///
/// ```swift
/// let curve = rocCurve(scores: [0.1, 0.4, 0.35, 0.8], positives: [false, false, true, true])
/// // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], auc 0.75
/// ```
///
/// When there are no positives (negatives), `tpr` (`fpr`) is NaN throughout and so is
/// `auc`, as scikit-learn does. NaN scores rank lowest.
public func rocCurve(scores: [Double], positives: [Bool]) -> (fpr: [Double], tpr: [Double], auc: Double) {
    var tps = [0], fps = [0]
    forEachThreshold(scores: scores, positives: positives) { tp, fp in
        tps.append(tp)
        fps.append(fp)
    }
    let positiveCount = Double(tps.last!), negativeCount = Double(fps.last!)
    let tpr = tps.map { positiveCount > 0 ? Double($0) / positiveCount : .nan }
    let fpr = fps.map { negativeCount > 0 ? Double($0) / negativeCount : .nan }
    return (fpr, tpr, areaUnderROC(scores: scores, positives: positives))
}
