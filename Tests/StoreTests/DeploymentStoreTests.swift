import Foundation
import GRDB
import Testing
@testable import Store

/// credit@1 in production and credit@2 in staging.
private func twoVersions() throws -> Store {
    let store = try Store.temporary()
    for artifact in ["a", "b"] {
        let version = try store.register(NewModelVersion(name: "credit", artifactSHA256: String(repeating: artifact, count: 64),
                                                         algorithm: "forest", actor: "ana"))
        try store.approve("credit", version: version.version, actor: "ben")
    }
    try store.promote("credit", version: 1, to: .production, actor: "ben")
    try store.promote("credit", version: 2, to: .staging, actor: "ben")
    return store
}

private func deployment(_ strategy: DeploymentStrategy, percent: Int? = nil, capture: Int? = nil) -> NewDeployment {
    NewDeployment(modelName: "credit", strategy: strategy, percent: percent, capture: capture, actor: "ana")
}

/// Deployments, stages and the audit trail, to check that a refused change changed nothing.
private func snapshot(_ store: Store) throws -> [String] {
    try store.pool.read { db in
        try String.fetchAll(db, sql: "SELECT id || ':' || strategy FROM deployment ORDER BY id")
            + String.fetchAll(db, sql: "SELECT version || ':' || stage FROM model_version ORDER BY version")
            + String.fetchAll(db, sql: "SELECT id || ':' || action FROM audit_event ORDER BY id")
    }
}

@Suite struct DeploymentStoreTests {
    @Test func aCanaryRoutesToTheStagingVersionAndIsAudited() throws {
        let store = try twoVersions()
        let mark = try store.registryChangeMark()
        let record = try store.deploy(deployment(.canary, percent: 20))
        #expect(record.productionVersion == 1 && record.candidateVersion == 2 && record.percent == 20)
        #expect(record.summary == "canary: 20 % to credit@2, 80 % to credit@1")
        #expect(try store.currentDeployment("credit") == record)
        #expect(try store.registryChangeMark() > mark)
        let last = try #require(try store.auditTrail("credit").last)
        #expect(last.action == .deploy && last.version == 2 && last.note == record.summary)
    }

    @Test func blueGreenPromotesTheCandidateAndRollbackReturnsToTheStandby() throws {
        let store = try twoVersions()
        let record = try store.deploy(deployment(.bluegreen))
        #expect(record.productionVersion == 2 && record.candidateVersion == 1)
        #expect(try store.modelVersion("credit", stage: .production)?.version == 2)
        #expect(try store.modelVersion("credit", version: 1)?.stage == .archived)
        guard case .productionRestored(let rollback) = try store.rollbackDeployment("credit", actor: "ana") else {
            Issue.record("a blue/green rollback must restore production")
            return
        }
        #expect(rollback.restored.version == 1 && rollback.retired.version == 2)
        #expect(try store.modelVersion("credit", stage: .production)?.version == 1)
    }

    @Test func rollbackOfACanaryEndsItWithoutTouchingTheStages() throws {
        let store = try twoVersions()
        try store.deploy(deployment(.shadow, percent: 100))
        guard case .rolloutEnded(let record) = try store.rollbackDeployment("credit", actor: "ana") else {
            Issue.record("rolling back a shadow must end it")
            return
        }
        #expect(record.strategy == .direct && record.candidateVersion == nil)
        #expect(try store.modelVersion("credit", stage: .production)?.version == 1)
        #expect(try store.modelVersion("credit", stage: .staging)?.version == 2)
        #expect(try store.auditTrail("credit").last?.action == .rollback)
    }

    @Test(arguments: [
        (deployment(.canary, percent: 0), "from 1 to 99"),
        (deployment(.canary, percent: 100), "from 1 to 99"),
        (deployment(.shadow, percent: 101), "from 1 to 100"),
        (deployment(.direct, capture: 101), "capture must be from 0 to 100"),
        (deployment(.bluegreen, percent: 50), "percent applies to the canary and shadow strategies, not bluegreen"),
        (deployment(.direct, percent: 30), "percent applies to the canary and shadow strategies, not direct"),
        (NewDeployment(modelName: "nosuch", strategy: .direct, capture: 100, actor: "ana"), "no registered model `nosuch`"),
    ])
    func badDeploymentsAreRefusedAndChangeNothing(_ bad: NewDeployment, _ message: String) throws {
        let store = try twoVersions()
        let before = try snapshot(store)
        #expect { try store.deploy(bad) } throws: { "\($0)".contains(message) }
        #expect(try snapshot(store) == before)
    }

    @Test func aStrategyWithoutItsVersionsIsRefused() throws {
        let store = try Store.temporary()
        let version = try store.register(NewModelVersion(name: "credit", artifactSHA256: String(repeating: "a", count: 64),
                                                         algorithm: "forest", actor: "ana"))
        try store.approve("credit", version: version.version, actor: "ben")
        #expect { try store.deploy(deployment(.direct)) } throws: { "\($0)".contains("no version in production") }
        try store.promote("credit", version: 1, to: .production, actor: "ben")
        let before = try snapshot(store)
        for strategy in [DeploymentStrategy.canary, .shadow, .bluegreen] {
            #expect { try store.deploy(deployment(strategy)) } throws: { "\($0)".contains("needs a candidate in staging") }
        }
        #expect { try store.rollbackDeployment("credit", actor: "ana") } throws: { "\($0)".contains("first production version") }
        #expect(try snapshot(store) == before)
    }

