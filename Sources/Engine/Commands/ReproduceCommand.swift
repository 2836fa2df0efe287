import Foundation
import Language
import Learning
import Store

/// `reproduce run N`: redo a run from the store alone and check that the result is identical.
enum ReproduceCommand {
    static func reproduce(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let run = try TrackingCommands.record(context)
        let range = context.command.slot("RUN")?.range
        guard let algorithm = Algorithm(rawValue: run.algorithm) else {
            throw Diagnostic("run \(run.id) used algorithm `\(run.algorithm)`, which this mlw does not have", at: range)
        }
        guard let data = run.data.first else { throw Diagnostic("run \(run.id) recorded no data", at: range) }
        let frame = try rebuild(data, run: run, at: range, context: context)
        let known = Set(algorithm.parameters.map(\.name))
        let parameters: [String: ParameterValue]
        let seed = run.seed ?? 0
        do {
            parameters = try algorithm.parameterValues(fromText: run.parameters.filter { known.contains($0.key) })
        } catch {
            throw Diagnostic("run \(run.id) has parameters this mlw cannot read: \(error)", at: range)
        }
        let started = Date()
        let what = "run \(run.id) (\(run.kind.rawValue) \(algorithm.rawValue) on \(data.role))"
        switch run.kind {
        case .train, .tune:
            guard let original = run.artifactSHA256 else { throw Diagnostic("\(what) stored no model artifact", at: range) }
            let model: TrainedModel
            let now: String
            do {
                let relay = ProgressRelay("reproducing run \(run.id)", emit: context.emit)
                model = try Learning.train(algorithm, on: frame, parameters: parameters, seed: seed, progress: relay.report)
                now = Store.sha256(try model.jsonData())
            } catch {
                throw Diagnostic("\(what) failed to retrain: \(error)", at: range)
            }
            context.say(Text([.plain("retrained \(what) from its snapshot sha256:\(data.sha256.prefix(12)), seed \(seed) in "),
                              Formatting.duration(Date().timeIntervalSince(started))]))
            guard now == original else {
                throw Diagnostic("\(what) did not reproduce: artifact sha256:\(original) before, sha256:\(now) now", at: range)
            }
            context.say("artifact sha256:\(now) is identical: run \(run.id) reproduces")
        case .cv:
            let folds = run.parameters["folds"].flatMap { Int($0) } ?? 5
            let result: CrossValidation
            do {
                result = try crossValidate(algorithm, on: frame, parameters: parameters, folds: folds, seed: seed)
            } catch {
                throw Diagnostic("\(what) failed to run again: \(error)", at: range)
            }
            var metrics: [String: Double] = [:]
            for name in result.folds.first?.names ?? [] {
                metrics[name] = result.mean(name)
                metrics[name + "_std"] = result.standardDeviation(name)
            }
            try compare(run.metrics, metrics, what: what, at: range, context: context, started: started)
        case .evaluate:
            guard let artifact = run.artifactSHA256 else { throw Diagnostic("\(what) stored no model artifact", at: range) }
            let metrics: MetricSet
            do {
                let model = try TrainedModel(jsonData: try context.store.object(sha256: artifact))
                metrics = try Learning.evaluate(model, on: frame)
            } catch {
                throw Diagnostic("\(what) failed to evaluate again: \(error)", at: range)
            }
            try compare(run.metrics, metrics.dictionary.filter { $0.value.isFinite }, what: what, at: range, context: context, started: started)
        }
        context.session.values["reproduce.run"] = .count(Int(run.id))
        context.session.values["reproduce.kind"] = .text(run.kind.rawValue)
        context.session.values["reproduce.identical"] = .flag(true)
        return .ok
    }

    /// The run's data rebuilt from the store's snapshots, checked against the recorded version.
    private static func rebuild(_ data: RunDataRef, run: RunRecord, at range: SourceRange?,
                                context: CommandContext) throws(Diagnostic) -> DataFrame {
        guard let json = data.recipe, let recipe = try? DataRecipe(json: json) else {
            throw Diagnostic("run \(run.id) did not record how to rebuild its data \(data.role)", at: range)
        }
        let frame: DataFrame
        do {
            frame = try recipe.rebuild(from: context.store)
        } catch {
            throw Diagnostic("cannot rebuild \(data.role) of run \(run.id) from the store: \(error)", at: range)
        }
        if !recipe.isFile, frame.contentHash() != data.sha256 {
            throw Diagnostic("the rebuilt \(data.role) of run \(run.id) has version sha256:\(frame.contentHash()), not sha256:\(data.sha256)", at: range)
        }
        return frame
    }

    private static func compare(_ before: [String: Double], _ now: [String: Double], what: String, at range: SourceRange?,
                                context: CommandContext, started: Date) throws(Diagnostic) {
        context.say(Text([.plain("ran \(what) again from its snapshot in "), Formatting.duration(Date().timeIntervalSince(started))]))
        let differing = before.keys.sorted().filter { now[$0] != before[$0] }
        guard differing.isEmpty else {
            let list = differing.map { "\($0) \(before[$0].map(Formatting.metric) ?? "-") before, \(now[$0].map(Formatting.metric) ?? "-") now" }
            throw Diagnostic("\(what) did not reproduce: " + list.joined(separator: "; "), at: range)
        }
        context.say("all \(before.count) metrics are identical: run \(what.split(separator: " ")[1]) reproduces")
    }
}
