import Foundation
import Language
import Learning
import Store

/// `train` and `evaluate`.
enum ExperimentCommands {
    static func train(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        let algorithm = try context.algorithm()
        let data = try DataCommands.learningData(context)
        let target = data.frame.targetColumn!
        let parameters = try context.algorithmParameters(excluding: ["seed", "target"])
        let seed = try context.seed()
        let started = Date()
        let model: TrainedModel
        do {
            let relay = ProgressRelay("training \(name.value) (\(algorithm.rawValue))", emit: context.emit)
            model = try Learning.train(algorithm, on: data.frame, parameters: parameters, seed: seed, progress: relay.report)
        } catch {
            throw context.placed(error)
        }
        let elapsed = Date().timeIntervalSince(started)
        let metrics = try evaluate(model, on: data, context: context)
        let artifact = try context.storeArtifact(model)
        let runID = try context.log(context.newRun(.train, algorithm: algorithm, parameters: model.parameters, seed: seed,
                                                   data: [data], metrics: metrics.dictionary, started: started,
                                                   modelName: name.value, artifact: artifact))
        context.session.add(SessionModel(name: name.value, model: model, trainedOn: data.name, dataVersion: data.version,
                                         runID: runID, artifactSHA256: artifact))
        for reason in Explanations.preprocessing(of: model, on: data.frame) { context.explain(reason) }
        if let reason = Explanations.seed(seed, given: context.command.option("seed") != nil) { context.explain(reason) }
        let features = Formatting.count(model.featureNames.count, "feature")
        let task: String = switch model.task {
        case .classification(let classes): "\(target.name) (\(Formatting.count(classes.count, "class")))"
        case .regression: "\(target.name) (regression)"
        }
        context.say(Text([.plain("trained \(name.value) = \(algorithm.rawValue) on \(data.name): \(rowsWithTarget(data.frame)), \(features) → \(task) in "),
                          Formatting.duration(elapsed)]))
        let shown = model.parameters.keys.sorted().map { "\($0)=\(model.parameters[$0]!)" } + ["seed=\(seed)"]
        context.say("params \(shown.joined(separator: " "))")
        for note in model.notes { context.say(note) }
        for warning in model.warnings { context.emit(.warning(warning)) }
        store(metrics, model: name.value, data: data.name, in: context.session)
        context.say("on \(data.name): " + metrics.entries.prefix(3).map { "\($0.name) \(Formatting.metric($0.value))" }.joined(separator: ", "))
        return .ok
    }

    static func evaluate(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let models = try context.models("NAME").models
        let data = try DataCommands.dataset("DATA", context, target: models.first?.model.target)
        let dataName = dataValueName(context, fallback: data.name)
        var results: [(String, MetricSet)] = []
        var runs: [NewRun] = []
        for model in models {
            let started = Date()
            let metrics = try evaluate(model.model, on: data, context: context)
            var artifact = model.artifactSHA256
            if artifact == nil { artifact = try context.storeArtifact(model.model) }
            runs.append(context.newRun(.evaluate, algorithm: model.model.algorithm, parameters: model.model.parameters,
                                       seed: model.model.seed, data: [data], metrics: metrics.dictionary, started: started,
                                       modelName: model.name, artifact: artifact))
            results.append((model.name, metrics))
        }
        for run in runs { _ = try context.log(run) }
        for (name, metrics) in results { store(metrics, model: name, data: dataName, in: context.session) }
        if case .classification(let classes)? = models.first?.model.task {
            context.explain("precision, recall and f1 are macro averages: computed per class and averaged, so each of the \(classes.count) classes "
                            + "counts the same however rare it is; balanced_accuracy is the mean recall per class"
                            + (classes.count > 2 ? "; roc_auc is one-vs-rest, averaged over the classes" : ""))
        }
        var metricNames: [String] = []
        for (_, metrics) in results {
            for entry in metrics.entries where !metricNames.contains(entry.name) { metricNames.append(entry.name) }
        }
        let rows = results.map { name, metrics in
            [name] + metricNames.map { metric in metrics.entries.first { $0.name == metric }.map { Formatting.metric($0.value) } ?? "" }
        }
        context.say("on \(data.name) (\(rowsWithTarget(data.frame))):")
        context.emit(.table(Table(columns: [.init("model")] + metricNames.map { .init($0, .right) }, rows: rows)))
        return .ok
    }

    /// `115 rows`, or `115 rows, 28 without ozone left out`: rows with no target value are neither learnt from nor scored.
    static func rowsWithTarget(_ frame: DataFrame) -> String {
        let rows = Formatting.count(frame.rowCount, "row")
        guard let target = frame.targetColumn, target.missingCount > 0 else { return rows }
        return "\(rows), \(target.missingCount) without \(target.name) left out"
    }

    /// The name under which metrics on the DATA slot are stored: the dataset's name, or a path's file stem.
    private static func dataValueName(_ context: CommandContext, fallback: String) -> String {
        if case .word(let name)? = context.command.slot("DATA")?.value { return name }
        return fallback
    }

    static func evaluate(_ model: TrainedModel, on data: Dataset, context: CommandContext) throws(Diagnostic) -> MetricSet {
        do {
            return try Learning.evaluate(model, on: data.frame)
        } catch {
            throw Diagnostic(error.description, at: context.command.slot("DATA")?.range)
        }
    }

    static func store(_ metrics: MetricSet, model: String, data: String, in session: Session) {
        for entry in metrics.entries {
            session.values["\(model).\(data).\(entry.name)"] = .metric(entry.value)
        }
    }

    static func parameterValue(_ value: Value) -> ParameterValue {
        switch value {
        case .number(let number, let text):
            text.contains(".") || text.contains("e") || text.contains("E") || text.hasSuffix("%") || number != number.rounded()
                ? .double(number) : .int(Int(number))
        case .bool(let flag): .bool(flag)
        case .word(let text), .string(let text): .string(text)
        case .list(let items): .string(items.map(\.description).joined(separator: ","))
        case .parameter(let name): .string("$" + name)
        }
    }
}
