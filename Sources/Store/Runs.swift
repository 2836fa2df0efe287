import Foundation
import GRDB

extension Store {
    /// Logs a run with its parameters, metrics and data versions in one transaction and returns its id.
    ///
    /// ```swift
    /// let id = try store.logRun(NewRun(kind: .cv, algorithm: "logistic", metrics: ["f1": 0.8], mlwVersion: "0.1.0"))
    /// ```
    /// - Throws: `StoreError` for a non-finite metric, an unknown parent run or dataset version,
    ///   or a value refused by a constraint.
    @discardableResult
    public func logRun(_ run: NewRun) throws -> Int64 {
        try Self.validate(run)
        return try writeTransaction("logging a \(run.kind.rawValue) run") { db in try Self.insert(run, db) }
    }

    /// Logs a parent run (a tune) and its child runs (one per combination) in one transaction.
    /// Each child's `parentRunID` is set to the parent's id.
    /// - Returns: the parent's id and the children's ids in order.
    /// - Throws: as `logRun`.
    public func logRuns(parent: NewRun, children: [NewRun]) throws -> (parent: Int64, children: [Int64]) {
        try Self.validate(parent)
        for child in children { try Self.validate(child) }
        return try writeTransaction("logging a \(parent.kind.rawValue) run with \(children.count) child runs") { db in
            let parentID = try Self.insert(parent, db)
            let childIDs = try children.map { child in
                var child = child
                child.parentRunID = parentID
                return try Self.insert(child, db)
            }
            return (parentID, childIDs)
        }
    }

    /// The run with `id`, with its child run ids; nil when there is none.
    public func run(id: Int64) throws -> RunRecord? {
        try read("reading run \(id)") { db in try Self.fetchRuns(db, ids: [id]).first }
    }

