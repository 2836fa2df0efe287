/// Root mean squared error, mean absolute error and R², as scikit-learn computes them.
/// R² of a constant truth is 1 for a perfect prediction and 0 otherwise.
public func regressionMetrics(truth: [Double], predicted: [Double]) -> MetricSet {
    precondition(truth.count == predicted.count, "truth and predictions differ in length")
    guard !truth.isEmpty else { return MetricSet(["rmse": 0, "mae": 0, "r2": 0]) }
    let n = Double(truth.count)
    let mean = truth.reduce(0, +) / n
    var squared = 0.0, absolute = 0.0, totalSquares = 0.0
    for (t, p) in zip(truth, predicted) {
        squared += (t - p) * (t - p)
        absolute += abs(t - p)
        totalSquares += (t - mean) * (t - mean)
    }
    let r2 = totalSquares > 0 ? 1 - squared / totalSquares : (squared == 0 ? 1 : 0)
    return MetricSet(["rmse": (squared / n).squareRoot(), "mae": absolute / n, "r2": r2])
}
