import Foundation
import GRDB
import Testing
@testable import Store

private let artifactA = String(repeating: "a", count: 64)
private let artifactB = String(repeating: "b", count: 64)
private let artifactC = String(repeating: "c", count: 64)

private func register(_ store: Store, _ name: String = "credit", artifact: String = artifactA, actor: String = "ana") throws -> ModelVersionRecord {
    try store.register(NewModelVersion(name: name, artifactSHA256: artifact, algorithm: "forest", actor: actor, note: "n"))
}

/// Everything the registry holds, to check that a refused change changed nothing.
private func snapshot(_ store: Store) throws -> [String] {
    try store.pool.read { db in
        try String.fetchAll(db, sql: "SELECT model_name || '@' || version || ':' || status || ':' || stage FROM model_version ORDER BY 1")
            + String.fetchAll(db, sql: "SELECT id || ':' || action || ':' || version FROM audit_event ORDER BY id")
    }
}

@Suite struct RegistryTests {
    @Test func versionsNumberFromOnePerModel() throws {
        let store = try Store.temporary()
        #expect(try register(store).version == 1)
        #expect(try register(store, artifact: artifactB).version == 2)
        #expect(try register(store, "churn").version == 1)
        #expect(try store.registeredModelNames() == ["churn", "credit"])
        #expect(try store.latestModelVersion("credit")?.version == 2)
        let first = try #require(try store.modelVersion("credit", version: 1))
        #expect(first.status == .pending && first.stage == .unstaged)
    }

    @Test func approvalPromotionAndArchiving() throws {
        let store = try Store.temporary()
        _ = try register(store)
        _ = try register(store, artifact: artifactB)
        try store.approve("credit", version: 1, actor: "ben", note: "ok")
        let first = try store.promote("credit", version: 1, to: .production, actor: "ben")
        #expect(first.archived == nil && first.promoted.stage == .production)
        try store.approve("credit", version: 2, actor: "ben")
        try store.promote("credit", version: 2, to: .staging, actor: "ben")
        #expect(try store.modelVersion("credit", stage: .staging)?.version == 2)
        let second = try store.promote("credit", version: 2, to: .production, actor: "ben")
        #expect(second.archived?.version == 1 && second.archived?.stage == .archived)
        #expect(try store.modelVersion("credit", stage: .production)?.version == 2)
        #expect(try store.modelVersion("credit", stage: .staging) == nil)
        let actions = try store.auditTrail("credit").map { "\($0.action.rawValue) \($0.version)" }
        #expect(actions == ["register 1", "register 2", "approve 1", "promote 1", "approve 2", "promote 2", "archive 1", "promote 2"])
        #expect(try store.auditTrail("credit").allSatisfy { $0.actor == "ana" || $0.actor == "ben" })
    }

    @Test func rollbackReturnsToThePreviousProductionVersion() throws {
        let store = try Store.temporary()
        for artifact in [artifactA, artifactB, artifactC] { _ = try register(store, artifact: artifact) }
        for version in 1...3 {
            try store.approve("credit", version: version, actor: "ben")
            try store.promote("credit", version: version, to: .production, actor: "ben")
        }
        let back = try store.rollback("credit", actor: "ben")
        #expect(back.retired.version == 3 && back.restored.version == 2)
        #expect(try store.rollback("credit", actor: "ben").restored.version == 1)
        let before = try snapshot(store)
        #expect(throws: StoreError.self) { try store.rollback("credit", actor: "ben") }
        #expect(try snapshot(store) == before)
    }

