import Foundation
import GRDB

/// Requests and predictions captured by the endpoint, waiting to be observed as a monitoring batch.
extension Store {
    /// Stores captures in one transaction.
    /// - Throws: `StoreError` for an unknown model version or a capture with no rows.
    public func recordCaptures(_ captures: [NewCapture]) throws {
        try recordCaptures(captures.map(EncodedCapture.init))
    }

    /// Stores captures whose rows are already JSON text, in one transaction.
    /// - Throws: `StoreError` for an unknown model version or a capture with no rows.
    public func recordCaptures(_ captures: [EncodedCapture]) throws {
        guard !captures.isEmpty else { return }
        try writeTransaction("storing \(captures.count) captured requests") { db in
            let now = Date()
            for encoded in captures {
                guard encoded.rows.count > 0 else { throw StoreError.invalidValue("a capture needs at least one row") }
                let capture = encoded.capture
                try db.execute(sql: """
                    INSERT INTO captured_request (model_name, version, shadow_version, columns, rows, row_count,
                                                  predictions, shadow_predictions, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [capture.modelName, capture.version, capture.shadowVersion,
                                     JSONText.list(capture.columns), encoded.rows.text,
                                     encoded.rows.count, JSONText.list(capture.predictions),
                                     capture.shadowPredictions.map(JSONText.list), now])
            }
        }
    }

    /// The captures of `model` not yet observed, oldest first.
    public func pendingCaptures(_ model: String) throws -> [CaptureRecord] {
        try read("reading the captured requests of \(model)") { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: """
                SELECT * FROM captured_request WHERE model_name = ? AND batch_id IS NULL ORDER BY id
                """, arguments: [model]).map { row in try Self.capture(from: row, decoder) }
        }
    }

    /// Every capture of `model`, observed or not, oldest first.
    public func captures(_ model: String) throws -> [CaptureRecord] {
        try read("reading the captured requests of \(model)") { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: "SELECT * FROM captured_request WHERE model_name = ? ORDER BY id", arguments: [model])
                .map { row in try Self.capture(from: row, decoder) }
        }
    }

    static func markObserved(_ db: Database, captures: [Int64], batch: Int64) throws {
        for id in captures {
            try db.execute(sql: "UPDATE captured_request SET batch_id = ? WHERE id = ? AND batch_id IS NULL", arguments: [batch, id])
            guard db.changesCount == 1 else {
                throw StoreError.refused("captured request \(id) was already observed; observe the captured traffic again")
            }
        }
    }

    private static func capture(from row: Row, _ decoder: JSONDecoder) throws -> CaptureRecord {
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            let text: String = row[column]
            return try decoder.decode(type, from: Data(text.utf8))
        }
        let shadow: String? = row["shadow_predictions"]
        let capture = NewCapture(
            modelName: row["model_name"], version: row["version"], shadowVersion: row["shadow_version"],
            columns: try decode([String].self, "columns"), rows: try decode([[String?]].self, "rows"),
            predictions: try decode([String].self, "predictions"),
            shadowPredictions: try shadow.map { try decoder.decode([String].self, from: Data($0.utf8)) })
        return CaptureRecord(id: row["id"], capture: capture, receivedAt: row["received_at"], batchID: row["batch_id"])
    }
}