    @Test func rollingBackABlueGreenSwitchRecordsDirectRoutingToTheRestoredVersion() throws {
        let store = try twoVersions()
        try store.deploy(deployment(.direct, capture: 0))
        try store.deploy(deployment(.bluegreen, capture: 30))
        guard case .productionRestored(let rollback) = try store.rollbackDeployment("credit", actor: "ana") else {
            Issue.record("a blue/green rollback must restore production")
            return
        }
        let now = try #require(try store.currentDeployment("credit"))
        #expect(now.strategy == .direct && now.productionVersion == 1 && now.candidateVersion == nil)
        #expect(now.capture == 0, "the rollback restores the capture share of the routing before the switch")
        #expect(rollback.endedDeployment?.now == now && rollback.endedDeployment?.ended.strategy == .bluegreen)
        #expect(try store.auditTrail("credit").last?.note == "bluegreen ended (rolled back to credit@1); now direct: every request to credit@1")
    }

    @Test(arguments: [DeploymentStrategy.canary, .shadow], [Stage.staging, .production])
    func aRolloutEndsWhenItsCandidateLeavesStaging(_ strategy: DeploymentStrategy, _ promotedTo: Stage) throws {
        let store = try twoVersions()
        try store.deploy(deployment(strategy, percent: 50, capture: 40))
        let third = try store.register(NewModelVersion(name: "credit", artifactSHA256: String(repeating: "c", count: 64),
                                                       algorithm: "tree", actor: "ana"))
        try store.approve("credit", version: third.version, actor: "ben")
        let promoted = promotedTo == .staging ? 3 : 2
        let promotion = try store.promote("credit", version: promoted, to: promotedTo, actor: "ben")
        let now = try #require(try store.currentDeployment("credit"))
        let production = promotedTo == .staging ? 1 : 2
        #expect(now.strategy == .direct && now.candidateVersion == nil && now.productionVersion == production && now.capture == 40)
        let reason = promotedTo == .staging ? "its candidate credit@2 left staging (archived)" : "its candidate credit@2 left staging (production)"
        #expect(promotion.endedDeployment?.reason == reason)
        let last = try #require(try store.auditTrail("credit").last)
        #expect(last.action == .deploy && last.note == "\(strategy.rawValue) ended (\(reason)); now direct: every request to credit@\(production)")
    }

    @Test func aDeploymentThatDoesNotMentionCaptureKeepsItAndARollbackRestoresIt() throws {
        let store = try twoVersions()
        try store.deploy(deployment(.direct, capture: 0))
        #expect(try store.deploy(deployment(.canary, percent: 10)).capture == 0)
        try store.deploy(deployment(.canary, percent: 20, capture: 50))
        guard case .rolloutEnded(let record) = try store.rollbackDeployment("credit", actor: "ana") else {
            Issue.record("rolling back a canary must end it")
            return
        }
        #expect(record.capture == 0)
    }

    @Test func capturesWaitUntilABatchConsumesThem() throws {
        let store = try twoVersions()
        let capture = NewCapture(modelName: "credit", version: 1, shadowVersion: 2, columns: ["x", "deny"],
                                 rows: [["1.5", "no"], [nil, "yes"]], predictions: ["no", "no"], shadowPredictions: ["no", "yes"])
        try store.recordCaptures([capture, capture])
        let pending = try store.pendingCaptures("credit")
        #expect(pending.count == 2 && pending[0].capture == capture)
        #expect(try store.captures("credit").count == 2)
        #expect(throws: (any Error).self) {
            try store.recordCaptures([NewCapture(modelName: "credit", version: 9, columns: ["x"], rows: [["1"]], predictions: ["no"])])
        }
        #expect(try store.pendingCaptures("credit").count == 2)
        try store.pool.write { db in try Store.markObserved(db, captures: [pending[0].id], batch: Self.batch(db)) }
        #expect(try store.pendingCaptures("credit").map(\.id) == [pending[1].id])
        #expect(try store.captures("credit").count == 2)
    }

    @Test func theMigrationKeepsTheAuditTrailAppendOnly() throws {
        let store = try twoVersions()
        #expect(try store.appliedMigrations().contains("0004-serving"))
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM audit_event") } }
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "UPDATE audit_event SET note = 'x'") } }
        try store.deploy(deployment(.direct))
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM deployment") } }
        #expect(try store.auditTrail("credit").count == 7)
    }

    /// A monitoring batch row for the captures to point at.
    private static func batch(_ db: Database) throws -> Int64 {
        let hash = String(repeating: "d", count: 64)
        try db.execute(sql: "INSERT INTO dataset_version (sha256, row_count, column_count, origin, created_at) VALUES (?, 2, 2, 'test', ?)",
                       arguments: [hash, Date()])
        try db.execute(sql: """
            INSERT INTO monitor_baseline (model_name, version, baseline_sha256, dataset_sha256, dataset_label, row_count, created_by, created_at)
            VALUES ('credit', 1, ?, ?, 'train', 2, 'ana', ?)
            """, arguments: [hash, hash, Date()])
        try db.execute(sql: """
            INSERT INTO monitor_batch (model_name, version, baseline_id, dataset_sha256, dataset_label, row_count, has_target, drift_share,
                                       drift_detected, violation_count, report, observed_by, observed_at)
            VALUES ('credit', 1, ?, ?, 'captured', 2, 1, 0, 0, 0, '{}', 'ana', ?)
            """, arguments: [db.lastInsertedRowID, hash, Date()])
        return db.lastInsertedRowID
    }
}
