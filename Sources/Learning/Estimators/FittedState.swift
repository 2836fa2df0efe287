/// The learnt state of each algorithm; one case per algorithm, encoded inside `TrainedModel`.
enum FittedState: Sendable, Codable, Equatable {
    case baseline(model: BaselineModel)
    case logistic(model: LogisticModel)
    case linear(model: LinearModel)
    case knn(model: NearestNeighborsModel)
    case bayes(model: BayesModel)
    case boost(model: BoostModel)
    case tree(model: TreeModel)
    case forest(model: ForestModel)

    /// Fits `algorithm` to the design matrix (columns named `outputNames`) and target of `data`.
    ///
    /// - Throws: `LearningError` when the fit cannot be made (e.g. `k` above the row
    ///   count, an XGBoost failure).
    static func fit(_ algorithm: Algorithm, x: DesignMatrix, data: TrainingData,
                    parameters: [String: ParameterValue], seed: UInt64,
                    progress: TrainingProgress? = nil, outputNames: [String] = []) throws(LearningError) -> FittedState {
        switch algorithm {
        case .baseline:
            return .baseline(model: BaselineModel.fit(data))
        case .logistic:
            return .logistic(model: LogisticModel.fit(x, labels: data.classCodes,
                                                      classCount: data.task.classes.count,
                                                      parameters: parameters))
        case .linear:
            return .linear(model: LinearModel.fit(x, values: data.values, parameters: parameters))
        case .knn:
            return .knn(model: try NearestNeighborsModel.fit(x, data: data, parameters: parameters))
        case .bayes:
            return .bayes(model: BayesModel.fit(x, labels: data.classCodes, classCount: data.task.classes.count,
                                                parameters: parameters))
        case .boost:
            return .boost(model: try BoostModel.fit(x, data: data, featureNames: outputNames,
                                                    parameters: parameters, seed: seed, progress: progress))
        case .tree:
            return .tree(model: try TreeModel.fit(x, data: data, parameters: parameters, seed: seed))
        case .forest:
            return .forest(model: try ForestModel.fit(x, data: data, parameters: parameters, seed: seed, progress: progress))
        }
    }

    func predict(_ x: DesignMatrix, task: LearningTask) throws(LearningError) -> Predictions {
        switch self {
        case .baseline(let model): model.predict(rowCount: x.rowCount, task: task)
        case .logistic(let model): model.predict(x, classes: task.classes)
        case .linear(let model): model.predict(x)
        case .knn(let model): model.predict(x, task: task)
        case .bayes(let model): model.predict(x, classes: task.classes)
        case .boost(let model): try model.predict(x, task: task)
        case .tree(let model): try model.predict(x, task: task)
        case .forest(let model): try model.predict(x, task: task)
        }
    }

    /// What the fit decided on its own, worth a line after training (where early stopping stopped).
    func notes(_ parameters: [String: ParameterValue]) -> [String] {
        guard case .boost(let model) = self else { return [] }
        return model.notes(parameters)
    }

    /// What the user should know about the fit (e.g. no convergence).
    func warnings(_ parameters: [String: ParameterValue]) -> [String] {
        switch self {
        case .baseline, .linear, .knn, .bayes, .boost, .tree, .forest:
            return []
        case .logistic(let model):
            guard !model.converged else { return [] }
            let iterations = model.iterations == 1 ? "1 iteration" : "\(model.iterations) iterations"
            return ["logistic did not converge in \(iterations); raise max_iter or loosen tol"]
        }
    }
}
