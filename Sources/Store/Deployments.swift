import Foundation
import GRDB

/// Deployments: how the endpoint routes each model's traffic. Each change is one transaction with its audit event.
///
/// ```swift
/// try store.deploy(NewDeployment(modelName: "churn", strategy: .canary, percent: 10, capture: 100, actor: "ana"))
/// let current = try store.currentDeployment("churn")   // canary: 10 % to churn@3 (staging), 90 % to churn@2
/// ```
extension Store {
    /// Records a deployment of `deployment.modelName`. A canary or shadow sends traffic to the staging version;
    /// blue/green promotes the staging version to production in the same transaction (the old one is archived
    /// and stays the standby that `rollback` returns to).
    /// - Throws: `StoreError` (refused) when the versions the strategy needs are missing, or for a bad percent.
    @discardableResult
    public func deploy(_ deployment: NewDeployment) throws -> DeploymentRecord {
        let name = deployment.modelName
        try deployment.validate()
        return try writeTransaction("deploying \(name)") { db in
            guard try Self.modelExists(db, name) else { throw Self.unknownModel(db, name) }
            let capture = try deployment.capture ?? Self.currentDeployment(db, name)?.capture ?? 100
            let production = try Self.versionInStage(db, name, .production)
            let staging = try Self.versionInStage(db, name, .staging)
            let now = Date()
            var productionVersion: Int
            var candidate: Int?
            switch deployment.strategy {
            case .direct:
                guard let production else { throw Self.noProduction(name) }
                productionVersion = production.version
            case .canary, .shadow:
                guard let production else { throw Self.noProduction(name) }
                guard let staging else { throw Self.noCandidate(name, deployment.strategy) }
                productionVersion = production.version
                candidate = staging.version
            case .bluegreen:
                guard let staging else { throw Self.noCandidate(name, deployment.strategy) }
                if let production {
                    try Self.setStage(db, production, .archived)
                    try Self.audit(db, name, production.version, .archive, from: .production, to: .archived,
                                   actor: deployment.actor, note: "blue/green: standby for \(staging.reference)", at: now)
                }
                try Self.setStage(db, staging, .production)
                try Self.audit(db, name, staging.version, .promote, from: .staging, to: .production,
                               actor: deployment.actor, note: "blue/green switch", at: now)
                productionVersion = staging.version
                candidate = production?.version
            }
            let percent = deployment.resolvedPercent
            try db.execute(sql: """
                INSERT INTO deployment (model_name, strategy, production_version, candidate_version, percent, capture,
                                        deployed_by, deployed_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [name, deployment.strategy.rawValue, productionVersion, candidate, percent,
                                 capture, deployment.actor, now, deployment.note])
            let record = try Self.fetchDeployment(db, id: db.lastInsertedRowID)!
            let routedTo = deployment.strategy == .canary || deployment.strategy == .shadow ? candidate! : productionVersion
            try Self.audit(db, name, routedTo, .deploy, from: nil, to: nil, actor: deployment.actor,
                           note: record.summary + (deployment.note.map { " (\($0))" } ?? ""), at: now)
            return record
        }
    }

    /// Ends a canary or shadow: every request goes to production again (a direct deployment, audited as a rollback).
    /// - Throws: `StoreError` (refused) when no candidate is receiving traffic.
    @discardableResult
    public func endRollout(_ name: String, actor: String, note: String? = nil) throws -> DeploymentRecord {
        try writeTransaction("rolling back the rollout of \(name)") { db in
            guard try Self.modelExists(db, name) else { throw Self.unknownModel(db, name) }
            guard let current = try Self.currentDeployment(db, name), let candidate = current.candidateVersion,
                  current.strategy == .canary || current.strategy == .shadow,
                  let production = try Self.versionInStage(db, name, .production) else {
                throw StoreError.refused("\(name) has no canary or shadow deployment to roll back")
            }
            let now = Date()
            let record = try Self.insertDirect(db, name, production: production.version,
                                               capture: Self.captureBefore(db, current), actor: actor, note: note, at: now)
            try Self.audit(db, name, candidate, .rollback, from: nil, to: nil, actor: actor,
                           note: note ?? "\(current.strategy.rawValue) ended: every request to \(production.reference)", at: now)
            return record
        }
    }

    /// `rollback NAME`: ends a canary or shadow whose candidate is still in staging (every request to production
    /// again); otherwise returns production to the previous production version (for blue/green, the standby).
    public func rollbackDeployment(_ name: String, actor: String, note: String? = nil) throws -> RollbackOutcome {
        if let current = try currentDeployment(name), current.strategy == .canary || current.strategy == .shadow,
           let candidate = current.candidateVersion, try modelVersion(name, version: candidate)?.stage == .staging {
            return .rolloutEnded(try endRollout(name, actor: actor, note: note))
        }
        return .productionRestored(try rollback(name, actor: actor, note: note))
    }

    /// The deployment in force for `name`, or nil when it was never deployed.
    public func currentDeployment(_ name: String) throws -> DeploymentRecord? {
        try read("reading the deployment of \(name)") { db in try Self.currentDeployment(db, name) }
    }

    /// The deployment in force of every deployed model, by name.
    public func currentDeployments() throws -> [DeploymentRecord] {
        try read("reading deployments") { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM deployment WHERE id IN (SELECT MAX(id) FROM deployment GROUP BY model_name) ORDER BY model_name
                """).map(Self.deployment(from:))
        }
    }

