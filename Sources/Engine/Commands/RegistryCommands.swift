import Foundation
import Language
import Learning
import Store

/// `register`, `approve`, `reject`, `promote` and `rollback`: governed changes to the model registry.
enum RegistryCommands {
    static func register(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let model = try context.model("MODEL")
        let name = try context.text("NAME")
        let note = try context.string("note")
        try checkSchema(of: model, registeringAs: name, context)
        let artifact = try context.storeArtifact(model.model)
        let version: ModelVersionRecord
        do {
            version = try context.store.register(NewModelVersion(
                name: name.value, artifactSHA256: artifact, algorithm: model.model.algorithm.rawValue,
                runID: model.runID, actor: context.session.actor, note: note))
        } catch {
            throw Diagnostic("cannot register \(model.name) as \(name.value): \(error)", at: name.range)
        }
        let from = model.runID.map { " from run \($0)" } ?? ""
        context.say("registered \(model.name) as \(version.reference) (\(version.algorithm)\(from)): pending approval")
        return .ok
    }

    /// Refuses a model that would break the callers of the name it joins: another task or target than its latest
    /// version, or a feature column that version did not need.
    private static func checkSchema(of model: SessionModel, registeringAs name: Located<String>,
                                    _ context: CommandContext) throws(Diagnostic) {
        let latest: ModelVersionRecord?
        do {
            latest = try context.store.latestModelVersion(name.value)
        } catch {
            throw context.storeFailure(error, doing: "read the registry")
        }
        guard let latest else { return }
        let registered = try context.registeredModel(RegistryReference(name: latest.name, selector: .version(latest.version), text: latest.reference),
                                                     at: name.range)
        let differences = RegisteredSchema(registered.model).breakingChanges(in: RegisteredSchema(model.model))
        guard !differences.isEmpty else { return }
        throw Diagnostic("cannot register \(model.name) as \(name.value): it would break the callers of \(latest.reference): "
                         + differences.joined(separator: "; "), at: name.range,
                         hint: "clients of \(name.value) rely on its versions' task, target and columns; register it under another name")
    }

    static func approve(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        try decide(context, approve: true)
    }

    static func reject(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        try decide(context, approve: false)
    }

    private static func decide(_ context: CommandContext, approve: Bool) throws(Diagnostic) -> Interpreter.Outcome {
        let (reference, range) = try self.reference("NAME@N", context)
        let note = try context.string("note")
        if !approve, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw Diagnostic("a rejection needs its reason", at: context.command.range,
                             hint: "reject \(reference.text) note=\"why it must not ship\"")
        }
        let version = try reference.resolve(in: context.store, at: range)
        let decided: ModelVersionRecord
        do {
            decided = approve
                ? try context.store.approve(version.name, version: version.version, actor: context.session.actor, note: note)
                : try context.store.reject(version.name, version: version.version, actor: context.session.actor, note: note)
        } catch {
            throw Diagnostic("cannot \(approve ? "approve" : "reject") \(version.reference): \(error)", at: range)
        }
        context.say(Text([.plain("\(decided.status.rawValue) \(decided.reference) by "), actor(context)]))
        return .ok
    }

    static func promote(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (reference, range) = try self.reference("NAME@N", context)
        guard let stageText = context.command.slot("STAGE")?.value.text, let stage = Stage(rawValue: stageText) else {
            throw Diagnostic("`promote` needs a stage: staging or production", at: context.command.range)
        }
        let note = try context.string("note")
        let candidate = try reference.resolve(in: context.store, at: range)
        guard candidate.status == .approved else {
            throw Diagnostic("cannot promote \(candidate.reference): it is \(candidate.status.rawValue); only approved versions can be promoted",
                             at: range, hint: candidate.status == .pending ? "approve \(candidate.reference) note=\"...\"" : "register the model again for a new decision")
        }
        let production: ModelVersionRecord?
        do {
            production = try context.store.modelVersion(candidate.name, stage: .production)
        } catch {
            throw context.storeFailure(error, doing: "read the registry")
        }
        var verdict: Gate?
        if let gate = try context.option("gate") {
            let checked = try Gate.evaluate(gate, candidate: candidate, production: production, context: context)
            context.explain("the gate scores the candidate and the production version on the same rows and lets the candidate through only "
                            + "when it is at least as good: \(checked.summary)" + (checked.passed ? "" : "; so nothing was promoted"))
            guard checked.passed else {
                do {
                    try context.store.recordRefusal(candidate.name, version: candidate.version, to: stage,
                                                    actor: context.session.actor, note: "gate: " + checked.summary)
                } catch {
                    throw context.storeFailure(error, doing: "audit the refused promotion")
                }
                throw Diagnostic("gate refused \(candidate.reference) for \(stage.rawValue): \(checked.summary)", at: gate.range,
                                 hint: "the stages did not change (the refusal is in `history`); improve the model, or promote without a gate after a review")
            }
            verdict = checked
        }
        let gateNote = verdict?.summary
        let promotion: Promotion
        do {
            promotion = try context.store.promote(candidate.name, version: candidate.version, to: stage, actor: context.session.actor,
                                                  note: [gateNote, note].compactMap { $0 }.joined(separator: "; ").nilIfEmpty,
                                                  expectedProduction: gateNote == nil ? .none : .some(production?.version))
        } catch {
            throw Diagnostic("cannot promote \(candidate.reference): \(error)", at: range)
        }
        for run in verdict?.evaluations ?? [] { _ = try context.log(run) }
        var line = "promoted \(promotion.promoted.reference) to \(stage.rawValue)"
        if let archived = promotion.archived { line += "; \(archived.reference) archived" }
        context.say(line)
        if let ended = promotion.endedDeployment { context.say("deployment of \(candidate.name): \(ended.summary)") }
        if let gateNote { context.say("gate: \(gateNote)") }
        return .ok
    }

    static func rollback(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        guard !name.value.contains("@") else {
            throw Diagnostic("`rollback` takes a model name, not a version", at: name.range,
                             hint: "rollback \(name.value.split(separator: "@").first ?? "")")
        }
        let note = try context.string("note")
        let outcome: RollbackOutcome
        do {
            outcome = try context.store.rollbackDeployment(name.value, actor: context.session.actor, note: note)
        } catch {
            throw Diagnostic("cannot roll back \(name.value): \(error)", at: name.range)
        }
        switch outcome {
        case .rolloutEnded(let deployment):
            context.say("rolled back the rollout of \(name.value): \(deployment.summary)")
        case .productionRestored(let result):
            context.say("rolled back \(name.value): \(result.restored.reference) is in production again; \(result.retired.reference) archived")
            if let ended = result.endedDeployment { context.say("deployment of \(name.value): \(ended.summary)") }
        }
        return .ok
    }

    /// A `NAME@VERSION|STAGE` slot; a bare name is an error that shows the versions to choose from.
    static func reference(_ slot: String, _ context: CommandContext) throws(Diagnostic) -> (RegistryReference, SourceRange) {
        let located = try context.text(slot)
        guard let reference = try RegistryReference.parse(located.value, at: located.range) else {
            let latest = try? context.store.latestModelVersion(located.value)
            throw Diagnostic("`\(context.command.name)` needs a registered version such as \(located.value)@\(latest?.version ?? 1)",
                             at: located.range,
                             hint: latest == nil ? "register a model first: register MODEL as \(located.value)" : "`models \(located.value)` lists its versions")
        }
        return (reference, located.range)
    }

    /// Who decided: shown as is, recorded as `<who>` so replays by someone else compare equal.
    static func actor(_ context: CommandContext) -> Segment {
        .volatile(shown: context.session.actor, recorded: "<who>")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
