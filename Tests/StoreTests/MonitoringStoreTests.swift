import Foundation
import GRDB
import Testing
@testable import Store

/// A store with credit@1 registered and one dataset version, the pieces a baseline refers to.
private func monitoredStore() throws -> (Store, dataset: String) {
    let store = try Store.temporary()
    _ = try store.register(NewModelVersion(name: "credit", artifactSHA256: String(repeating: "a", count: 64),
                                           algorithm: "forest", actor: "ana", note: "n"))
    let dataset = try store.snapshotDataset(Data("x,y\n1,2\n".utf8), rows: 1, columns: 2, origin: "test")
    return (store, dataset.sha256)
}

private func batch(_ baseline: MonitorBaselineRecord, dataset: String, metrics: [String: Double] = ["r2": 0.5],
                   version: Int = 1) -> NewMonitorBatch {
    NewMonitorBatch(modelName: "credit", version: version, baselineID: baseline.id, datasetSHA256: dataset, datasetLabel: "jan",
                    rows: 10, hasTarget: true, driftShare: 0.25, driftDetected: false, violations: 1, report: "{}",
                    errors: Data("[0,1]".utf8), metrics: metrics, observedBy: "ana")
}

@Suite struct MonitoringStoreTests {
    @Test func baselinesBatchesAndRulesPersistInOrder() throws {
        let (store, dataset) = try monitoredStore()
        #expect(try store.currentBaseline("credit") == nil)
        let baseline = try store.recordBaseline(model: "credit", version: 1, baseline: Data("{}".utf8), datasetSHA256: dataset,
                                                datasetLabel: "train", rows: 1, actor: "ana")
        #expect(try store.currentBaseline("credit") == baseline)
        #expect(try store.object(sha256: baseline.baselineSHA256) == Data("{}".utf8))
        let first = try store.recordBatch(batch(baseline, dataset: dataset))
        let second = try store.recordBatch(batch(baseline, dataset: dataset, metrics: ["r2": 0.25, "rmse": .nan]))
        #expect(first.number == 1 && second.number == 2)
        let stored = try store.batches("credit")
        #expect(stored.map(\.metrics) == [["r2": 0.5], ["r2": 0.25]], "a metric that is not a number is left out")
        let errors = try #require(stored[0].errorsSHA256)
        #expect(try store.object(sha256: errors) == Data("[0,1]".utf8))
        let rule = try store.recordAlertRule(model: "credit", condition: "quality.r2 < 0.6", dataLabel: "train",
                                             dataRecipe: "{}", options: "{}", actor: "ana")
        #expect(try store.alertRules("credit") == [rule])
    }

    @Test func aBatchOfAnUnknownVersionOrBaselineIsRefusedWhole() throws {
        let (store, dataset) = try monitoredStore()
        let baseline = try store.recordBaseline(model: "credit", version: 1, baseline: Data("{}".utf8), datasetSHA256: dataset,
                                                datasetLabel: "train", rows: 1, actor: "ana")
        #expect(throws: (any Error).self) { try store.recordBatch(batch(baseline, dataset: dataset, version: 7)) }
        #expect(throws: (any Error).self) {
            try store.recordBatch(batch(baseline, dataset: String(repeating: "f", count: 64)))
        }
        #expect(throws: (any Error).self) {
            try store.recordAlertRule(model: "nope", condition: "drift.share > 0.5", dataLabel: "d", dataRecipe: "{}",
                                      options: "{}", actor: "ana")
        }
        #expect(try store.batches("credit").isEmpty)
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM monitor_batch_metric") }
        #expect(rows == 0, "no metric row without its batch")
    }

    @Test func baselinesAndBatchesAreAppendOnly() throws {
        let (store, dataset) = try monitoredStore()
        let baseline = try store.recordBaseline(model: "credit", version: 1, baseline: Data("{}".utf8), datasetSHA256: dataset,
                                                datasetLabel: "train", rows: 1, actor: "ana")
        try store.recordBatch(batch(baseline, dataset: dataset))
        for sql in ["UPDATE monitor_baseline SET row_count = 5", "DELETE FROM monitor_baseline",
                    "UPDATE monitor_batch SET drift_share = 0", "DELETE FROM monitor_batch"] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try store.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try store.batches("credit").map(\.driftShare) == [0.25])
        #expect(try store.currentBaseline("credit")?.rows == 1)
    }
}
