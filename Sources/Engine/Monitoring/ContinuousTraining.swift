import Foundation
import Language
import Learning
import Store

/// Continuous training: `alert NAME when EXPR then retrain on DATA` rules that fire after an `observe`,
/// and `retrain NAME on DATA` by hand. Both train production's algorithm with its params and seed on the
/// new data, register the result, gate it against production on the batch, and promote it only when it
/// beats production (approving it on the gate's evidence); every step is in the audit trail.
enum ContinuousTraining {
    static func alert(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.bareModelName("NAME")
        let latest = try RegistryReference(name: name.value, selector: .latest, text: name.value).resolve(in: context.store, at: name.range)
        guard let expression = context.command.slot("EXPR"), let text = expression.value.text else {
            throw Diagnostic("`alert` needs a condition after `when`", at: context.command.range)
        }
        let model = try context.registeredModel(latest, at: name.range)
        let vocabulary = AlertCondition.Vocabulary(features: model.model.featureNames + ["prediction"],
                                                   metrics: MetricDirection.known(for: model.model.task))
        let condition = try AlertCondition(text, model: name.value, vocabulary: vocabulary, at: expression.range)
        let data = try DataCommands.dataset("DATA", context)
        guard data.frame.column(named: model.model.target) != nil else {
            throw Diagnostic("\(data.name) has no column \(model.model.target) for retraining \(name.value)",
                             at: context.command.slot("DATA")?.range)
        }
        let metric = context.command.option("by") == nil ? (condition.qualityMetric ?? MetricDirection.defaultMetric(for: model.model.task))
            : try MetricDirection.metric(context, task: model.model.task)
        let withBatch = try context.flag("with_batch") ?? false
        let options = #"{"by":"\#(metric)","with_batch":\#(withBatch)}"#
        let rule: AlertRuleRecord
        do {
            rule = try context.store.recordAlertRule(model: name.value, condition: condition.text, dataLabel: data.name,
                                                     dataRecipe: data.recipe.json, options: options, actor: context.session.actor)
        } catch {
            throw context.storeFailure(error, doing: "record the alert")
        }
        context.say("alert \(rule.id) on \(name.value): after each observe, when \(condition.text), retrain on \(data.name)"
                    + " (\(Formatting.count(data.frame.rowCount, "row")))" + (withBatch ? " plus a seeded half of the batch" : "") + "; "
                    + "promote only if \(metric) on the batch\(withBatch ? "'s other half" : "") beats production's")
        return .ok
    }

    static func retrain(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.bareModelName("NAME")
        let data = try DataCommands.dataset("DATA", context)
        let production = try RegistryReference(name: name.value, selector: .stage(.production), text: name.value + "@production")
            .resolve(in: context.store, at: name.range)
        let task = try context.registeredModel(production, at: name.range).model.task
        let metric = try MetricDirection.metric(context, task: task)
        let gate = try latestBatchWithTarget(name.value, context: context)
        try run(context, name: name.value, training: data, gate: gate, withBatch: try context.flag("with_batch") ?? false,
                metric: metric, trigger: "retrained by hand on \(data.name)")
        return .ok
    }

    /// Checks the model's rules after batch `number`; the first that holds retrains, gated on this batch.
    static func fireAlerts(_ context: CommandContext, model: String, batch: Dataset, batchNumber: Int) throws(Diagnostic) {
        let rules: [AlertRuleRecord]
        do {
            rules = try context.store.alertRules(model)
        } catch {
            throw context.storeFailure(error, doing: "read the alerts of \(model)")
        }
        var fired = false
        for rule in rules {
            guard let condition = try? AlertCondition(rule.condition, model: model, at: nil) else { continue }
            let readings = condition.readings(in: context.session.values)
            guard condition.holds(in: context.session.values) else {
                context.say("alert \(rule.id) (\(rule.condition)) did not fire: \(readings)")
                continue
            }
            if fired {
                context.say("alert \(rule.id) (\(rule.condition)) holds too: \(readings); one retraining per batch")
                continue
            }
            fired = true
            context.say("alert \(rule.id) fired: \(rule.condition) (\(readings))")
            context.explain("alert \(rule.id) fired because its rule \(rule.condition) held on this batch (\(readings)); an alert retrains at most once per batch")
            let options = (try? JSONSerialization.jsonObject(with: Data(rule.options.utf8))) as? [String: Any] ?? [:]
            let training = try rebuilt(label: rule.dataLabel, recipe: rule.dataRecipe, target: batch.frame.target, context: context)
            try run(context, name: model, training: training, gate: batch, withBatch: options["with_batch"] as? Bool ?? false,
                    metric: options["by"] as? String,
                    trigger: "retrained by alert \(rule.id) (\(rule.condition)) after batch \(batchNumber), \(batch.name)")
        }
    }

    /// Retrains production's algorithm on `training` (plus `gate` with `withBatch`), registers it, and
    /// promotes it only if it beats production on `gate`: a tie stays pending, like a worse version.
    static func run(_ context: CommandContext, name: String, training: Dataset, gate: Dataset?, withBatch: Bool,
                    metric: String?, trigger: String) throws(Diagnostic) {
        let range = context.command.slot("NAME")?.range
        let production = try RegistryReference(name: name, selector: .stage(.production), text: name + "@production")
            .resolve(in: context.store, at: range)
        let current = try context.registeredModel(production, at: range)
        var data = training
        var gate = gate
        if withBatch {
            guard let batch = gate else {
                throw Diagnostic("with_batch=true needs an observed batch with the target \(current.model.target)", at: range)
            }
            let (learn, holdout) = try halves(of: batch, task: current.model.task, context: context)
            data = try combined(training, learn, context: context)
            gate = holdout
            context.say("with_batch: \(Formatting.count(learn.frame.rowCount, "row")) of \(batch.name) (a seeded half, seed \(context.session.seed)) "
                        + "join the training data; the gate compares on the other \(holdout.frame.rowCount), which the new version never saw")
        }
        guard data.frame.column(named: current.model.target) != nil else {
            throw Diagnostic("\(data.name) has no column \(current.model.target) to learn", at: context.command.slot("DATA")?.range)
        }
        data.frame.target = current.model.target
        let started = Date()
        let model: TrainedModel
        do {
            let relay = ProgressRelay("retraining \(name) (\(current.model.algorithm.rawValue))", emit: context.emit)
            model = try Learning.train(current.model.algorithm, on: data.frame, parameters: current.model.parameters,
                                       seed: current.model.seed, progress: relay.report)
        } catch {
            throw Diagnostic("cannot retrain \(name) on \(data.name): \(error.message)", at: context.command.slot("DATA")?.range ?? range)
        }
        let elapsed = Date().timeIntervalSince(started)
        let artifact = try context.storeArtifact(model)
        let trainingMetrics = (try? Learning.evaluate(model, on: data.frame))?.dictionary ?? [:]
        let runID = try context.log(context.newRun(.train, algorithm: model.algorithm, parameters: model.parameters, seed: model.seed,
                                                   data: [data], metrics: trainingMetrics, started: started,
                                                   modelName: name, artifact: artifact))
        let version: ModelVersionRecord
        do {
            version = try context.store.register(NewModelVersion(name: name, artifactSHA256: artifact, algorithm: model.algorithm.rawValue,
                                                                 runID: runID, actor: context.session.actor, note: trigger))
        } catch {
            throw context.storeFailure(error, doing: "register the retrained model")
        }
        context.say(Text([.plain("retrained \(name) as \(version.reference): \(model.algorithm.rawValue) with \(production.reference)'s params and seed on \(data.name) (\(Formatting.count(data.frame.rowCount, "row"))) in "),
                          Formatting.duration(elapsed), .plain(", run \(runID)")]))
        guard let gate, gate.frame.column(named: current.model.target).map({ $0.missingCount < $0.count }) == true else {
            context.say("no observed batch with the target \(current.model.target) to gate on: \(version.reference) stays pending for review")
            return
        }
        let candidate = SessionModel(name: version.reference, model: model, trainedOn: data.name, dataVersion: data.version,
                                     runID: runID, artifactSHA256: artifact)
        let metric = metric ?? MetricDirection.defaultMetric(for: model.task)
        let verdict = try Gate.compare(candidate, as: version.reference, with: current, as: production.reference,
                                       metric: metric, on: gate, mustBeat: true, at: context.command.range, context: context)
        for run in verdict.evaluations { _ = try context.log(run) }
        let passed = verdict.passed, summary = verdict.summary
        context.say("gate: \(summary)")
        context.explain("the retrained version keeps production's algorithm, parameters and seed, so only the data changed; "
                        + "the gate scores both on \(gate.name), rows the new version never trained on, by \(metric), and "
                        + (passed ? "it beat production, so it was approved on that evidence and promoted"
                               : "it did not beat production, so it stays pending for a person to review and production is unchanged"))
        do {
            guard passed else {
                try context.store.recordRefusal(name, version: version.version, to: .production, actor: context.session.actor,
                                                note: "gate: \(summary)")
                context.say("gate refused \(version.reference): it does not beat \(production.reference), so it stays pending for review; "
                            + "\(production.reference) stays in production")
                return
            }
            try context.store.approve(name, version: version.version, actor: context.session.actor,
                                      note: "continuous training: the gate passed (\(summary))")
            let promotion = try context.store.promote(name, version: version.version, to: .production, actor: context.session.actor,
                                                      note: "gate: \(summary)", expectedProduction: .some(production.version))
            context.say("approved \(version.reference) on the gate's evidence; promoted it to production"
                        + (promotion.archived.map { "; \($0.reference) archived" } ?? ""))
            let baseline = try MonitorBaseline(model: model, data: data.frame)
            try context.store.recordBaseline(model: name, version: version.version, baseline: try baseline.jsonData(),
                                             datasetSHA256: data.version, datasetLabel: data.name, rows: data.frame.rowCount,
                                             actor: context.session.actor)
            context.say("monitoring \(version.reference) now, against a new baseline from \(data.name) (\(Formatting.count(data.frame.rowCount, "row")))")
        } catch {
            throw context.storeFailure(error, doing: "record the decision on \(version.reference)")
        }
    }

    /// The batch split in two seeded halves (stratified for a classifier): one to learn from, one to gate on.
    private static func halves(of batch: Dataset, task: LearningTask, context: CommandContext) throws(Diagnostic)
        -> (learn: Dataset, holdout: Dataset) {
        let seed = context.session.seed
        let stratify = task.isClassification
        let parts: (first: DataFrame, second: DataFrame)
        do {
            parts = try Splitter.split(batch.frame, ratio: 0.5, seed: seed, stratify: stratify)
        } catch {
            throw Diagnostic("cannot split \(batch.name) for with_batch: \(error.message)", at: context.command.range)
        }
        var made: [Dataset] = []
        for (part, (suffix, frame)) in [("learn", parts.first), ("gate", parts.second)].enumerated() {
            let dataset = Dataset(name: "\(batch.name).\(suffix)", frame: frame, version: frame.contentHash(),
                                  origin: .derived(from: [batch.name], how: "half \(part + 1) seed \(seed)"),
                                  recipe: .split(of: batch.recipe, ratio: 0.5, seed: seed, stratify: stratify, part: part))
            do {
                try context.store.recordDatasetVersion(DatasetVersionRecord(
                    sha256: dataset.version, rows: frame.rowCount, columns: frame.columns.count, target: frame.target,
                    origin: "half \(part + 1) (seed \(seed)) of \(batch.name)", parents: [batch.version]))
            } catch {
                throw context.storeFailure(error, doing: "record the halves of \(batch.name)")
            }
            made.append(dataset)
        }
        return (made[0], made[1])
    }

    /// `training`'s rows and then the batch's, as one recorded dataset.
    private static func combined(_ training: Dataset, _ batch: Dataset, context: CommandContext) throws(Diagnostic) -> Dataset {
        let frame = try RowFilter.concatenate([training.frame, batch.frame], at: context.command.range)
        let dataset = Dataset(name: "\(training.name)+\(batch.name)", frame: frame, version: frame.contentHash(),
                              origin: .derived(from: [training.name, batch.name], how: "rows of"),
                              recipe: .concatenation([training.recipe, batch.recipe]))
        do {
            try context.store.recordDatasetVersion(DatasetVersionRecord(
                sha256: dataset.version, rows: frame.rowCount, columns: frame.columns.count, target: frame.target,
                origin: "rows of \(training.name) then \(batch.name)", parents: [training.version, batch.version]))
        } catch {
            throw context.storeFailure(error, doing: "record the combined training data")
        }
        return dataset
    }

    /// The newest observed batch of `model` that had the target, rebuilt from the store.
    private static func latestBatchWithTarget(_ model: String, context: CommandContext) throws(Diagnostic) -> Dataset? {
        guard let batch = try context.batches(of: model).last(where: \.hasTarget) else { return nil }
        let observed = try context.observed(batch, at: context.command.range)
        return try rebuilt(label: batch.datasetLabel, recipe: observed.recipe.json, target: observed.target, context: context)
    }

    private static func rebuilt(label: String, recipe json: String, target: String?, context: CommandContext) throws(Diagnostic) -> Dataset {
        do {
            let recipe = try DataRecipe(json: json)
            var frame = try recipe.rebuild(from: context.store)
            if frame.target == nil, let target, frame.column(named: target) != nil { frame.target = target }
            let version: String = if case .file(let sha256, _, _, _) = recipe { sha256 } else { frame.contentHash() }
            return Dataset(name: label, frame: frame, version: version, origin: .derived(from: [label], how: "snapshot"), recipe: recipe)
        } catch {
            throw Diagnostic("cannot rebuild \(label) from the store: \(error)", at: context.command.range)
        }
    }
}

extension CommandContext {
    /// A registered model's name, refusing NAME@N where the command works on the model as a whole.
    func bareModelName(_ slot: String) throws(Diagnostic) -> Located<String> {
        let located = try text(slot)
        guard !located.value.contains("@") else {
            throw Diagnostic("`\(command.name)` takes a model name, not a version", at: located.range,
                             hint: "\(command.name) \(located.value.split(separator: "@").first ?? "") ...")
        }
        return located
    }
}
