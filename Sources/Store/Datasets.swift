import Foundation
import GRDB

extension Store {
    /// Records a dataset version; recording the same sha256 again keeps the first record and returns it.
    ///
    /// Parents must be recorded first.
    /// - Throws: `StoreError` for a malformed hash, negative counts, or an unknown parent.
    @discardableResult
    public func recordDatasetVersion(_ version: DatasetVersionRecord) throws -> DatasetVersionRecord {
        let hash = version.sha256.lowercased()
        guard Self.isSHA256(hash) else { throw StoreError.invalidValue("dataset version hash is not a SHA-256 hex digest") }
        let parents = version.parents.map { $0.lowercased() }
        return try writeTransaction("recording dataset version \(hash)") { db in
            try db.execute(sql: """
                INSERT INTO dataset_version (sha256, row_count, column_count, target, origin, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING
                """, arguments: [hash, version.rows, version.columns, version.target, version.origin, Date()])
            if db.changesCount > 0 {
                for (position, parent) in parents.enumerated() {
                    let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dataset_version WHERE sha256 = ?)",
                                                  arguments: [parent]) ?? false
                    guard known else {
                        throw StoreError.notFound("parent dataset version \(parent) of \(hash) is not recorded")
                    }
                    try db.execute(sql: """
                        INSERT INTO dataset_parent (child_sha256, position, parent_sha256) VALUES (?, ?, ?)
                        """, arguments: [hash, position, parent])
                }
            }
            return try Self.fetchDatasetVersion(db, hash)!
        }
    }

    /// Stores `bytes` in the object store and records them as a dataset version keyed by their hash.
    /// - Throws: `StoreError` as `putObject` and `recordDatasetVersion` do.
    @discardableResult
    public func snapshotDataset(_ bytes: Data, rows: Int, columns: Int, target: String? = nil,
                                origin: String, parents: [String] = []) throws -> DatasetVersionRecord {
        let hash = try putObject(bytes)
        return try recordDatasetVersion(DatasetVersionRecord(
            sha256: hash, rows: rows, columns: columns, target: target, origin: origin, parents: parents))
    }

    /// The dataset version `sha256`, or nil when it was never recorded.
    public func datasetVersion(sha256: String) throws -> DatasetVersionRecord? {
        try read("reading dataset version") { db in try Self.fetchDatasetVersion(db, sha256.lowercased()) }
    }

    /// The versions derived directly from `sha256`.
    public func datasetChildren(sha256: String) throws -> [DatasetVersionRecord] {
        try read("reading dataset children") { db in
            let hashes = try String.fetchAll(db, sql: """
                SELECT child_sha256 FROM dataset_parent WHERE parent_sha256 = ? ORDER BY child_sha256
                """, arguments: [sha256.lowercased()])
            return try hashes.compactMap { try Self.fetchDatasetVersion(db, $0) }
        }
    }

    static func fetchDatasetVersion(_ db: Database, _ hash: String) throws -> DatasetVersionRecord? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT sha256, row_count, column_count, target, origin FROM dataset_version WHERE sha256 = ?
            """, arguments: [hash]) else { return nil }
        let parents = try String.fetchAll(db, sql: """
            SELECT parent_sha256 FROM dataset_parent WHERE child_sha256 = ? ORDER BY position
            """, arguments: [hash])
        return DatasetVersionRecord(sha256: row["sha256"], rows: row["row_count"], columns: row["column_count"],
                                    target: row["target"], origin: row["origin"], parents: parents)
    }
}