    /// Runs matching `query`, in its order.
    ///
    /// ```swift
    /// let best = try store.runs(RunQuery(algorithm: "forest", order: .metric("rmse", descending: false), limit: 5))
    /// ```
    /// - Throws: `StoreError` when the predicate compares `seed` with text or `kind` with a number.
    public func runs(_ query: RunQuery = RunQuery()) throws -> [RunRecord] {
        var sql = "SELECT run.id FROM run"
        var arguments: [(any DatabaseValueConvertible)?] = []
        var conditions: [String] = []
        if case .metric(let name, _) = query.order {
            sql += " LEFT JOIN run_metric AS order_metric ON order_metric.run_id = run.id AND order_metric.name = ?"
            arguments.append(name)
        }
        if let algorithm = query.algorithm {
            conditions.append("run.algorithm = ?")
            arguments.append(algorithm)
        }
        if let kind = query.kind {
            conditions.append("run.kind = ?")
            arguments.append(kind.rawValue)
        }
        if let parent = query.parentRunID {
            conditions.append("run.parent_run_id = ?")
            arguments.append(parent)
        }
        if let artifact = query.artifactSHA256 {
            conditions.append("run.artifact_sha256 = ?")
            arguments.append(artifact.lowercased())
        }
        if let predicate = query.predicate {
            conditions.append(try Self.sql(for: predicate, arguments: &arguments))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        switch query.order {
        case .newest:
            sql += " ORDER BY run.id DESC"
        case .metric(_, let descending):
            // Portable NULLS LAST: SQLite and PostgreSQL disagree on where NULLs sort by default.
            sql += " ORDER BY CASE WHEN order_metric.value IS NULL THEN 1 ELSE 0 END, order_metric.value "
                + (descending ? "DESC" : "ASC") + ", run.id DESC"
        }
        if let limit = query.limit {
            guard limit >= 0 else { throw StoreError.invalidQuery("limit must not be negative") }
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return try read("listing runs") { db in
            let ids = try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            return try Self.fetchRuns(db, ids: ids)
        }
    }

    /// The number of runs logged.
    public func runCount() throws -> Int {
        try read("counting runs") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0 }
    }

    // MARK: - Writing

    static func validate(_ run: NewRun) throws {
        for (name, value) in run.metrics where !value.isFinite {
            throw StoreError.invalidValue("metric '\(name)' is not a finite number")
        }
        guard run.durationSeconds.isFinite, run.durationSeconds >= 0 else {
            throw StoreError.invalidValue("run duration must be a finite number of seconds, zero or more")
        }
        if let sha = run.artifactSHA256, !isSHA256(sha.lowercased()) {
            throw StoreError.invalidValue("artifact hash is not a SHA-256 hex digest")
        }
        for ref in run.data where !isSHA256(ref.sha256.lowercased()) {
            throw StoreError.invalidValue("data version for role '\(ref.role)' is not a SHA-256 hex digest")
        }
    }

    static func insert(_ run: NewRun, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO run (kind, algorithm, seed, duration_seconds, mlw_version, session_file, session_line,
                             model_name, artifact_sha256, parent_run_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                run.kind.rawValue, run.algorithm, run.seed.map { Int64(bitPattern: $0) }, run.durationSeconds,
                run.mlwVersion, run.sessionFile, run.sessionLine, run.modelName, run.artifactSHA256?.lowercased(),
                run.parentRunID, run.createdAt ?? Date(),
            ])
        let id = db.lastInsertedRowID
        for (name, text) in run.parameters.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: """
                INSERT INTO run_parameter (run_id, name, text_value, numeric_value) VALUES (?, ?, ?, ?)
                """, arguments: [id, name, text, numericValue(text)])
        }
        for (name, value) in run.metrics.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO run_metric (run_id, name, value) VALUES (?, ?, ?)",
                           arguments: [id, name, value])
        }
        for (position, ref) in run.data.enumerated() {
            try db.execute(sql: """
                INSERT INTO run_data (run_id, position, dataset_sha256, role, recipe) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, position, ref.sha256.lowercased(), ref.role, ref.recipe])
        }
        return id
    }

    /// The number a parameter's text denotes, when it is a finite number.
    static func numericValue(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    // MARK: - Reading

    /// Full records for `ids`, in the order of `ids`, fetching children in batches.
    static func fetchRuns(_ db: Database, ids: [Int64]) throws -> [RunRecord] {
        var records: [Int64: RunRecord] = [:]
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            start += batch.count
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            let args = StatementArguments(batch)
            for row in try Row.fetchAll(db, sql: """
                SELECT id, kind, algorithm, seed, duration_seconds, mlw_version, session_file, session_line,
                       model_name, artifact_sha256, parent_run_id, created_at
                FROM run WHERE id IN (\(marks))
                """, arguments: args) {
                let id: Int64 = row["id"]
                let kindText: String = row["kind"]
                guard let kind = RunKind(rawValue: kindText) else {
                    throw StoreError.invalidValue("run \(id) has unknown kind '\(kindText)'")
                }
                let seed: Int64? = row["seed"]
                records[id] = RunRecord(
                    id: id, kind: kind, algorithm: row["algorithm"], parameters: [:], numericParameters: [:],
                    seed: seed.map { UInt64(bitPattern: $0) }, data: [], metrics: [:],
                    durationSeconds: row["duration_seconds"], mlwVersion: row["mlw_version"],
                    sessionFile: row["session_file"], sessionLine: row["session_line"], modelName: row["model_name"],
                    artifactSHA256: row["artifact_sha256"], parentRunID: row["parent_run_id"],
                    createdAt: row["created_at"], childRunIDs: [])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT run_id, name, text_value, numeric_value FROM run_parameter WHERE run_id IN (\(marks))
                """, arguments: args) {
                let id: Int64 = row["run_id"]
                let name: String = row["name"]
                records[id]?.parameters[name] = row["text_value"]
                if let number: Double = row["numeric_value"] { records[id]?.numericParameters[name] = number }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT run_id, name, value FROM run_metric WHERE run_id IN (\(marks))
                """, arguments: args) {
                let id: Int64 = row["run_id"]
                records[id]?.metrics[row["name"]] = row["value"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT run_id, dataset_sha256, role, recipe FROM run_data WHERE run_id IN (\(marks)) ORDER BY run_id, position
                """, arguments: args) {
                let id: Int64 = row["run_id"]
                records[id]?.data.append(RunDataRef(sha256: row["dataset_sha256"], role: row["role"], recipe: row["recipe"]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT parent_run_id, id FROM run WHERE parent_run_id IN (\(marks)) ORDER BY id
                """, arguments: args) {
                let parent: Int64 = row["parent_run_id"]
                records[parent]?.childRunIDs.append(row["id"])
            }
        }
        return ids.compactMap { records[$0] }
    }

    // MARK: - Predicates

    /// Translates `predicate` to an SQL condition over `run`, appending its values to `arguments`.
    /// Values are always bound, never interpolated.
    static func sql(for predicate: RunPredicate, arguments: inout [(any DatabaseValueConvertible)?]) throws -> String {
        switch predicate {
        case .and(let left, let right):
            let l = try sql(for: left, arguments: &arguments)
            let r = try sql(for: right, arguments: &arguments)
            return "(\(l) AND \(r))"
        case .or(let left, let right):
            let l = try sql(for: left, arguments: &arguments)
            let r = try sql(for: right, arguments: &arguments)
            return "(\(l) OR \(r))"
        case .compare(let field, let op, let value):
            let o = op.sql
            switch (field, value) {
            case ("algorithm", .text(let text)), ("kind", .text(let text)):
                arguments.append(text)
                return "run.\(field) \(o) ?"
            case ("algorithm", .number), ("kind", .number):
                throw StoreError.invalidQuery("\(field) is text and cannot be compared with a number")
            case ("seed", .number(let number)):
                arguments.append(number)
                return "run.seed \(o) ?"
            case ("seed", .text):
                throw StoreError.invalidQuery("seed is a number and cannot be compared with text")
            case (_, .number(let number)):
                // A run's metric of this name wins; otherwise its parameter's numeric value.
                arguments.append(contentsOf: [field, number, field, field, number] as [(any DatabaseValueConvertible)?])
                return """
                    (EXISTS (SELECT 1 FROM run_metric AS m WHERE m.run_id = run.id AND m.name = ? AND m.value \(o) ?) \
                    OR (NOT EXISTS (SELECT 1 FROM run_metric AS m WHERE m.run_id = run.id AND m.name = ?) \
                    AND EXISTS (SELECT 1 FROM run_parameter AS p WHERE p.run_id = run.id AND p.name = ? \
                    AND p.numeric_value \(o) ?)))
                    """
            case (_, .text(let text)):
                // Metrics are numbers, so a text comparison only applies to a parameter, and only where
                // the run has no metric of that name.
                arguments.append(contentsOf: [field, field, text] as [(any DatabaseValueConvertible)?])
                return """
                    (NOT EXISTS (SELECT 1 FROM run_metric AS m WHERE m.run_id = run.id AND m.name = ?) \
                    AND EXISTS (SELECT 1 FROM run_parameter AS p WHERE p.run_id = run.id AND p.name = ? \
                    AND p.text_value \(o) ?))
                    """
            }
        }
    }
}
