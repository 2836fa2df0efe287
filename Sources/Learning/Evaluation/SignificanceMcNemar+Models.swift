extension McNemarTest {
    /// Tests two classifiers of the same target on the rows of `frame` that have a truth.
    ///
    /// ```swift
    /// let test = try McNemarTest(logistic, forest, on: holdout)
    /// ```
    ///
    /// - Throws: `LearningError` when either model is a regressor, the targets differ, or
    ///   as `evaluate` does.
    public init(_ a: TrainedModel, _ b: TrainedModel, on frame: DataFrame) throws(LearningError) {
        guard a.target == b.target else { throw .differentTargets(a.target, b.target) }
        let (truth, predictedA) = try Self.labels(a, on: frame)
        let (_, predictedB) = try Self.labels(b, on: frame)
        self.init(truth: truth, predictedA: predictedA, predictedB: predictedB)
    }

    private static func labels(_ model: TrainedModel, on frame: DataFrame) throws(LearningError)
        -> (truth: [String], predicted: [String]) {
        guard case .classes(let codes, let levels, let predictions) = try ScoredRows(model, on: frame) else {
            throw .needsClassifier("McNemar's test")
        }
        return (codes.map { levels[Int($0)] }, predictions.labels)
    }
}