    /// A number that grows whenever a stage or a deployment changes (both are audited), for servers that follow the store.
    public func registryChangeMark() throws -> Int64 {
        try read("reading the audit trail") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_event") ?? 0 }
    }

    // MARK: - Helpers

    private static func noProduction(_ name: String) -> StoreError {
        StoreError.refused("\(name) has no version in production to deploy; promote an approved version to production first")
    }

    private static func noCandidate(_ name: String, _ strategy: DeploymentStrategy) -> StoreError {
        StoreError.refused("\(strategy.rawValue) needs a candidate in staging and \(name) has none; "
                           + "promote an approved version to staging first")
    }

    /// Records a direct deployment to `production` (the rollout or switch in force has ended).
    static func insertDirect(_ db: Database, _ name: String, production: Int, capture: Int, actor: String, note: String?,
                             at now: Date) throws -> DeploymentRecord {
        try db.execute(sql: """
            INSERT INTO deployment (model_name, strategy, production_version, candidate_version, percent, capture,
                                    deployed_by, deployed_at, note)
            VALUES (?, 'direct', ?, NULL, 0, ?, ?, ?, ?)
            """, arguments: [name, production, capture, actor, now, note])
        return try fetchDeployment(db, id: db.lastInsertedRowID)!
    }

    /// The capture share of the routing that `deployment` replaced (its own when it was the first), which a rollback restores.
    static func captureBefore(_ db: Database, _ deployment: DeploymentRecord) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT capture FROM deployment WHERE model_name = ? AND id < ? ORDER BY id DESC LIMIT 1",
                         arguments: [deployment.modelName, deployment.id]) ?? deployment.capture
    }

    static func currentDeployment(_ db: Database, _ name: String) throws -> DeploymentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM deployment WHERE model_name = ? ORDER BY id DESC LIMIT 1", arguments: [name])
            .map(deployment(from:))
    }

    static func fetchDeployment(_ db: Database, id: Int64) throws -> DeploymentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM deployment WHERE id = ?", arguments: [id]).map(deployment(from:))
    }

    static func deployment(from row: Row) throws -> DeploymentRecord {
        let strategyText: String = row["strategy"]
        guard let strategy = DeploymentStrategy(rawValue: strategyText) else {
            throw StoreError.invalidValue("deployment has unknown strategy '\(strategyText)'")
        }
        return DeploymentRecord(id: row["id"], modelName: row["model_name"], strategy: strategy,
                                productionVersion: row["production_version"], candidateVersion: row["candidate_version"],
                                percent: row["percent"], capture: row["capture"], deployedBy: row["deployed_by"],
                                deployedAt: row["deployed_at"], note: row["note"])
    }
}

/// What `rollback` did.
public enum RollbackOutcome: Sendable {
    /// A canary or shadow ended; the direct deployment now in force.
    case rolloutEnded(DeploymentRecord)
    /// Production went back a version.
    case productionRestored(Rollback)
}

extension DeploymentRecord {
    /// `canary: 10 % to churn@3, 90 % to churn@2`
    public var summary: String {
        let production = "\(modelName)@\(productionVersion)"
        let candidate = candidateVersion.map { "\(modelName)@\($0)" } ?? "none"
        return switch strategy {
        case .direct: "direct: every request to \(production)"
        case .canary: "canary: \(percent) % to \(candidate), \(100 - percent) % to \(production)"
        case .bluegreen: "blue/green: every request to \(production)" + (candidateVersion == nil ? "" : ", \(candidate) on standby")
        case .shadow: "shadow: \(production) answers, \(percent) % copied to \(candidate)"
        }
    }
}
