import Foundation
import GRDB

/// The model registry: versions, approval decisions, stages and the audit trail that records each of them.
///
/// Every change is one IMMEDIATE transaction that also appends its audit events, so a crash leaves either
/// the whole change or none of it, and concurrent writers get unique version numbers.
/// ```swift
/// let v = try store.register(NewModelVersion(name: "churn", artifactSHA256: hash, algorithm: "forest", actor: "ana"))
/// try store.approve("churn", version: v.version, actor: "ben", note: "reviewed")
/// try store.promote("churn", version: v.version, to: .production, actor: "ben")
/// ```
extension Store {
    /// Registers a new version of `model.name` (the next number), status pending, stage none.
    /// - Throws: `StoreError` for a malformed name or hash, or an unknown run.
    @discardableResult
    public func register(_ model: NewModelVersion) throws -> ModelVersionRecord {
        guard Self.isModelName(model.name) else {
            throw StoreError.invalidValue("'\(model.name)' is not a valid model name (letters, digits, _ and -, starting with a letter)")
        }
        let hash = model.artifactSHA256.lowercased()
        guard Self.isSHA256(hash) else { throw StoreError.invalidValue("artifact hash is not a SHA-256 hex digest") }
        return try writeTransaction("registering \(model.name)") { db in
            let now = Date()
            try db.execute(sql: "INSERT INTO registered_model (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                           arguments: [model.name, now])
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_version WHERE model_name = ?",
                                            arguments: [model.name]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO model_version (model_name, version, artifact_sha256, algorithm, run_id, status, stage,
                                           created_by, created_at, note)
                VALUES (?, ?, ?, ?, ?, 'pending', 'none', ?, ?, ?)
                """, arguments: [model.name, version, hash, model.algorithm, model.runID, model.actor, now, model.note])
            try Self.audit(db, model.name, version, .register, from: nil, to: .unstaged, actor: model.actor, note: model.note, at: now)
            return try Self.fetchVersion(db, model.name, version)!
        }
    }

    /// Approves a pending version.
    /// - Throws: `StoreError` (refused) when the version is unknown, already approved or rejected.
    @discardableResult
    public func approve(_ name: String, version: Int, actor: String, note: String? = nil) throws -> ModelVersionRecord {
        try decide(name, version: version, status: .approved, actor: actor, note: note)
    }

    /// Rejects a pending version, or an approved one that is not in staging or production.
    /// - Throws: `StoreError` (refused) when the version is unknown, already rejected, or serving a stage.
    @discardableResult
    public func reject(_ name: String, version: Int, actor: String, note: String?) throws -> ModelVersionRecord {
        try decide(name, version: version, status: .rejected, actor: actor, note: note)
    }

    private func decide(_ name: String, version: Int, status: ApprovalStatus, actor: String, note: String?) throws -> ModelVersionRecord {
        try writeTransaction("\(status == .approved ? "approving" : "rejecting") \(name)@\(version)") { db in
            let current = try Self.requireVersion(db, name, version)
            switch (current.status, status) {
            case (.approved, .approved):
                throw StoreError.refused("\(current.reference) is already approved")
            case (.rejected, _):
                throw StoreError.refused("\(current.reference) was rejected; register the model again for a new decision")
            case (.approved, .rejected) where current.stage == .staging || current.stage == .production:
                throw StoreError.refused("\(current.reference) is in \(current.stage.rawValue); promote another version or roll back before rejecting it")
            default:
                break
            }
            let now = Date()
            try db.execute(sql: "UPDATE model_version SET status = ? WHERE model_name = ? AND version = ?",
                           arguments: [status.rawValue, name, version])
            try Self.audit(db, name, version, status == .approved ? .approve : .reject, from: nil, to: nil,
                           actor: actor, note: note, at: now)
            return try Self.fetchVersion(db, name, version)!
        }
    }

    /// Moves an approved version to staging or production; the version that held that stage is archived.
    ///
    /// - Parameter expectedProduction: when a gate compared the candidate with production, the production version
    ///   it compared with (nil: there was none); the promotion is refused if production changed since.
    /// - Throws: `StoreError` (refused) for an unknown, unapproved or already-there version, or a changed production.
    @discardableResult
    public func promote(_ name: String, version: Int, to stage: Stage, actor: String, note: String? = nil,
                        expectedProduction: Int?? = .none) throws -> Promotion {
        guard stage == .staging || stage == .production else {
            throw StoreError.invalidValue("a version can be promoted to staging or production, not \(stage.rawValue)")
        }
        return try writeTransaction("promoting \(name)@\(version) to \(stage.rawValue)") { db in
            let current = try Self.requireVersion(db, name, version)
            guard current.status == .approved else {
                throw StoreError.refused("\(current.reference) is \(current.status.rawValue); only approved versions can be promoted"
                                         + (current.status == .pending ? " (approve \(current.reference) first)" : ""))
            }
            guard current.stage != stage else { throw StoreError.refused("\(current.reference) is already in \(stage.rawValue)") }
            if stage == .staging, current.stage == .production {
                throw StoreError.refused("\(current.reference) is in production; it cannot go back to staging")
            }
            let holder = try Self.versionInStage(db, name, stage)
            if case .some(let expected) = expectedProduction {
                let production = try Self.versionInStage(db, name, .production)?.version
                guard production == expected else {
                    throw StoreError.refused("production of \(name) changed while the gate was evaluated; promote again")
                }
            }
            let now = Date()
            if let holder {
                try Self.setStage(db, holder, .archived)
                try Self.audit(db, name, holder.version, .archive, from: stage, to: .archived, actor: actor,
                               note: "replaced by \(current.reference)", at: now)
            }
            try Self.setStage(db, current, stage)
            try Self.audit(db, name, version, .promote, from: current.stage, to: stage, actor: actor, note: note, at: now)
            let ended = try Self.settleDeployment(db, name, actor: actor, restoringEarlierRouting: false, at: now)
            return Promotion(promoted: try Self.fetchVersion(db, name, version)!,
                             archived: try holder.flatMap { try Self.fetchVersion(db, name, $0.version) },
                             endedDeployment: ended)
        }
    }

    /// Records that a gate refused promoting `version` (automated retraining goes on after a refusal and audits it);
    /// the version's stage does not change.
    public func recordRefusal(_ name: String, version: Int, to stage: Stage, actor: String, note: String) throws {
        try writeTransaction("recording a refused promotion of \(name)@\(version)") { db in
            _ = try Self.requireVersion(db, name, version)
            try Self.audit(db, name, version, .refuse, from: nil, to: stage, actor: actor, note: note, at: Date())
        }
    }

    /// Returns production to the version that was in production before the current one.
    /// - Throws: `StoreError` (refused) when the model has no production version or no earlier one to return to.
    @discardableResult
    public func rollback(_ name: String, actor: String, note: String? = nil) throws -> Rollback {
        try writeTransaction("rolling back \(name)") { db in
            guard try Self.modelExists(db, name) else { throw Self.unknownModel(db, name) }
            guard let current = try Self.versionInStage(db, name, .production) else {
                throw StoreError.refused("\(name) has no version in production to roll back")
            }
            let stack = try Self.productionStack(db, name)
            guard stack.count >= 2, stack.last == current.version else {
                throw StoreError.refused("\(current.reference) is the first production version of \(name); there is no earlier one to return to")
            }
            let target = try Self.requireVersion(db, name, stack[stack.count - 2])
            guard target.status == .approved else {
                throw StoreError.refused("the previous production version \(target.reference) is \(target.status.rawValue); promote an approved version instead")
            }
            let now = Date()
            try Self.setStage(db, current, .archived)
            try Self.audit(db, name, current.version, .rollback, from: .production, to: .archived, actor: actor,
                           note: note ?? "rolled back to \(target.reference)", at: now)
            try Self.setStage(db, target, .production)
            try Self.audit(db, name, target.version, .rollback, from: target.stage, to: .production, actor: actor,
                           note: note ?? "restored in place of \(current.reference)", at: now)
            let ended = try Self.settleDeployment(db, name, actor: actor, restoringEarlierRouting: true, at: now)
            return Rollback(retired: try Self.fetchVersion(db, name, current.version)!,
                            restored: try Self.fetchVersion(db, name, target.version)!, endedDeployment: ended)
        }
    }

    // MARK: - Reading

    /// One version, or nil.
    public func modelVersion(_ name: String, version: Int) throws -> ModelVersionRecord? {
        try read("reading \(name)@\(version)") { db in try Self.fetchVersion(db, name, version) }
    }

    /// The version of `name` in `stage` (staging or production), or nil.
    public func modelVersion(_ name: String, stage: Stage) throws -> ModelVersionRecord? {
        try read("reading \(name)@\(stage.rawValue)") { db in try Self.versionInStage(db, name, stage) }
    }

    /// The highest version of `name`, or nil.
    public func latestModelVersion(_ name: String) throws -> ModelVersionRecord? {
        try read("reading the latest \(name)") { db in
            guard let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_version WHERE model_name = ?",
                                                 arguments: [name]) else { return nil }
            return try Self.fetchVersion(db, name, version)
        }
    }

    /// Every version of `name`, or of every model when nil, by name then version.
    public func modelVersions(_ name: String? = nil) throws -> [ModelVersionRecord] {
        try read("listing model versions") { db in
            let rows = try Row.fetchAll(db, sql: Self.versionSelect + (name == nil ? "" : " WHERE model_name = ?")
                                            + " ORDER BY model_name, version",
                                        arguments: name.map { [$0] } ?? [])
            return try rows.map(Self.version(from:))
        }
    }

    /// The names of the registered models, sorted.
    public func registeredModelNames() throws -> [String] {
        try read("listing registered models") { db in
            try String.fetchAll(db, sql: "SELECT name FROM registered_model ORDER BY name")
        }
    }

    /// The audit trail of `name`, oldest first.
    public func auditTrail(_ name: String) throws -> [AuditEvent] {
        try read("reading the audit trail of \(name)") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, model_name, version, action, from_stage, to_stage, actor, at, note
                FROM audit_event WHERE model_name = ? ORDER BY id
                """, arguments: [name]).map { row in
                let action: String = row["action"]
                let from: String? = row["from_stage"]
                let to: String? = row["to_stage"]
                guard let kind = AuditAction(rawValue: action) else {
                    throw StoreError.invalidValue("audit event has unknown action '\(action)'")
                }
                return AuditEvent(id: row["id"], modelName: row["model_name"], version: row["version"], action: kind,
                                  fromStage: from.flatMap(Stage.init(rawValue:)), toStage: to.flatMap(Stage.init(rawValue:)),
                                  actor: row["actor"], at: row["at"], note: row["note"])
            }
        }
    }

