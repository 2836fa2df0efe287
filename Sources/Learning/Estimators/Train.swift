/// Fits `algorithm` to `frame`, predicting its target column from every other column.
///
/// Classification when the target is categorical or boolean, regression when numeric.
/// Rows with a missing target are left out. `parameters` are validated here (not when
/// written) and stored with defaults filled in (some depend on the kind of target); `seed` drives any randomness, so the same
/// inputs give the same model bit for bit.
///
/// ```swift
/// let model = try train(.logistic, on: frame, parameters: ["C": .double(10)], seed: 1)
/// ```
///
/// - Throws: `LearningError` for an unknown or invalid parameter, a missing target, a
///   target the algorithm cannot learn (numeric for `logistic`, a single class).
public func train(_ algorithm: Algorithm, on frame: DataFrame, parameters: [String: ParameterValue] = [:],
                  seed: UInt64 = 0, progress: TrainingProgress? = nil) throws(LearningError) -> TrainedModel {
    let data = try TrainingData(frame)
    let resolved = try algorithm.resolve(parameters, regression: !data.task.isClassification)
    switch data.task {
    case .regression where !algorithm.supportsRegression:
        throw .needsCategoricalTarget(algorithm, target: data.target)
    case .classification where !algorithm.supportsClassification:
        throw .needsNumericTarget(algorithm, target: data.target)
    case .classification(let classes) where classes.count < 2 && algorithm != .baseline:
        throw .singleClass(classes[0], target: data.target, algorithm: algorithm)
    default:
        break
    }
    let preprocessor = Preprocessor.fit(data.features, standardize: algorithm.standardizesFeatures)
    let x = try preprocessor.transform(columns: data.features, rowCount: data.rowCount)
    let state = try FittedState.fit(algorithm, x: x, data: data, parameters: resolved, seed: seed, progress: progress,
                                    outputNames: preprocessor.outputNames)
    return TrainedModel(algorithm: algorithm, parameters: resolved, task: data.task, target: data.target,
                        seed: seed, preprocessor: preprocessor, state: state)
}
