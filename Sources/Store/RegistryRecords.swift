import Foundation

/// The approval decision on a model version.
public enum ApprovalStatus: String, Codable, Sendable, CaseIterable {
    case pending, approved, rejected
}

/// Where a model version stands in its lifecycle.
public enum Stage: String, Codable, Sendable, CaseIterable {
    /// `none` in the store and in words: not in any stage (not spelled `.none`, which Optional owns).
    case unstaged = "none"
    case staging, production, archived
}

/// What an audit event records.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case register, approve, reject, promote, archive, rollback
    /// A promotion refused by its gate.
    case refuse
    /// A change of how the endpoint routes traffic (`deploy`).
    case deploy
}

/// A model version to register.
public struct NewModelVersion: Sendable, Hashable {
    public var name: String
    public var artifactSHA256: String
    public var algorithm: String
    public var runID: Int64?
    public var actor: String
    public var note: String?

    public init(name: String, artifactSHA256: String, algorithm: String, runID: Int64? = nil, actor: String, note: String? = nil) {
        self.name = name
        self.artifactSHA256 = artifactSHA256
        self.algorithm = algorithm
        self.runID = runID
        self.actor = actor
        self.note = note
    }
}

/// A registered model version as stored.
public struct ModelVersionRecord: Codable, Sendable, Hashable {
    public var name: String
    public var version: Int
    public var artifactSHA256: String
    public var algorithm: String
    public var runID: Int64?
    public var status: ApprovalStatus
    public var stage: Stage
    public var createdBy: String
    public var createdAt: Date
    public var note: String?

    /// `churn@3`
    public var reference: String { "\(name)@\(version)" }
}

/// One entry of a model's append-only audit trail.
public struct AuditEvent: Codable, Sendable, Hashable {
    public var id: Int64
    public var modelName: String
    public var version: Int
    public var action: AuditAction
    public var fromStage: Stage?
    public var toStage: Stage?
    public var actor: String
    public var at: Date
    public var note: String?
}

/// What a promotion changed: the promoted version and any version it moved out of the stage.
public struct Promotion: Sendable, Hashable {
    public var promoted: ModelVersionRecord
    /// The version that held the stage before and is now archived.
    public var archived: ModelVersionRecord?
    /// The canary, shadow or blue/green deployment the promotion ended, because its versions changed stage.
    public var endedDeployment: EndedDeployment? = nil
}

/// What a rollback changed.
public struct Rollback: Sendable, Hashable {
    /// The version that was in production and is now archived.
    public var retired: ModelVersionRecord
    /// The earlier production version that is in production again.
    public var restored: ModelVersionRecord
    /// The blue/green (or other) deployment the rollback ended.
    public var endedDeployment: EndedDeployment? = nil
}

/// A deployment that ended because the versions it routed to changed stage: requests go directly to production again.
public struct EndedDeployment: Sendable, Hashable {
    /// The deployment that was in force.
    public var ended: DeploymentRecord
    /// The direct deployment now in force.
    public var now: DeploymentRecord
    /// Why it ended: `its candidate price@3 left staging (archived)`
    public var reason: String

    /// `canary ended (its candidate price@3 left staging (archived)); now direct: every request to price@2`
    public var summary: String {
        "\(ended.strategy.rawValue) ended (\(reason)); now \(now.summary)"
    }
}
