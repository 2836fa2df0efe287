import Language
import Learning

/// Which way a metric improves, and which metric decides when none is named.
enum MetricDirection {
    static let lowerIsBetter: Set<String> = ["rmse", "mae", "log_loss"]

    static func isBetter(_ a: Double, than b: Double, metric: String) -> Bool {
        lowerIsBetter.contains(metric) ? a < b : a > b
    }

    static func defaultMetric(for task: LearningTask) -> String {
        task.isClassification ? "accuracy" : "r2"
    }

    /// The metrics `evaluate` reports for this task.
    static func known(for task: LearningTask) -> [String] {
        task.isClassification
            ? ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"]
            : ["rmse", "mae", "r2"]
    }

    /// The `by=` metric, checked against the metrics this task produces.
    static func metric(_ context: CommandContext, task: LearningTask) throws(Diagnostic) -> String {
        guard let by = try context.option("by") else { return defaultMetric(for: task) }
        let name = by.value.text ?? ""
        let known = known(for: task)
        guard known.contains(name) else {
            throw Diagnostic("unknown metric `\(name)` for \(task.isClassification ? "classification" : "regression")", at: by.range,
                             hint: Suggestion.hint(for: name, in: known) ?? "metrics: " + known.joined(separator: ", "))
        }
        return name
    }
}

extension CommandContext {
    /// The algorithm parameters written as options (everything but the command's own options).
    func algorithmParameters(excluding own: Set<String>) throws(Diagnostic) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        for option in command.options where !own.contains(option.key) {
            guard let value = try self.option(option.key) else { continue }
            parameters[option.key] = ExperimentCommands.parameterValue(value.value)
        }
        return parameters
    }

    /// A model named in a slot, with a suggestion when it is unknown.
    func model(_ slot: String) throws(Diagnostic) -> SessionModel {
        let located = try text(slot)
        return try model(named: located.value, at: located.range)
    }

    /// The models of a comma-separated list slot, in order, and where the list stands.
    func models(_ slot: String) throws(Diagnostic) -> (models: [SessionModel], range: SourceRange) {
        guard let located = command.slot(slot), case .list(let names) = located.value else {
            throw Diagnostic("`\(command.name)` needs model names", at: command.range)
        }
        var models: [SessionModel] = []
        for case .word(let name) in names { models.append(try model(named: name, at: located.range)) }
        return (models, located.range)
    }

    private func model(named name: String, at range: SourceRange) throws(Diagnostic) -> SessionModel {
        if let reference = try RegistryReference.parse(name, at: range) {
            return try registeredModel(reference, at: range)
        }
        guard let model = session.models[name] else {
            let known = session.modelOrder
            throw Diagnostic("unknown model `\(name)`", at: range,
                             hint: Suggestion.hint(for: name, in: known)
                                ?? (known.isEmpty ? "train one first: train NAME = ALGO on DATA" : "models: " + known.joined(separator: ", ")))
        }
        return model
    }

    func algorithm(_ slot: String = "ALGO") throws(Diagnostic) -> Algorithm {
        let name = try text(slot)
        guard let algorithm = Algorithm(rawValue: name.value) else {
            throw Diagnostic("unknown algorithm `\(name.value)`", at: name.range)
        }
        return algorithm
    }

    /// A learning error placed on the option it names, or on the DATA slot.
    func placed(_ error: LearningError) -> Diagnostic {
        let range = command.options.first { error.message.contains("`\($0.key)`") }?.valueRange ?? command.slot("DATA")?.range
        return Diagnostic(error.description, at: range)
    }
}
