import Foundation

/// Gaussian naive Bayes (scikit-learn's `GaussianNB`) on the raw design matrix.
///
/// Each class has a prior (its share of the training rows) and, per design-matrix
/// column, the mean and population variance of its rows. Every variance is increased by
/// `var_smoothing × the largest variance of any column over all rows`, so constant
/// columns do no harm. Probabilities come from the log joint likelihoods by log-sum-exp.
struct BayesModel: Sendable, Codable, Equatable {
    let priors: [Double]
    /// `classes × columns`, row-major.
    let means: [Double]
    /// `classes × columns`, row-major, smoothing included.
    let variances: [Double]
    /// The amount added to every variance.
    let epsilon: Double

    /// `bayes`'s hyperparameters.
    static let parameterSpecs = [
        ParameterSpec(name: "var_smoothing", kind: .double, defaultValue: .double(1e-9),
                      validRange: 0...Double.infinity,
                      help: "share of the largest feature variance added to every variance"),
    ]

    static func fit(_ x: DesignMatrix, labels: [Int32], classCount: Int,
                    parameters: [String: ParameterValue]) -> BayesModel {
        let n = x.rowCount, p = x.columnCount
        var counts = [Double](repeating: 0, count: classCount)
        var means = [Double](repeating: 0, count: classCount * p)
        var variances = [Double](repeating: 0, count: classCount * p)
        var overallMean = [Double](repeating: 0, count: p)
        var epsilon = 0.0
        x.values.withUnsafeBufferPointer { values in
            for row in 0..<n {
                let c = Int(labels[row])
                counts[c] += 1
                for j in 0..<p {
                    means[c * p + j] += values[row * p + j]
                    overallMean[j] += values[row * p + j]
                }
            }
            for c in 0..<classCount where counts[c] > 0 { for j in 0..<p { means[c * p + j] /= counts[c] } }
            for j in 0..<p { overallMean[j] /= Double(max(n, 1)) }
            var overallVariance = [Double](repeating: 0, count: p)
            for row in 0..<n {
                let c = Int(labels[row])
                for j in 0..<p {
                    let value = values[row * p + j]
                    let d = value - means[c * p + j]
                    variances[c * p + j] += d * d
                    let e = value - overallMean[j]
                    overallVariance[j] += e * e
                }
            }
            for c in 0..<classCount where counts[c] > 0 { for j in 0..<p { variances[c * p + j] /= counts[c] } }
            let largest = overallVariance.map { $0 / Double(max(n, 1)) }.max() ?? 0
            epsilon = max(parameters.number("var_smoothing") * largest, .leastNormalMagnitude)
            for index in variances.indices { variances[index] += epsilon }
        }
        return BayesModel(priors: counts.map { $0 / Double(max(n, 1)) }, means: means, variances: variances,
                          epsilon: epsilon)
    }

    func predict(_ x: DesignMatrix, classes: [String]) -> Predictions {
        let n = x.rowCount, p = x.columnCount, k = priors.count
        precondition(means.count == k * p, "design matrix does not match the model")
        // The row-independent part of each class's log likelihood.
        let constants = (0..<k).map { c in
            var s = log(priors[c])
            for j in 0..<p { s -= 0.5 * log(2 * Double.pi * variances[c * p + j]) }
            return s
        }
        let blockSize = 256
        let blocks = Parallel.map((n + blockSize - 1) / blockSize) { block in
            let rows = block * blockSize..<min(n, (block + 1) * blockSize)
            var out = [Double](repeating: 0, count: rows.count * k)
            var joint = [Double](repeating: 0, count: k)
            x.values.withUnsafeBufferPointer { values in
                for (offset, row) in rows.enumerated() {
                    for c in 0..<k {
                        var s = constants[c]
                        for j in 0..<p {
                            let d = values[row * p + j] - means[c * p + j]
                            s -= 0.5 * d * d / variances[c * p + j]
                        }
                        joint[c] = s
                    }
                    Self.normalise(joint, priors: priors, into: &out, at: offset * k)
                }
            }
            return out
        }
        return .classes(ClassPredictions(classes: classes, probabilities: blocks.flatMap { $0 }))
    }

    /// Softmax of the log joint likelihoods; the priors when none is finite.
    private static func normalise(_ joint: [Double], priors: [Double], into out: inout [Double], at start: Int) {
        let largest = joint.max() ?? 0
        guard largest.isFinite else {
            for c in priors.indices { out[start + c] = priors[c] }
            return
        }
        var sum = 0.0
        for c in joint.indices { sum += exp(joint[c] - largest) }
        let logSum = largest + log(sum)
        for c in joint.indices { out[start + c] = exp(joint[c] - logSum) }
    }
}
