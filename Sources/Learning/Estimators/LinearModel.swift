/// Least squares on the raw (unstandardised) design matrix, with an optional ridge
/// penalty `alpha` on the coefficients but not the intercept: scikit-learn's
/// `LinearRegression` (`alpha=0`) and `Ridge(alpha)`.
///
/// The intercept is removed by centring features and target; the normal equations
/// `(XcᵀXc + alpha·I) w = Xcᵀyc` are solved by pivoted Cholesky. When they are singular
/// (one-hot levels always sum to one; a constant column) the minimum-norm solution is
/// taken, as `numpy.linalg.lstsq` does, so a constant column gets coefficient 0.
struct LinearModel: Sendable, Codable, Equatable {
    let intercept: Double
    /// One coefficient per design-matrix column.
    let coefficients: [Double]
    /// The numerical rank of the normal equations (below the column count when features
    /// are collinear).
    let rank: Int

    /// `linear`'s hyperparameters.
    static let parameterSpecs = [
        ParameterSpec(name: "alpha", kind: .double, defaultValue: .double(0), validRange: 0...Double.infinity,
                      help: "ridge penalty on the coefficients (not the intercept); 0 is plain least squares"),
    ]

    static func fit(_ x: DesignMatrix, values: [Double], parameters: [String: ParameterValue]) -> LinearModel {
        let p = x.columnCount
        var (gram, rhs, xMean, yMean) = LinearSolver.centredNormalEquations(x, values)
        let alpha = parameters.number("alpha")
        if alpha > 0 { for j in 0..<p { gram[j * p + j] += alpha } }
        let (w, rank) = LinearSolver.minimumNormSolve(gram, rhs, p: p)
        var intercept = yMean
        for j in 0..<p { intercept -= xMean[j] * w[j] }
        return LinearModel(intercept: intercept, coefficients: w, rank: rank)
    }

    func predict(_ x: DesignMatrix) -> Predictions {
        let n = x.rowCount, p = x.columnCount
        precondition(coefficients.count == p, "design matrix does not match the model")
        var out = [Double](repeating: intercept, count: n)
        x.values.withUnsafeBufferPointer { values in
            coefficients.withUnsafeBufferPointer { w in
                for row in 0..<n {
                    var s = intercept
                    for j in 0..<p { s += w[j] * values[row * p + j] }
                    out[row] = s
                }
            }
        }
        return .values(out)
    }
}

extension LearningError {
    /// A regression-only algorithm given a categorical target.
    static func needsNumericTarget(_ algorithm: Algorithm, target: String) -> LearningError {
        LearningError("\(algorithm.rawValue) needs a numeric target; `\(target)` is categorical – use logistic")
    }
}
