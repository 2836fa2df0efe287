import Foundation
import Language
import Learning
import Store

/// `models`, `history NAME` and `card NAME@N`: reading the registry.
enum RegistryReports {
    static func models(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.command.slot("NAME") == nil ? nil : context.text("NAME")
        let versions: [ModelVersionRecord]
        do {
            versions = try context.store.modelVersions(name?.value)
        } catch {
            throw context.storeFailure(error, doing: "read the registry")
        }
        guard !versions.isEmpty else {
            if let name {
                let known = (try? context.store.registeredModelNames()) ?? []
                throw Diagnostic("no registered model `\(name.value)`", at: name.range,
                                 hint: Suggestion.hint(for: name.value, in: known) ?? "register one: register MODEL as \(name.value)")
            }
            context.say("no registered models yet: register MODEL as NAME")
            return .ok
        }
        let rows = versions.map { version -> [String] in
            [version.reference, version.status.rawValue, version.stage == .unstaged ? "" : version.stage.rawValue, version.algorithm,
             version.runID.map { "run \($0)" } ?? "", keyMetrics(version, context: context)]
        }
        context.emit(.table(Table(columns: [.init("version"), .init("approval"), .init("stage"), .init("algorithm"),
                                            .init("made by"), .init("key metrics")], rows: rows)))
        let names = Set(versions.map(\.name))
        context.say("\(Formatting.count(names.count, "model")), \(Formatting.count(versions.count, "version"))")
        return .ok
    }

    /// The newest evaluation of the version's artifact, else the metrics of the run that made it.
    static func keyMetrics(_ version: ModelVersionRecord, context: CommandContext) -> String {
        let evaluation = (try? context.store.runs(RunQuery(kind: .evaluate, limit: 1, artifactSHA256: version.artifactSHA256)))?.first
        let made = version.runID.flatMap { try? context.store.run(id: $0) }
        guard let run = evaluation ?? made else { return "" }
        let names = ["accuracy", "f1", "roc_auc", "r2", "rmse"].filter { run.metrics[$0] != nil }.prefix(3)
        let shown = names.map { "\($0) \(Formatting.metric(run.metrics[$0]!))" }.joined(separator: ", ")
        return shown.isEmpty ? "" : "\(shown) on \(run.data.first?.role ?? "?")\(run.kind == .evaluate ? "" : " (\(run.kind.rawValue))")"
    }

    static func history(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        let bare = String(name.value.split(separator: "@").first ?? "")
        let events: [AuditEvent]
        do {
            events = try context.store.auditTrail(bare)
        } catch {
            throw context.storeFailure(error, doing: "read the audit trail")
        }
        guard !events.isEmpty else {
            let known = (try? context.store.registeredModelNames()) ?? []
            throw Diagnostic("no registered model `\(bare)`", at: name.range,
                             hint: Suggestion.hint(for: bare, in: known) ?? (known.isEmpty ? "nothing is registered yet" : "registered: " + known.joined(separator: ", ")))
        }
        context.emit(.table(auditTable(events)))
        context.say("\(Formatting.count(events.count, "event")) in the append-only audit trail of \(bare)")
        return .ok
    }

    static func auditTable(_ events: [AuditEvent]) -> Table {
        let rows = events.map { event -> [String] in
            [String(event.id), "\(event.modelName)@\(event.version)", event.action.rawValue, stageChange(event),
             event.note ?? "", event.actor, TrackingCommands.timestamp(event.at)]
        }
        return Table(columns: [.init("#", .right), .init("version"), .init("action"), .init("stage"), .init("note"),
                               .init("who"), .init("when")], rows: rows, volatileColumns: [5: "<who>", 6: "<time>"])
    }

    private static func stageChange(_ event: AuditEvent) -> String {
        switch (event.fromStage, event.toStage) {
        case let (from?, to?) where from != to: "\(from.rawValue) → \(to.rawValue)"
        case (nil, let to?) where event.action == .refuse: "✗ \(to.rawValue)"
        default: ""
        }
    }

    static func card(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (reference, range) = try RegistryCommands.reference("NAME@N", context)
        let version = try reference.resolve(in: context.store, at: range)
        let lines = try ModelCard(version: version, context: context).lines
        if context.command.slot("PATH") != nil {
            let path = try context.text("PATH")
            try context.write(lines.map { $0.string(recorded: false) }.joined(separator: "\n") + "\n", to: path)
            context.session.values["card.written"] = .text(path.value)
            context.say("wrote the model card of \(version.reference) to \(path.value) (\(Formatting.count(lines.count, "line")))")
        } else {
            for line in lines { context.say(line) }
        }
        return .ok
    }
}
