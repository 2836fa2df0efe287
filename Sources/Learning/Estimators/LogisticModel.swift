import Foundation

/// A fitted logistic regression: one coefficient row per output, `[intercept, w_1 … w_p]`
/// over the design-matrix columns. Two classes have a single row (the log-odds of the
/// second class); more classes have one softmax row each.
struct LogisticModel: Sendable, Codable, Equatable {
    let outputs: Int
    let coefficients: [Double]
    let iterations: Int
    let converged: Bool

    /// Fits by L-BFGS from zero coefficients (deterministic).
    static func fit(_ x: DesignMatrix, labels: [Int32], classCount: Int,
                    parameters: [String: ParameterValue]) -> LogisticModel {
        let objective = LogisticObjective(x: x, labels: labels, classCount: classCount,
                                          inverseC: 1 / parameters.number("C"))
        let optimizer = LBFGS(maxIterations: parameters.integer("max_iter"),
                              gradientTolerance: parameters.number("tol"))
        let result = optimizer.minimize(from: [Double](repeating: 0, count: objective.parameterCount)) {
            theta, gradient in objective.value(theta, gradient: &gradient)
        }
        return LogisticModel(outputs: objective.outputs, coefficients: result.x,
                             iterations: result.iterations, converged: result.converged)
    }

    /// Class probabilities for every row of `x`.
    func predict(_ x: DesignMatrix, classes: [String]) -> Predictions {
        let n = x.rowCount, p = x.columnCount, k = classes.count, stride = p + 1
        precondition(coefficients.count == outputs * stride, "design matrix does not match the model")
        var probabilities = [Double](repeating: 0, count: n * k)
        var z = [Double](repeating: 0, count: outputs)
        x.values.withUnsafeBufferPointer { matrix in
            coefficients.withUnsafeBufferPointer { theta in
                probabilities.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        for c in 0..<outputs {
                            var s = theta[c * stride]
                            for j in 0..<p { s += theta[c * stride + 1 + j] * matrix[i * p + j] }
                            z[c] = s
                        }
                        if outputs == 1 {
                            let e = exp(-abs(z[0]))
                            let positive = z[0] >= 0 ? 1 / (1 + e) : e / (1 + e)
                            out[i * k] = 1 - positive
                            out[i * k + 1] = positive
                        } else {
                            let largest = z.max() ?? 0
                            var sum = 0.0
                            for c in 0..<k { z[c] = exp(z[c] - largest); sum += z[c] }
                            for c in 0..<k { out[i * k + c] = z[c] / sum }
                        }
                    }
                }
            }
        }
        return .classes(ClassPredictions(classes: classes, probabilities: probabilities))
    }
}
