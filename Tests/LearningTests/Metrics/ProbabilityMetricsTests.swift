import Learning
import Testing

/// ROC AUC and log loss against scikit-learn's definitions. sklearn is not installed on
/// this machine, so the figures come from numpy/scipy re-implementations of sklearn's
/// code paths (`_binary_clf_curve` + `np.trapezoid` for `roc_auc_score`, clip + mean of
/// −log for `log_loss`), cross-checked against `scipy.stats.mannwhitneyu(...).statistic
/// / (n_pos · n_neg)` for every AUC.
@Suite struct ProbabilityMetricsTests {
    static let binaryTruth = ["yes", "no", "yes", "yes", "no", "no", "yes", "no", "no", "yes", "no", "yes"]
    static let yesProbability = [0.9, 0.1, 0.8, 0.35, 0.35, 0.6, 0.7, 0.2, 0.35, 0.05, 0.4, 1.0]
    static var binary: ClassPredictions {
        ClassPredictions(classes: ["no", "yes"], probabilities: yesProbability.flatMap { [1 - $0, $0] })
    }

    static let threeTruth = ["a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "c", "b", "a", "c", "b"]
    static let threeProbabilities: [[Double]] = [
        [0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.4, 0.4, 0.2], [0.3, 0.3, 0.4],
        [0.5, 0.1, 0.4], [0.6, 0.3, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3],
        [0.0, 0.25, 0.75], [0.25, 0.5, 0.25], [1.0, 0.0, 0.0], [0.3, 0.3, 0.4], [0.5, 0.5, 0.0],
    ]
    static var three: ClassPredictions {
        ClassPredictions(classes: ["a", "b", "c"], probabilities: threeProbabilities.flatMap { $0 })
    }

    @Test func binaryAUC() throws {
        // roc_auc_score(y == "yes", p_yes) = 0.75 (mannwhitneyu: 27 / 36).
        let auc = try #require(rocAUC(truth: Self.binaryTruth, predictions: Self.binary))
        #expect(abs(auc - 0.75) < 1e-12)
    }

    @Test func binaryLogLoss() {
        // log_loss(y, [[1-p, p]]) = 0.6123266386467106 (a probability of 1.0 on a "yes" row
        // is clipped to 1 - eps).
        let loss = logLoss(truth: Self.binaryTruth, predictions: Self.binary)
        #expect(abs(loss - 0.6123266386467106) < 1e-12)
    }

    @Test func multiclassAUCIsOneVsRestMacro() throws {
        // roc_auc_score(y, P, multi_class="ovr", average="macro") = 0.9366666666666666
        // (per class 0.9, 0.93, 0.98).
        let auc = try #require(rocAUC(truth: Self.threeTruth, predictions: Self.three))
        #expect(abs(auc - 0.9366666666666666) < 1e-12)
    }

    @Test func multiclassLogLoss() {
        // log_loss(y, P) = 0.6424157856637911; row 11 has p = 0 for its class c, clipped to eps.
        let loss = logLoss(truth: Self.threeTruth, predictions: Self.three)
        #expect(abs(loss - 0.6424157856637911) < 1e-12)
    }

    @Test func classUnknownToTheModelScoresZero() throws {
        // Two rows of class d, which the model never saw: as sklearn with a zero column for d,
        // log_loss = 4.807267268423011 and ovr macro AUC = 0.8145833333333333 (d's AUC 0.5).
        let truth = Self.threeTruth + ["d", "d"]
        let probabilities = Self.threeProbabilities.flatMap { $0 } + [0.2, 0.3, 0.5, 0.6, 0.2, 0.2]
        let predictions = ClassPredictions(classes: ["a", "b", "c"], probabilities: probabilities)
        #expect(abs(logLoss(truth: truth, predictions: predictions) - 4.807267268423011) < 1e-12)
        let auc = try #require(rocAUC(truth: truth, predictions: predictions))
        #expect(abs(auc - 0.8145833333333333) < 1e-12)
    }

    @Test func singleClassHasNoAUC() {
        let predictions = ClassPredictions(classes: ["no", "yes"], probabilities: [0.4, 0.6, 0.7, 0.3])
        #expect(rocAUC(truth: ["yes", "yes"], predictions: predictions) == nil)
        let metrics = classificationMetrics(truth: ["yes", "yes"], predictions: predictions)
        #expect(metrics.names == ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "log_loss"])
    }

    @Test func allMetricsInOrder() {
        let metrics = classificationMetrics(truth: Self.threeTruth, predictions: Self.three)
        #expect(metrics.names == ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"])
        let labelsOnly = classificationMetrics(truth: Self.threeTruth, predicted: Self.three.labels)
        #expect(Array(metrics.entries.prefix(5)) == labelsOnly.entries)
    }

    @Test func rocCurveMatchesScikitLearnExample() {
        // The example of sklearn's roc_curve documentation (drop_intermediate=False).
        let curve = rocCurve(scores: [0.1, 0.4, 0.35, 0.8], positives: [false, false, true, true])
        #expect(curve.fpr == [0, 0, 0.5, 0.5, 1])
        #expect(curve.tpr == [0, 0.5, 0.5, 1, 1])
        #expect(curve.auc == 0.75)
    }

    @Test func rocCurveGroupsTies() {
        // roc_curve(y == "yes", p_yes, drop_intermediate=False): 11 points; 0.35 is shared by
        // one positive and two negatives, so one diagonal step.
        let positives = Self.binaryTruth.map { $0 == "yes" }
        let curve = rocCurve(scores: Self.yesProbability, positives: positives)
        let fpr = [0, 0, 0, 0, 0, 1, 2, 4, 5, 6, 6].map { Double($0) / 6 }
        let tpr = [0, 1, 2, 3, 4, 4, 4, 5, 5, 5, 6].map { Double($0) / 6 }
        #expect(curve.fpr.count == 11)
        #expect(zip(curve.fpr, fpr).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(curve.tpr, tpr).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(curve.auc == 0.75)
    }

    @Test func rocCurveWithoutNegativesIsNaN() {
        let curve = rocCurve(scores: [0.2, 0.9], positives: [true, true])
        #expect(curve.fpr.allSatisfy { $0.isNaN })
        #expect(curve.tpr == [0, 0.5, 1])
        #expect(curve.auc.isNaN)
    }
}
