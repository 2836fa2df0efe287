import Foundation
import Learning
import Testing

@Suite struct MetricsTests {
    @Test func classAbsentFromPredictions() {
        // Class c is never predicted: its precision is 0/0 → 0 (scikit-learn's zero_division=0).
        let metrics = classificationMetrics(truth: ["a", "a", "b", "b", "c", "c"],
                                            predicted: ["a", "b", "b", "b", "a", "a"])
        #expect(metrics.names == ["accuracy", "balanced_accuracy", "precision", "recall", "f1"])
        #expect(close(metrics["accuracy"], 0.5))
        #expect(close(metrics["balanced_accuracy"], 0.5))
        #expect(close(metrics["precision"], 1.0 / 3))
        #expect(close(metrics["recall"], 0.5))
        #expect(close(metrics["f1"], 0.4))
    }

    @Test func predictedClassAbsentFromTruth() {
        // z appears only in predictions: in the macro averages, not in balanced accuracy.
        let metrics = classificationMetrics(truth: ["x", "x", "y"], predicted: ["x", "z", "y"])
        #expect(close(metrics["accuracy"], 2.0 / 3))
        #expect(close(metrics["balanced_accuracy"], 0.75))
        #expect(close(metrics["precision"], 2.0 / 3))
        #expect(close(metrics["recall"], 0.5))
        #expect(close(metrics["f1"], 5.0 / 9))
    }

    @Test func binaryAgreesWithScikitLearn() {
        // sklearn: precision_score(..., average='macro') etc. on these vectors.
        let truth = ["0", "1", "1", "0", "1", "1", "0", "0", "1", "1"]
        let predicted = ["0", "1", "0", "0", "1", "1", "1", "0", "1", "0"]
        let metrics = classificationMetrics(truth: truth, predicted: predicted)
        #expect(close(metrics["accuracy"], 0.7))
        #expect(close(metrics["balanced_accuracy"], (0.75 + 4.0 / 6) / 2))
        #expect(close(metrics["precision"], (0.6 + 0.8) / 2))
        #expect(close(metrics["recall"], (0.75 + 4.0 / 6) / 2))
        #expect(close(metrics["f1"], (6.0 / 9 + 8.0 / 11) / 2))
    }

    @Test func regressionAgreesWithScikitLearn() {
        // The example of sklearn's mean_squared_error / r2_score documentation.
        let metrics = regressionMetrics(truth: [3, -0.5, 2, 7], predicted: [2.5, 0.0, 2, 8])
        #expect(metrics.names == ["rmse", "mae", "r2"])
        #expect(close(metrics["rmse"], 0.375.squareRoot()))
        #expect(close(metrics["mae"], 0.5))
        #expect(close(metrics["r2"], 0.9486081370449679))
    }

    @Test func constantTruthR2() {
        #expect(regressionMetrics(truth: [2, 2], predicted: [2, 2])["r2"] == 1)
        #expect(regressionMetrics(truth: [2, 2], predicted: [1, 2])["r2"] == 0)
    }

    @Test func confusionMatrixMatchesByText() {
        let matrix = ConfusionMatrix(truth: ["b", "a", "c"], predicted: ["b", "b", "c"])
        #expect(matrix.labels == ["a", "b", "c"])
        #expect(matrix[0, 1] == 1 && matrix[1, 1] == 1 && matrix[2, 2] == 1 && matrix.total == 3)
    }

    @Test func metricSetRoundTripsThroughJSON() throws {
        let metrics = regressionMetrics(truth: [1, 2, 3], predicted: [1, 2, 4])
        let data = try JSONEncoder().encode(metrics)
        #expect(try JSONDecoder().decode(MetricSet.self, from: data) == metrics)
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-12
    }
}
