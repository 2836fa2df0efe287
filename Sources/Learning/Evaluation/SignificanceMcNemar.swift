/// McNemar's test of whether two classifiers err on the same test rows equally often.
///
/// Only the rows where exactly one is right count: `b` (A right, B wrong) and `c` (A
/// wrong, B right). Under the null hypothesis each such row is a fair coin. As
/// statsmodels' `mcnemar`: with b + c < 25 the exact two-sided binomial test,
/// `p = min(1, 2·P(X ≤ min(b, c)))`, X ~ Binomial(b + c, ½), statistic min(b, c);
/// otherwise the chi-square test with continuity correction,
/// `(|b − c| − 1)² / (b + c)` on 1 degree of freedom.
///
/// ```swift
/// let test = McNemarTest(truth: y, predictedA: a, predictedB: b)
/// if test.pValue < 0.05 { print("the models differ (b = \(test.b), c = \(test.c))") }
/// ```
public struct McNemarTest: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable {
        /// The exact binomial test (b + c < 25).
        case exactBinomial
        /// The chi-square test with continuity correction (b + c ≥ 25).
        case chiSquare
    }

    /// Rows A classified right and B wrong.
    public let b: Int
    /// Rows A classified wrong and B right.
    public let c: Int
    /// min(b, c) for the exact test, the corrected chi-square otherwise.
    public let statistic: Double
    /// The two-sided p-value.
    public let pValue: Double
    public let method: Method

    /// The b + c below which the exact test is used (statsmodels' rule of thumb).
    public static let exactBelow = 25

    /// Tests from the discordant counts.
    public init(b: Int, c: Int) {
        precondition(b >= 0 && c >= 0, "counts must not be negative")
        self.b = b
        self.c = c
        let n = b + c
        if n < Self.exactBelow {
            method = .exactBinomial
            statistic = Double(min(b, c))
            pValue = min(1, 2 * Distributions.binomialCDF(min(b, c), trials: n, probability: 0.5))
        } else {
            method = .chiSquare
            let difference = Double(abs(b - c)) - 1
            statistic = difference * difference / Double(n)
            pValue = Distributions.chiSquaredSurvival(statistic, degreesOfFreedom: 1)
        }
    }

    /// Tests from whether each model was right on each row.
    public init(correctA: [Bool], correctB: [Bool]) {
        precondition(correctA.count == correctB.count, "the two models were scored on different rows")
        var b = 0, c = 0
        for (a, other) in zip(correctA, correctB) where a != other {
            if a { b += 1 } else { c += 1 }
        }
        self.init(b: b, c: c)
    }

    /// Tests from the true labels and the two models' predicted labels (matched by text).
    public init(truth: [String], predictedA: [String], predictedB: [String]) {
        precondition(truth.count == predictedA.count && truth.count == predictedB.count,
                     "truth and predictions differ in length")
        self.init(correctA: zip(truth, predictedA).map { $0 == $1 }, correctB: zip(truth, predictedB).map { $0 == $1 })
    }
}