    /// Bad input → a clear error and the store unchanged (the reliability list).
    @Test(arguments: [
        ("promote a rejected version", "is rejected; only approved versions"),
        ("promote an unknown version", "has no version 9"),
        ("approve twice", "already approved"),
        ("rollback with no previous production version", "no earlier one"),
        ("rollback with nothing in production", "no version in production"),
        ("promote a pending version", "only approved versions"),
        ("reject a production version", "is in production"),
        ("unknown model", "no registered model `nope`"),
    ])
    func refusedChangesLeaveTheStoreUnchanged(_ case: String, _ expected: String) throws {
        let store = try Store.temporary()
        _ = try register(store)
        _ = try register(store, artifact: artifactB)
        _ = try register(store, artifact: artifactC)
        try store.approve("credit", version: 1, actor: "ben")
        try store.promote("credit", version: 1, to: .production, actor: "ben")
        try store.reject("credit", version: 2, actor: "ben", note: "leaks the target")
        let other = try Store.temporary()
        _ = try register(other)
        let before = try snapshot(store) + snapshot(other)
        var caught: StoreError?
        do {
            switch `case` {
            case "promote a rejected version": _ = try store.promote("credit", version: 2, to: .production, actor: "x")
            case "promote an unknown version": _ = try store.promote("credit", version: 9, to: .production, actor: "x")
            case "approve twice": _ = try store.approve("credit", version: 1, actor: "x")
            case "rollback with no previous production version": _ = try store.rollback("credit", actor: "x")
            case "rollback with nothing in production": _ = try other.rollback("credit", actor: "x")
            case "promote a pending version": _ = try store.promote("credit", version: 3, to: .staging, actor: "x")
            case "reject a production version": _ = try store.reject("credit", version: 1, actor: "x", note: "no")
            default: _ = try store.approve("nope", version: 1, actor: "x")
            }
        } catch let error as StoreError {
            caught = error
        }
        let error = try #require(caught, "\(`case`) was not refused")
        #expect(error.message.contains(expected), "\(`case`): \(error.message)")
        #expect(try snapshot(store) + snapshot(other) == before)
    }

    @Test func theAuditTrailCannotBeChangedOrDeleted() throws {
        let store = try Store.temporary()
        _ = try register(store)
        for sql in ["UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event",
                    "DELETE FROM model_version", "UPDATE model_version SET artifact_sha256 = '\(artifactB)'"] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try store.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try store.auditTrail("credit").map(\.actor) == ["ana"])
        #expect(try store.modelVersion("credit", version: 1)?.artifactSHA256 == artifactA)
    }

    @Test func theDatabaseRefusesTwoProductionVersionsAndUnapprovedStages() throws {
        let store = try Store.temporary()
        _ = try register(store)
        _ = try register(store, artifact: artifactB)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE model_version SET stage = 'production' WHERE version = 1") }
        }
        try store.approve("credit", version: 1, actor: "b")
        try store.approve("credit", version: 2, actor: "b")
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE model_version SET stage = 'production'") }
        }
    }

    @Test func aGateThatComparedWithAnOlderProductionIsRefused() throws {
        let store = try Store.temporary()
        for artifact in [artifactA, artifactB, artifactC] { _ = try register(store, artifact: artifact) }
        for version in 1...3 { try store.approve("credit", version: version, actor: "b") }
        try store.promote("credit", version: 1, to: .production, actor: "b")
        // The gate of version 3 compared with version 1; meanwhile version 2 went to production.
        try store.promote("credit", version: 2, to: .production, actor: "b")
        #expect(throws: StoreError.self) {
            try store.promote("credit", version: 3, to: .production, actor: "b", expectedProduction: .some(1))
        }
        #expect(try store.promote("credit", version: 3, to: .production, actor: "b", expectedProduction: .some(2)).archived?.version == 2)
    }

    @Test func aRefusalIsAuditedWithoutChangingTheStage() throws {
        let store = try Store.temporary()
        _ = try register(store)
        try store.recordRefusal("credit", version: 1, to: .production, actor: "ci", note: "f1 worse by 0.02")
        let last = try #require(try store.auditTrail("credit").last)
        #expect(last.action == .refuse && last.toStage == .production && last.note == "f1 worse by 0.02")
        #expect(try store.modelVersion("credit", version: 1)?.stage == .unstaged)
    }

    @Test func concurrentRegistrationsGetUniqueVersions() async throws {
        let store = try Store.temporary()
        let other = try Store.open(directory: store.directory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let target = index % 2 == 0 ? store : other
                group.addTask { _ = try register(target, actor: "t\(index)") }
            }
            try await group.waitForAll()
        }
        #expect(try store.modelVersions("credit").map(\.version) == Array(1...40))
        #expect(try store.auditTrail("credit").count == 40)
    }
}
