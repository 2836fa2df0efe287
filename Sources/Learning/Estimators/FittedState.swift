/// The learnt state of each algorithm; one case per algorithm, encoded inside `TrainedModel`.
enum FittedState: Sendable, Codable, Equatable {
    case baseline(model: BaselineModel)
    case logistic(model: LogisticModel)

    /// Fits `algorithm` to the design matrix and target of `data`.
    static func fit(_ algorithm: Algorithm, x: DesignMatrix, data: TrainingData,
                    parameters: [String: ParameterValue], seed: UInt64) -> FittedState {
        switch algorithm {
        case .baseline:
            return .baseline(model: BaselineModel.fit(data))
        case .logistic:
            return .logistic(model: LogisticModel.fit(x, labels: data.classCodes,
                                                      classCount: data.task.classes.count,
                                                      parameters: parameters))
        }
    }

    func predict(_ x: DesignMatrix, task: LearningTask) -> Predictions {
        switch self {
        case .baseline(let model): model.predict(rowCount: x.rowCount, task: task)
        case .logistic(let model): model.predict(x, classes: task.classes)
        }
    }

    /// What the user should know about the fit (e.g. no convergence).
    func warnings(_ parameters: [String: ParameterValue]) -> [String] {
        switch self {
        case .baseline:
            return []
        case .logistic(let model):
            guard !model.converged else { return [] }
            let iterations = model.iterations == 1 ? "1 iteration" : "\(model.iterations) iterations"
            return ["logistic did not converge in \(iterations); raise max_iter or loosen tol"]
        }
    }
}
