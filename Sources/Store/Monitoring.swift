import Foundation
import GRDB

/// Monitoring: baselines, observed batches and alert rules of registered models.
///
/// ```swift
/// let baseline = try store.recordBaseline(model: "churn", version: 2, baseline: json, datasetSHA256: hash,
///                                         datasetLabel: "train", rows: 1905, actor: "ana")
/// let batch = try store.recordBatch(NewMonitorBatch(modelName: "churn", version: 2, baselineID: baseline.id, ...))
/// ```
extension Store {
    /// Stores the baseline's bytes as an object and records it as `model`'s current baseline.
    /// - Throws: `StoreError` for an unknown model version or dataset version.
    @discardableResult
    public func recordBaseline(model: String, version: Int, baseline: Data, datasetSHA256: String, datasetLabel: String,
                               rows: Int, actor: String) throws -> MonitorBaselineRecord {
        let hash = try putObject(baseline)
        return try writeTransaction("recording a baseline of \(model)@\(version)") { db in
            _ = try Self.requireVersion(db, model, version)
            try db.execute(sql: """
                INSERT INTO monitor_baseline (model_name, version, baseline_sha256, dataset_sha256, dataset_label,
                                              row_count, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [model, version, hash, datasetSHA256.lowercased(), datasetLabel, rows, actor, Date()])
            return try Self.fetchBaseline(db, id: db.lastInsertedRowID)!
        }
    }

    /// The newest baseline of `model`, or nil when it is not monitored.
    public func currentBaseline(_ model: String) throws -> MonitorBaselineRecord? {
        try read("reading the baseline of \(model)") { db in
            let id = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM monitor_baseline WHERE model_name = ?", arguments: [model])
            return try id.flatMap { try Self.fetchBaseline(db, id: $0) }
        }
    }

    /// Records an observed batch with its metrics in one transaction (its error stream first, as an object);
    /// `captures` are the captured requests the batch is made of, marked observed in the same transaction.
    /// - Throws: `StoreError` for an unknown model version, baseline or dataset version, or a capture observed already.
    @discardableResult
    public func recordBatch(_ batch: NewMonitorBatch, consuming captures: [Int64] = []) throws -> MonitorBatchRecord {
        let errors = try batch.errors.map { try putObject($0) }
        return try writeTransaction("recording a batch of \(batch.modelName)") { db in
            _ = try Self.requireVersion(db, batch.modelName, batch.version)
            try db.execute(sql: """
                INSERT INTO monitor_batch (model_name, version, baseline_id, dataset_sha256, dataset_label, row_count,
                                           has_target, drift_share, drift_detected, violation_count, report,
                                           errors_sha256, observed_by, observed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batch.modelName, batch.version, batch.baselineID, batch.datasetSHA256.lowercased(),
                                 batch.datasetLabel, batch.rows, batch.hasTarget, batch.driftShare, batch.driftDetected,
                                 batch.violations, batch.report, errors, batch.observedBy, Date()])
            let id = db.lastInsertedRowID
            for (name, value) in batch.metrics.sorted(by: { $0.key < $1.key }) where value.isFinite {
                try db.execute(sql: "INSERT INTO monitor_batch_metric (batch_id, name, value) VALUES (?, ?, ?)",
                               arguments: [id, name, value])
            }
            try Self.markObserved(db, captures: captures, batch: id)
            return try Self.fetchBatches(db, model: batch.modelName, id: id).first!
        }
    }

    /// Every batch observed for `model`, oldest first.
    public func batches(_ model: String) throws -> [MonitorBatchRecord] {
        try read("reading the batches of \(model)") { db in try Self.fetchBatches(db, model: model, id: nil) }
    }

    /// Records a continuous-training rule for a registered model.
    /// - Throws: `StoreError` for an unknown model.
    @discardableResult
    public func recordAlertRule(model: String, condition: String, dataLabel: String, dataRecipe: String,
                                options: String, actor: String) throws -> AlertRuleRecord {
        try writeTransaction("recording an alert of \(model)") { db in
            guard try Self.modelExists(db, model) else { throw Self.unknownModel(db, model) }
            try db.execute(sql: """
                INSERT INTO alert_rule (model_name, condition, action, data_label, data_recipe, options, created_by, created_at)
                VALUES (?, ?, 'retrain', ?, ?, ?, ?, ?)
                """, arguments: [model, condition, dataLabel, dataRecipe, options, actor, Date()])
            return try Self.fetchAlertRules(db, model: model).last!
        }
    }

    /// The alert rules of `model`, oldest first.
    public func alertRules(_ model: String) throws -> [AlertRuleRecord] {
        try read("reading the alerts of \(model)") { db in try Self.fetchAlertRules(db, model: model) }
    }

    // MARK: - Helpers

    static func fetchBaseline(_ db: Database, id: Int64) throws -> MonitorBaselineRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM monitor_baseline WHERE id = ?", arguments: [id]).map { row in
            MonitorBaselineRecord(id: row["id"], modelName: row["model_name"], version: row["version"],
                                  baselineSHA256: row["baseline_sha256"], datasetSHA256: row["dataset_sha256"],
                                  datasetLabel: row["dataset_label"], rows: row["row_count"],
                                  createdBy: row["created_by"], createdAt: row["created_at"])
        }
    }

    static func fetchBatches(_ db: Database, model: String, id: Int64?) throws -> [MonitorBatchRecord] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM monitor_batch WHERE model_name = ? ORDER BY id",
                                    arguments: [model])
        var records: [MonitorBatchRecord] = []
        for (index, row) in rows.enumerated() {
            let batchID: Int64 = row["id"]
            if let id, batchID != id { continue }
            var metrics: [String: Double] = [:]
            for metric in try Row.fetchAll(db, sql: "SELECT name, value FROM monitor_batch_metric WHERE batch_id = ?",
                                           arguments: [batchID]) {
                metrics[metric["name"]] = metric["value"]
            }
            records.append(MonitorBatchRecord(
                id: batchID, number: index + 1, modelName: row["model_name"], version: row["version"],
                baselineID: row["baseline_id"], datasetSHA256: row["dataset_sha256"], datasetLabel: row["dataset_label"],
                rows: row["row_count"], hasTarget: row["has_target"], driftShare: row["drift_share"],
                driftDetected: row["drift_detected"], violations: row["violation_count"], report: row["report"],
                errorsSHA256: row["errors_sha256"], metrics: metrics, observedBy: row["observed_by"],
                observedAt: row["observed_at"]))
        }
        return records
    }

    static func fetchAlertRules(_ db: Database, model: String) throws -> [AlertRuleRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM alert_rule WHERE model_name = ? ORDER BY id", arguments: [model]).map { row in
            AlertRuleRecord(id: row["id"], modelName: row["model_name"], condition: row["condition"],
                            dataLabel: row["data_label"], dataRecipe: row["data_recipe"], options: row["options"],
                            createdBy: row["created_by"], createdAt: row["created_at"])
        }
    }
}
