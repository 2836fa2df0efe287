import Foundation
import Language
import Learning
import Store

/// `cv` and `tune`.
enum CrossValidationCommands {
    static func cv(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let algorithm = try context.algorithm()
        let data = try DataCommands.learningData(context)
        let folds = try context.integer("folds") ?? 5
        let seed = try context.seed()
        let parameters = try context.algorithmParameters(excluding: ["folds", "seed", "target"])
        let started = Date()
        let result: CrossValidation
        do {
            let relay = ProgressRelay("cv \(algorithm.rawValue) (\(folds) folds)", emit: context.emit)
            result = try crossValidate(algorithm, on: data.frame, parameters: parameters, folds: folds, seed: seed,
                                       progress: relay.report)
        } catch {
            throw context.placed(error)
        }
        let names = result.folds.first?.names ?? []
        let classification = data.frame.targetColumn.map { $0.kind != .numeric } ?? false
        context.explain(Explanations.stratification(classification, frame: data.frame, what: "each of the \(folds) folds"))
        if let reason = Explanations.seed(seed, given: context.command.option("seed") != nil) { context.explain(reason) }
        context.say(Text([.plain("\(folds)-fold cross-validation of \(algorithm.rawValue) on \(data.name) (\(ExperimentCommands.rowsWithTarget(data.frame)), seed \(seed)) in "),
                          Formatting.duration(Date().timeIntervalSince(started))]))
        let rows = names.map { name -> [String] in
            let perFold = result.folds.map { $0[name].map(Formatting.metric) ?? "" }
            return [name, Formatting.metric(result.mean(name) ?? .nan), "± " + Formatting.metric(result.standardDeviation(name) ?? .nan)] + perFold
        }
        context.emit(.table(Table(columns: [.init("metric"), .init("mean", .right), .init("std", .right)]
                                  + (1...result.folds.count).map { .init("fold \($0)", .right) }, rows: rows)))
        var metrics: [String: Double] = [:]
        for name in names {
            metrics[name] = result.mean(name)
            metrics[name + "_std"] = result.standardDeviation(name)
        }
        var run = context.newRun(.cv, algorithm: algorithm, parameters: result.parameters, seed: seed,
                                 data: [data], metrics: metrics, started: started)
        run.parameters["folds"] = String(folds)
        _ = try context.log(run)
        for name in names {
            context.session.values["cv.\(name)"] = result.mean(name).map(SessionValue.metric)
            context.session.values["cv.\(name).std"] = result.standardDeviation(name).map(SessionValue.metric)
        }
        return .ok
    }

