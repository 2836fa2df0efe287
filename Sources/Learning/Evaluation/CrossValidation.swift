/// The result of `crossValidate`: the metrics of each fold, in fold order, and how the
/// rows were dealt out.
///
/// ```swift
/// let cv = try crossValidate(.logistic, on: iris, parameters: [:], folds: 5, seed: 42)
/// cv.mean("accuracy")                 // 0.953...
/// cv.standardDeviation("accuracy")    // population std over the folds
/// ```
public struct CrossValidation: Sendable, Equatable, Codable {
    public let algorithm: Algorithm
    /// The hyperparameters used, defaults filled in.
    public let parameters: [String: ParameterValue]
    public let seed: UInt64
    /// The metrics of each fold's model on its test rows, in fold order.
    public let folds: [MetricSet]
    /// The number of test rows of each fold.
    public let testSizes: [Int]
    /// The fold of each row of the input frame; −1 for a row without a target value.
    public let assignment: [Int]

    public init(algorithm: Algorithm, parameters: [String: ParameterValue], seed: UInt64,
                folds: [MetricSet], testSizes: [Int], assignment: [Int]) {
        precondition(folds.count == testSizes.count, "one test size per fold")
        self.algorithm = algorithm
        self.parameters = parameters
        self.seed = seed
        self.folds = folds
        self.testSizes = testSizes
        self.assignment = assignment
    }

    /// The number of folds.
    public var foldCount: Int { folds.count }

    /// The rows that took part (those with a target value); each was tested exactly once.
    public var rowCount: Int { testSizes.reduce(0, +) }

    /// The number of training rows of each fold.
    public var trainSizes: [Int] { testSizes.map { rowCount - $0 } }

    /// The metrics every fold has, in the order of the first fold.
    public var metricNames: [String] {
        (folds.first?.names ?? []).filter { name in folds.allSatisfy { $0[name] != nil } }
    }

    /// The value of `metric` on each fold, `nil` when some fold lacks it.
    public func values(_ metric: String) -> [Double]? {
        var values: [Double] = []
        for fold in folds {
            guard let value = fold[metric] else { return nil }
            values.append(value)
        }
        return values.isEmpty ? nil : values
    }

    /// The mean of `metric` over the folds, `nil` when some fold lacks it.
    public func mean(_ metric: String) -> Double? {
        values(metric).map { $0.reduce(0, +) / Double($0.count) }
    }

    /// The population standard deviation (ddof = 0, as numpy's `std` of scikit-learn's
    /// `cross_validate` scores) of `metric` over the folds, `nil` when some fold lacks it.
    public func standardDeviation(_ metric: String) -> Double? {
        guard let values = values(metric) else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count)).squareRoot()
    }

    /// The mean of every metric in `metricNames`.
    public var means: MetricSet {
        MetricSet(metricNames.map { Metric(name: $0, value: mean($0)!) })
    }
}
