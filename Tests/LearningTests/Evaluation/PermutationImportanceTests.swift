import Learning
import Testing

@Suite struct PermutationImportanceTests {
    @Test func sameSeedSameImportances() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let model = try train(.logistic, on: iris, seed: 0)
        let first = try permutationImportance(model, on: iris, metric: "accuracy", repeats: 4, seed: 9)
        let second = try permutationImportance(model, on: iris, metric: "accuracy", repeats: 4, seed: 9)
        #expect(first == second)
        #expect(Set(first.map(\.feature)) == Set(model.featureNames))
        #expect(first.allSatisfy { $0.drops.count == 4 })
        let other = try permutationImportance(model, on: iris, metric: "accuracy", repeats: 4, seed: 10)
        #expect(other.map(\.drops) != first.map(\.drops))
    }

    @Test func petalsMatterMostForIris() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let model = try train(.logistic, on: iris, seed: 0)
        let ranked = try permutationImportance(model, on: iris, metric: "accuracy", seed: 1)
        #expect(ranked.first?.feature.hasPrefix("petal") == true)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.mean >= $1.mean })
        #expect(ranked.first!.mean > 0.1)
    }

    @Test func meanAndStdOfTheDrops() {
        // np.mean / np.std (ddof=0) of [0.1, 0.3, 0.2]
        let importance = FeatureImportance(feature: "x", drops: [0.1, 0.3, 0.2])
        #expect(abs(importance.mean - 0.2) < 1e-15)
        #expect(abs(importance.std - 0.0816496580927726) < 1e-15)
    }

    @Test func errorMetricsCountTheIncrease() throws {
        // y depends on x only; noise is irrelevant.
        let n = 40
        let x = (0..<n).map { Double($0) }
        let noise = (0..<n).map { Double(($0 * 17) % 7) }
        let frame = DataFrame(columns: [.numeric("noise", noise), .numeric("x", x),
                                        .categorical("y", codes: x.map { $0 < 20 ? 0 : 1 }, levels: ["lo", "hi"].sorted())],
                              target: "y")
        let model = try train(.logistic, on: frame, seed: 0)
        let byLoss = try permutationImportance(model, on: frame, metric: "log_loss", repeats: 3, seed: 5)
        #expect(byLoss.first?.feature == "x")
        #expect(byLoss.first!.mean > 0)   // shuffling x raises the loss: a positive drop
    }

    @Test func unknownMetricListsTheKnownOnes() throws {
        let iris = try EstimatorFixtures.dataset("iris")
        let model = try train(.baseline, on: iris, seed: 0)
        #expect(throws: LearningError("unknown metric `rmse` for this model; metrics: accuracy, balanced_accuracy, precision, recall, f1, roc_auc, log_loss")) {
            try permutationImportance(model, on: iris, metric: "rmse", seed: 0)
        }
        #expect(throws: LearningError("permutation importance needs at least 1 repeat, got 0")) {
            try permutationImportance(model, on: iris, metric: "accuracy", repeats: 0, seed: 0)
        }
    }
}
