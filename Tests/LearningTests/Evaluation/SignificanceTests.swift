import Learning
import Testing

/// McNemar's test and the corrected resampled t-test against SciPy, to 1e-9 relative.
@Suite struct SignificanceTests {
    /// (b, c, statistic, p-value, method). statsmodels' `mcnemar(table, exact=b+c<25,
    /// correction=True)`, computed with SciPy: exact p = min(1, 2·binom.cdf(min(b,c), b+c,
    /// 0.5)), chi-square p = chi2.sf((|b−c|−1)²/(b+c), 1).
    static let mcNemarCases: [(Int, Int, Double, Double, McNemarTest.Method)] = [
        (3, 9, 3.0, 0.14599609375, .exactBinomial),
        (0, 0, 0.0, 1.0, .exactBinomial),
        (12, 12, 12.0, 1.0, .exactBinomial),
        (0, 7, 0.0, 0.015625, .exactBinomial),
        (1, 23, 1.0, 2.9802322387695312e-06, .exactBinomial),
        (20, 40, 6.016666666666667, 0.014171388254012323, .chiSquare),
        (100, 10, 72.00909090909092, 2.1420824611432634e-17, .chiSquare),
        (13, 12, 0.0, 1.0, .chiSquare),
        (400, 300, 14.001428571428571, 0.0001826717911095503, .chiSquare),
    ]

    @Test(arguments: 0..<mcNemarCases.count)
    func mcNemarMatchesStatsmodels(index: Int) {
        let (b, c, statistic, p, method) = Self.mcNemarCases[index]
        let test = McNemarTest(b: b, c: c)
        #expect(test.method == method)
        #expect(close(test.statistic, statistic))
        #expect(close(test.pValue, p), "b=\(b) c=\(c): p \(test.pValue) vs \(p)")
    }

    @Test func mcNemarCountsDiscordantRows() {
        let truth = ["a", "a", "b", "b", "a", "b", "a"]
        let a = ["a", "a", "b", "a", "b", "b", "a"]   // right on 0, 1, 2, 5, 6
        let b = ["a", "b", "a", "b", "b", "b", "b"]   // right on 0, 3, 5
        let test = McNemarTest(truth: truth, predictedA: a, predictedB: b)
        #expect(test.b == 3 && test.c == 1)
        // 2 · binom.cdf(1, 4, 0.5) = 0.625
        #expect(close(test.pValue, 0.625))
    }

    @Test func mcNemarOfTwoModels() throws {
        let frame = EstimatorFixtures.mixed()
        let logistic = try train(.logistic, on: frame, seed: 0)
        let baseline = try train(.baseline, on: frame, seed: 0)
        let test = try McNemarTest(logistic, baseline, on: frame)
        let truth = (0..<frame.rowCount).map { frame.targetColumn!.text(at: $0) }
        let expected = McNemarTest(truth: truth, predictedA: try logistic.predict(frame).labels,
                                   predictedB: try baseline.predict(frame).labels)
        #expect(test == expected)
        #expect(test.b > test.c)
    }

    @Test func resampledTMatchesScipy() throws {
        // d = A − B; t = mean(d) / sqrt((1/k + 30/120) · d.var(ddof=1)); p = 2·t.sf(|t|, k−1)
        let test = try ResampledTTest(scoresA: [0.91, 0.88, 0.93, 0.90, 0.95], scoresB: [0.89, 0.87, 0.90, 0.91, 0.92],
                                      testSize: 30, trainSize: 120)
        #expect(close(test.meanDifference, 0.015999999999999993))
        #expect(close(test.statistic, 1.4253932901995967))
        #expect(close(test.pValue, 0.22717687883017698))
        #expect(test.degreesOfFreedom == 4)
    }

    @Test func resampledTTenFolds() throws {
        // As above with k = 10, n_test/n_train = 100/900.
        let a = [0.81, 0.79, 0.84, 0.80, 0.83, 0.82, 0.78, 0.85, 0.80, 0.81]
        let b = [0.75, 0.77, 0.76, 0.74, 0.79, 0.73, 0.76, 0.78, 0.72, 0.75]
        let test = try ResampledTTest(scoresA: a, scoresB: b, testSize: 100, trainSize: 900)
        #expect(close(test.statistic, 5.172628730263455))
        #expect(close(test.pValue, 0.0005850988163053633))
        let reversed = try ResampledTTest(scoresA: b, scoresB: a, testSize: 100, trainSize: 900)
        #expect(reversed.statistic == -test.statistic && reversed.pValue == test.pValue)
    }

    @Test func zeroVariance() throws {
        let same = try ResampledTTest(scoresA: [0.9, 0.8, 0.7], scoresB: [0.9, 0.8, 0.7], testSize: 10, trainSize: 20)
        #expect(same.statistic == 0 && same.pValue == 1)
        let shifted = try ResampledTTest(scoresA: [1, 1, 1], scoresB: [0.5, 0.5, 0.5], testSize: 10, trainSize: 20)
        #expect(shifted.statistic == .infinity && shifted.pValue == 0)
        let worse = try ResampledTTest(scoresA: [0.5, 0.5, 0.5], scoresB: [1, 1, 1], testSize: 10, trainSize: 20)
        #expect(worse.statistic == -.infinity && worse.pValue == 0)
    }

    @Test(arguments: [
        ([0.9, 0.8], [0.9], "the two models have scores on 2 and 1 folds; they must be tested on the same folds"),
        ([0.9], [0.8], "a resampled t-test needs scores on at least 2 folds, got 1"),
        ([0.9, .nan], [0.8, 0.7], "a fold score is not a finite number"),
    ])
    func resampledTErrors(a: [Double], b: [Double], message: String) {
        #expect(throws: LearningError(message)) {
            try ResampledTTest(scoresA: a, scoresB: b, testSize: 1, trainSize: 4)
        }
    }

    private func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= 1e-9 * max(abs(expected), 1e-300)
    }
}
