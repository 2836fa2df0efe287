import Foundation

/// The corrected resampled t-test (Nadeau & Bengio, 2003) of two models' scores on the
/// same k cross-validation folds.
///
/// With d_i the per-fold differences (A − B), `t = mean(d) / sqrt((1/k + n_test/n_train)
/// · var(d))`, var with ddof = 1, and a two-sided p-value from Student's t with k − 1
/// degrees of freedom. The `n_test/n_train` term widens the plain paired t-test, whose
/// folds share training rows and so are not independent.
///
/// When every difference is the same, var(d) = 0: a zero mean gives t = 0 and p = 1 (the
/// models scored alike on every fold), any other mean gives t = ±∞ and p = 0.
///
/// ```swift
/// let test = try ResampledTTest(lr, forest, metric: "accuracy")   // two CrossValidations
/// test.meanDifference   // > 0 when A scored higher
/// ```
public struct ResampledTTest: Sendable, Equatable, Codable {
    /// mean(A − B) over the folds.
    public let meanDifference: Double
    /// The t statistic.
    public let statistic: Double
    /// k − 1.
    public let degreesOfFreedom: Int
    /// The two-sided p-value.
    public let pValue: Double

    /// Tests per-fold scores; `testSize`/`trainSize` are the rows each fold tests and trains on.
    ///
    /// - Throws: `LearningError` when the score lists differ in length or hold fewer than
    ///   two folds, a score is not finite, or a size is not positive.
    public init(scoresA: [Double], scoresB: [Double], testSize: Double, trainSize: Double) throws(LearningError) {
        guard scoresA.count == scoresB.count else { throw .foldCountsDiffer(scoresA.count, scoresB.count) }
        guard scoresA.count >= 2 else { throw .tooFewFoldsToTest(scoresA.count) }
        guard (scoresA + scoresB).allSatisfy(\.isFinite) else { throw .nonFiniteScores }
        guard testSize > 0, trainSize > 0, testSize.isFinite, trainSize.isFinite else {
            throw .badFoldSizes(test: testSize, train: trainSize)
        }
        let k = Double(scoresA.count)
        let differences = zip(scoresA, scoresB).map { $0 - $1 }
        let mean = differences.reduce(0, +) / k
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1)
        meanDifference = mean
        degreesOfFreedom = scoresA.count - 1
        if variance == 0 {
            statistic = mean == 0 ? 0 : (mean > 0 ? .infinity : -.infinity)
            pValue = mean == 0 ? 1 : 0
        } else {
            statistic = mean / ((1 / k + testSize / trainSize) * variance).squareRoot()
            pValue = Distributions.studentTTwoSided(statistic, degreesOfFreedom: k - 1)
        }
    }

    /// Tests one metric of two cross-validations run on the same folds (same rows, seed
    /// and fold count, or the same `assignment`). n_test is the mean test-fold size and
    /// n_train the mean training size.
    ///
    /// - Throws: `LearningError` when the folds differ or either lacks the metric on a fold.
    public init(_ a: CrossValidation, _ b: CrossValidation, metric: String) throws(LearningError) {
        guard a.assignment == b.assignment else { throw .differentFolds }
        guard let scoresA = a.values(metric), let scoresB = b.values(metric) else {
            throw .metricMissingInFolds(metric)
        }
        let test = Double(a.rowCount) / Double(a.foldCount)
        try self.init(scoresA: scoresA, scoresB: scoresB, testSize: test, trainSize: Double(a.rowCount) - test)
    }
}