    // MARK: - Helpers

    static func isModelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, CharacterSet.letters.contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
    }

    static let versionSelect = """
        SELECT model_name, version, artifact_sha256, algorithm, run_id, status, stage, created_by, created_at, note
        FROM model_version
        """

    static func version(from row: Row) throws -> ModelVersionRecord {
        let statusText: String = row["status"]
        let stageText: String = row["stage"]
        guard let status = ApprovalStatus(rawValue: statusText), let stage = Stage(rawValue: stageText) else {
            throw StoreError.invalidValue("model version has unknown status '\(statusText)' or stage '\(stageText)'")
        }
        return ModelVersionRecord(name: row["model_name"], version: row["version"], artifactSHA256: row["artifact_sha256"],
                                  algorithm: row["algorithm"], runID: row["run_id"], status: status, stage: stage,
                                  createdBy: row["created_by"], createdAt: row["created_at"], note: row["note"])
    }

    static func fetchVersion(_ db: Database, _ name: String, _ version: Int) throws -> ModelVersionRecord? {
        try Row.fetchOne(db, sql: versionSelect + " WHERE model_name = ? AND version = ?", arguments: [name, version])
            .map(version(from:))
    }

    static func versionInStage(_ db: Database, _ name: String, _ stage: Stage) throws -> ModelVersionRecord? {
        try Row.fetchOne(db, sql: versionSelect + " WHERE model_name = ? AND stage = ? ORDER BY version DESC LIMIT 1",
                         arguments: [name, stage.rawValue]).map(version(from:))
    }

    static func modelExists(_ db: Database, _ name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registered_model WHERE name = ?)", arguments: [name]) ?? false
    }

    static func unknownModel(_ db: Database, _ name: String) -> StoreError {
        let known = (try? String.fetchAll(db, sql: "SELECT name FROM registered_model ORDER BY name")) ?? []
        return StoreError.notFound("no registered model `\(name)`"
                                   + (known.isEmpty ? " (nothing is registered yet)" : "; registered: " + known.joined(separator: ", ")))
    }

    static func requireVersion(_ db: Database, _ name: String, _ version: Int) throws -> ModelVersionRecord {
        if let found = try fetchVersion(db, name, version) { return found }
        guard try modelExists(db, name) else { throw unknownModel(db, name) }
        let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_version WHERE model_name = ?", arguments: [name]) ?? 0
        throw StoreError.notFound("\(name) has no version \(version) (versions 1 to \(latest))")
    }

    static func setStage(_ db: Database, _ version: ModelVersionRecord, _ stage: Stage) throws {
        try db.execute(sql: "UPDATE model_version SET stage = ? WHERE model_name = ? AND version = ?",
                       arguments: [stage.rawValue, version.name, version.version])
    }

    static func audit(_ db: Database, _ name: String, _ version: Int, _ action: AuditAction, from: Stage?, to: Stage?,
                      actor: String, note: String?, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO audit_event (model_name, version, action, from_stage, to_stage, actor, at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [name, version, action.rawValue, from?.rawValue, to?.rawValue, actor, at, note])
    }

    /// The production versions in the order they went into production, with rolled-back ones removed.
    static func productionStack(_ db: Database, _ name: String) throws -> [Int] {
        var stack: [Int] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT version, action FROM audit_event
            WHERE model_name = ? AND to_stage = 'production' AND action IN ('promote', 'rollback') ORDER BY id
            """, arguments: [name]) {
            let version: Int = row["version"]
            let action: String = row["action"]
            if action == "rollback" {
                if !stack.isEmpty { stack.removeLast() }
                if stack.last != version { stack.append(version) }
            } else {
                stack.removeAll { $0 == version }
                stack.append(version)
            }
        }
        return stack
    }
}