    static func tune(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        let algorithm = try context.algorithm()
        let data = try DataCommands.learningData(context)
        let target = data.frame.targetColumn!
        let task: LearningTask = target.kind == .numeric ? .regression : .classification(classes: [])
        let metric = try MetricDirection.metric(context, task: task)
        let folds = try context.integer("folds") ?? 5
        let seed = try context.seed()
        let grid = try Grid(context, excluding: ["folds", "seed", "by", "target"])
        guard !grid.keys.isEmpty else {
            throw Diagnostic("`tune` needs at least one parameter with values to try", at: context.command.range,
                             hint: "for example: tune best = \(algorithm.rawValue) on \(data.name) \(algorithm.parameters.first.map { "\($0.name)=[..]" } ?? "PARAM=[..]")")
        }
        let started = Date()
        var scored: [(parameters: [String: ParameterValue], mean: Double, std: Double)] = []
        var children: [NewRun] = []
        let combinations = grid.combinations
        for (index, combination) in combinations.enumerated() {
            context.emit(.progress("tune \(index + 1)/\(combinations.count)", Double(index) / Double(combinations.count)))
            do {
                let childStarted = Date()
                let result = try crossValidate(algorithm, on: data.frame, parameters: combination, folds: folds, seed: seed)
                scored.append((combination, result.mean(metric) ?? .nan, result.standardDeviation(metric) ?? .nan))
                var metrics: [String: Double] = [:]
                for name in result.folds.first?.names ?? [] {
                    metrics[name] = result.mean(name)
                    metrics[name + "_std"] = result.standardDeviation(name)
                }
                var child = context.newRun(.cv, algorithm: algorithm, parameters: result.parameters, seed: seed,
                                           data: [data], metrics: metrics, started: childStarted)
                child.parameters["folds"] = String(folds)
                children.append(child)
            } catch {
                throw context.placed(error)
            }
        }
        let bestIndex = scored.indices.reduce(0) { best, index in
            MetricDirection.isBetter(scored[index].mean, than: scored[best].mean, metric: metric) ? index : best
        }
        let rows = scored.enumerated().map { index, entry in
            grid.keys.map { entry.parameters[$0]?.description ?? "" }
                + [Formatting.metric(entry.mean), "± " + Formatting.metric(entry.std), index == bestIndex ? "best" : ""]
        }
        context.say("\(combinations.count) combinations × \(folds) folds of \(algorithm.rawValue) on \(data.name), by \(metric) (seed \(seed)):")
        context.emit(.table(Table(columns: grid.keys.map { .init($0) } + [.init(metric, .right), .init("std", .right), .init("")], rows: rows)))
        let best = scored[bestIndex].parameters
        let model: TrainedModel
        do {
            model = try Learning.train(algorithm, on: data.frame, parameters: best, seed: seed)
        } catch {
            throw context.placed(error)
        }
        let artifact = try context.storeArtifact(model)
        var parent = context.newRun(.tune, algorithm: algorithm, parameters: model.parameters, seed: seed, data: [data],
                                    metrics: [metric: scored[bestIndex].mean, metric + "_std": scored[bestIndex].std],
                                    started: started, modelName: name.value, artifact: artifact)
        parent.parameters["by"] = metric
        parent.parameters["folds"] = String(folds)
        let runID: Int64
        do {
            runID = try context.store.logRuns(parent: parent, children: children).parent
            context.session.lastRunID = runID
        } catch {
            throw context.storeFailure(error, doing: "log the tuning runs")
        }
        context.session.add(SessionModel(name: name.value, model: model, trainedOn: data.name, dataVersion: data.version,
                                         runID: runID, artifactSHA256: artifact))
        context.session.values["\(name.value).cv.\(metric)"] = .metric(scored[bestIndex].mean)
        let shown = grid.keys.map { "\($0)=\(best[$0]!)" }.joined(separator: " ")
        context.say("\(name.value) = \(algorithm.rawValue) \(shown), refit on all of \(data.name)")
        return .ok
    }
}

/// The values to try for each parameter of `tune`, in the order written.
struct Grid {
    var keys: [String] = []
    var values: [[ParameterValue]] = []

    init(_ context: CommandContext, excluding own: Set<String>) throws(Diagnostic) {
        for option in context.command.options where !own.contains(option.key) {
            guard let value = try context.option(option.key)?.value else { continue }
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = [value] }
            if items.isEmpty {
                throw Diagnostic("option `\(option.key)` has an empty list of values", at: option.valueRange, hint: "give at least one value: \(option.key)=[...]")
            }
            let parameters = items.map(ExperimentCommands.parameterValue)
            if let repeated = parameters.indices.first(where: { parameters[..<$0].contains(parameters[$0]) }) {
                throw Diagnostic("option `\(option.key)` lists \(items[repeated]) twice; expected each value once",
                                 at: option.valueRange)
            }
            keys.append(option.key)
            values.append(parameters)
        }
    }

    /// Every combination, the first parameter varying slowest.
    var combinations: [[String: ParameterValue]] {
        var result: [[String: ParameterValue]] = [[:]]
        for (key, options) in zip(keys, values) {
            result = result.flatMap { partial in options.map { value in partial.merging([key: value]) { $1 } } }
        }
        return result
    }
}
