import Foundation
import Testing
@testable import Store

private let shaA = String(repeating: "a", count: 64)
private let shaB = String(repeating: "b", count: 64)
private let shaC = String(repeating: "c", count: 64)

private func storeWithData() throws -> Store {
    let store = try Store.temporary()
    try store.recordDatasetVersion(DatasetVersionRecord(sha256: shaA, rows: 150, columns: 5, target: "species", origin: "iris.csv"))
    try store.recordDatasetVersion(DatasetVersionRecord(sha256: shaB, rows: 120, columns: 5, target: "species",
                                                        origin: "split(iris).train", parents: [shaA]))
    try store.recordDatasetVersion(DatasetVersionRecord(sha256: shaC, rows: 30, columns: 5, target: "species",
                                                        origin: "split(iris).test", parents: [shaA]))
    return store
}

private func run(_ algorithm: String, _ parameters: [String: String], _ metrics: [String: Double],
                 kind: RunKind = .train, seed: UInt64? = nil) -> NewRun {
    NewRun(kind: kind, algorithm: algorithm, parameters: parameters, seed: seed, metrics: metrics, mlwVersion: "0.1.0")
}

@Suite struct MigrationTests {
    @Test func migrationsApplyToAnEmptyDatabase() throws {
        let store = try Store.temporary()
        #expect(try store.appliedMigrations() == ["0001-runs-datasets", "0002-registry-audit", "0003-monitoring", "0004-serving", "0005-lessons"])
        #expect(try store.runCount() == 0)
        #expect(FileManager.default.fileExists(atPath: store.directory + "/mlw.sqlite"))
        // Reopening the same directory applies nothing new.
        let again = try Store.open(directory: store.directory)
        #expect(try again.appliedMigrations() == ["0001-runs-datasets", "0002-registry-audit", "0003-monitoring", "0004-serving", "0005-lessons"])
    }

    @Test func databaseIsInWALMode() throws {
        let store = try Store.temporary()
        let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}

@Suite struct RunTests {
    @Test func runRoundTripsEveryField() throws {
        let store = try storeWithData()
        let artifact = try store.putObject(Data("model bytes".utf8))
        let created = Date(timeIntervalSince1970: 1_790_000_000.123)
        let new = NewRun(
            kind: .evaluate, algorithm: "forest", parameters: ["trees": "100", "criterion": "gini", "depth": "2.5"],
            seed: UInt64.max, data: [RunDataRef(sha256: shaB, role: "train"), RunDataRef(sha256: shaC, role: "test")],
            metrics: ["f1": 0.875, "accuracy": 0.9], durationSeconds: 1.25, mlwVersion: "0.1.0",
            sessionFile: "sessions/2026-11-22.mlw", sessionLine: 12, modelName: "m1", artifactSHA256: artifact,
            parentRunID: nil, createdAt: created)
        let id = try store.logRun(new)
        let record = try #require(try store.run(id: id))
        #expect(record.id == id)
        #expect(record.kind == .evaluate)
        #expect(record.algorithm == "forest")
        #expect(record.parameters == ["trees": "100", "criterion": "gini", "depth": "2.5"])
        #expect(record.numericParameters == ["trees": 100, "depth": 2.5])
        #expect(record.seed == UInt64.max)
        #expect(record.data == new.data)
        #expect(record.metrics == ["f1": 0.875, "accuracy": 0.9])
        #expect(record.durationSeconds == 1.25)
        #expect(record.mlwVersion == "0.1.0")
        #expect(record.sessionFile == "sessions/2026-11-22.mlw")
        #expect(record.sessionLine == 12)
        #expect(record.modelName == "m1")
        #expect(record.artifactSHA256 == artifact)
        #expect(record.parentRunID == nil)
        #expect(abs(record.createdAt.timeIntervalSince(created)) < 0.001)
        #expect(record.childRunIDs == [])
        #expect(try store.run(id: id + 1) == nil)
    }

    @Test func parentAndChildRuns() throws {
        let store = try storeWithData()
        let children = (1...3).map { run("tree", ["depth": "\($0)"], ["f1": 0.5 + Double($0) / 10], kind: .cv) }
        let (parent, childIDs) = try store.logRuns(parent: run("tree", [:], ["f1": 0.8], kind: .tune), children: children)
        #expect(childIDs.count == 3)
        let record = try #require(try store.run(id: parent))
        #expect(record.childRunIDs == childIDs)
        for child in childIDs { #expect(try store.run(id: child)?.parentRunID == parent) }
        // A single child logged later with an explicit parent.
        let late = try store.logRun(NewRun(kind: .cv, algorithm: "tree", mlwVersion: "0.1.0", parentRunID: parent))
        #expect(try store.run(id: parent)?.childRunIDs == childIDs + [late])
        #expect(try store.runs(RunQuery(parentRunID: parent)).map(\.id) == ([late] + childIDs.reversed()))
        // An unknown parent is refused by the foreign key, naming the SQL but not the values.
        #expect {
            try store.logRun(NewRun(kind: .cv, algorithm: "tree", mlwVersion: "0.1.0", parentRunID: 9_999))
        } throws: { error in
            let error = try #require(error as? StoreError)
            return error.isDatabaseError && error.message.contains("FOREIGN KEY") && !error.message.contains("9999")
        }
    }

    @Test func constraintsAndValidationRefuseBadRuns() throws {
        let store = try storeWithData()
        #expect(throws: StoreError.self) { try store.logRun(run("tree", [:], ["f1": .nan])) }
        #expect(throws: StoreError.self) { try store.logRun(run("", [:], [:])) }
        #expect(throws: StoreError.self) {
            try store.logRun(NewRun(kind: .train, algorithm: "tree", data: [RunDataRef(sha256: String(repeating: "d", count: 64), role: "train")],
                                    mlwVersion: "0.1.0"))
        }
        // Nothing half-written: the failed runs left no rows behind.
        #expect(try store.runCount() == 0)
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_parameter") }
        #expect(rows == 0)
    }
}

@Suite struct QueryTests {
    /// Runs: 1 tree depth=2 f1=.7 | 2 tree depth=4 f1=.8 | 3 forest trees=100 f1=.9 rmse=.3
    /// 4 forest trees=10 f1=.6 rmse=.5 | 5 logistic solver=lbfgs (no f1) rmse=.4
    private func sample() throws -> (Store, [Int64]) {
        let store = try storeWithData()
        var ids: [Int64] = []
        ids.append(try store.logRun(run("tree", ["depth": "2"], ["f1": 0.7], seed: 1)))
        ids.append(try store.logRun(run("tree", ["depth": "4"], ["f1": 0.8], seed: 2)))
        ids.append(try store.logRun(run("forest", ["trees": "100"], ["f1": 0.9, "rmse": 0.3], kind: .cv, seed: 1)))
        ids.append(try store.logRun(run("forest", ["trees": "10"], ["f1": 0.6, "rmse": 0.5], seed: 3)))
        ids.append(try store.logRun(run("logistic", ["solver": "lbfgs", "f1": "9"], ["rmse": 0.4])))
        return (store, ids)
    }

    @Test func newestFirstWithLimit() throws {
        let (store, ids) = try sample()
        #expect(try store.runs().map(\.id) == ids.reversed())
        #expect(try store.runs(RunQuery(limit: 2)).map(\.id) == [ids[4], ids[3]])
    }

    @Test func bestFirstBothDirections() throws {
        let (store, ids) = try sample()
        // f1 descending; run 5 has no f1 metric and comes last.
        #expect(try store.runs(RunQuery(order: .metric("f1", descending: true))).map(\.id)
                == [ids[2], ids[1], ids[0], ids[3], ids[4]])
        // rmse ascending; runs without rmse last, newest first among them.
        #expect(try store.runs(RunQuery(order: .metric("rmse", descending: false))).map(\.id)
                == [ids[2], ids[4], ids[3], ids[1], ids[0]])
        #expect(try store.runs(RunQuery(algorithm: "forest", order: .metric("rmse", descending: false), limit: 1))
            .map(\.id) == [ids[2]])
    }

    @Test(arguments: [
        // (predicate, expected indexes into the sample, newest first)
        // Run 5's parameter f1=9 applies because it has no f1 metric.
        (RunPredicate.compare(field: "f1", op: .greaterThan, value: .number(0.75)), [4, 2, 1]),
        (.compare(field: "f1", op: .lessOrEqual, value: .number(0.7)), [3, 0]),
        (.compare(field: "depth", op: .equal, value: .number(4)), [1]),
        (.compare(field: "solver", op: .equal, value: .text("lbfgs")), [4]),
        (.compare(field: "solver", op: .notEqual, value: .text("lbfgs")), []),
        (.and(.compare(field: "f1", op: .greaterOrEqual, value: .number(0.6)),
              .compare(field: "trees", op: .lessThan, value: .number(50))), [3]),
        (.or(.compare(field: "depth", op: .equal, value: .number(2)),
             .compare(field: "trees", op: .equal, value: .number(100))), [2, 0]),
        (.or(.and(.compare(field: "algorithm", op: .equal, value: .text("tree")),
                  .compare(field: "f1", op: .greaterThan, value: .number(0.75))),
             .compare(field: "rmse", op: .lessThan, value: .number(0.45))), [4, 2, 1]),
        (.compare(field: "kind", op: .equal, value: .text("cv")), [2]),
        (.compare(field: "seed", op: .equal, value: .number(1)), [2, 0]),
        // Run 5 has a parameter f1=9 but no metric f1: the parameter applies there.
        (.compare(field: "f1", op: .greaterThan, value: .number(5)), [4]),
        (.compare(field: "nothing", op: .notEqual, value: .number(0)), []),
    ])
    func filters(predicate: RunPredicate, expected: [Int]) throws {
        let (store, ids) = try sample()
        #expect(try store.runs(RunQuery(predicate: predicate)).map(\.id) == expected.map { ids[$0] })
    }

    @Test func filterCombinesWithAlgorithmAndKind() throws {
        let (store, ids) = try sample()
        let predicate = RunPredicate.compare(field: "f1", op: .greaterThan, value: .number(0.65))
        #expect(try store.runs(RunQuery(algorithm: "forest", predicate: predicate)).map(\.id) == [ids[2]])
        #expect(try store.runs(RunQuery(kind: .train, predicate: predicate)).map(\.id) == [ids[4], ids[1], ids[0]])
    }

    @Test func valuesAreBoundNotInterpolated() throws {
        let (store, _) = try sample()
        let hostile = RunPredicate.compare(field: "x'; DROP TABLE run; --", op: .equal, value: .text("' OR 1=1 --"))
        #expect(try store.runs(RunQuery(predicate: hostile)).isEmpty)
        #expect(try store.runCount() == 5)
        #expect(throws: StoreError.self) {
            try store.runs(RunQuery(predicate: .compare(field: "seed", op: .equal, value: .text("1"))))
        }
    }
}

@Suite struct ObjectAndDatasetTests {
    @Test func objectRoundTripsAndIsContentAddressed() throws {
        let store = try Store.temporary()
        let bytes = Data("hello, store".utf8)
        let hash = try store.putObject(bytes)
        #expect(hash == Store.sha256(bytes))
        #expect(try store.putObject(bytes) == hash)
        #expect(store.objectPath(hash).hasSuffix("objects/\(hash.prefix(2))/\(hash.dropFirst(2))"))
        #expect(try store.object(sha256: hash) == bytes)
    }

    @Test func tamperedOrTruncatedObjectIsRefused() throws {
        let store = try Store.temporary()
        let bytes = Data(repeating: 7, count: 1000)
        let hash = try store.putObject(bytes)
        try Data(repeating: 8, count: 1000).write(to: URL(fileURLWithPath: store.objectPath(hash)))
        let tampered = Store.sha256(Data(repeating: 8, count: 1000))
        do {
            _ = try store.object(sha256: hash)
            Issue.record("tampered object was loaded")
        } catch let error as StoreError {
            #expect(error.isCorruptObject)
            #expect(error.message.contains("object \(hash)"))
            #expect(error.message.contains("expected SHA-256 \(hash), actual \(tampered)"))
        }
        try bytes.prefix(10).write(to: URL(fileURLWithPath: store.objectPath(hash)))
        #expect { try store.object(sha256: hash) } throws: { ($0 as? StoreError)?.isCorruptObject == true }
        // Putting the bytes again repairs the object.
        try store.putObject(bytes)
        #expect(try store.object(sha256: hash) == bytes)
        #expect { try store.object(sha256: Store.sha256(Data("absent".utf8))) } throws: {
            ($0 as? StoreError)?.isMissingObject == true
        }
    }

    @Test func datasetVersionRecordedTwiceIsIdempotent() throws {
        let store = try storeWithData()
        let first = try #require(try store.datasetVersion(sha256: shaB))
        #expect(first.parents == [shaA])
        let again = try store.recordDatasetVersion(DatasetVersionRecord(sha256: shaB, rows: 120, columns: 5,
                                                                         target: "species", origin: "split(iris).train",
                                                                         parents: [shaA]))
        #expect(again == first)
        let count = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dataset_version WHERE sha256 = ?", arguments: [shaB])
        }
        #expect(count == 1)
        #expect(try store.datasetChildren(sha256: shaA).map(\.sha256) == [shaB, shaC])
    }

    @Test func snapshotStoresBytesAndLineage() throws {
        let store = try Store.temporary()
        let csv = Data("a,b\n1,2\n".utf8)
        let raw = try store.snapshotDataset(csv, rows: 1, columns: 2, origin: "data.csv")
        #expect(try store.object(sha256: raw.sha256) == csv)
        let derived = try store.snapshotDataset(Data("a\n1\n".utf8), rows: 1, columns: 1,
                                                origin: "select(data, a)", parents: [raw.sha256])
        #expect(try store.datasetVersion(sha256: derived.sha256)?.parents == [raw.sha256])
        #expect { try store.recordDatasetVersion(DatasetVersionRecord(sha256: shaA, rows: 1, columns: 1, origin: "x",
                                                                      parents: [shaC])) }
            throws: { ($0 as? StoreError)?.isNotFound == true }
        #expect(try store.datasetVersion(sha256: shaA) == nil)
    }
}

@Suite(.serialized) struct ScaleTests {
    @Test func tenThousandRunsAndAFilteredQuery() throws {
        let store = try storeWithData()
        let algorithms = ["tree", "forest", "logistic", "boost"]
        let clock = ContinuousClock()
        let logging = try clock.measure {
            for i in 0..<10_000 {
                try store.logRun(NewRun(
                    kind: .train, algorithm: algorithms[i % 4],
                    parameters: ["depth": "\(i % 10)", "criterion": i % 2 == 0 ? "gini" : "entropy"],
                    seed: UInt64(i), data: [RunDataRef(sha256: shaB, role: "train")],
                    metrics: ["f1": Double(i % 1000) / 1000, "accuracy": Double(i % 97) / 97],
                    durationSeconds: 0.01, mlwVersion: "0.1.0"))
            }
        }
        #expect(try store.runCount() == 10_000)
        let query = RunQuery(
            algorithm: "forest",
            predicate: .and(.compare(field: "f1", op: .greaterThan, value: .number(0.9)),
                            .or(.compare(field: "depth", op: .equal, value: .number(5)),
                                .compare(field: "criterion", op: .equal, value: .text("gini")))),
            order: .metric("f1", descending: true), limit: 20)
        var result: [RunRecord] = []
        let querying = try clock.measure { result = try store.runs(query) }
        #expect(result.count == 20)
        #expect(result.allSatisfy { $0.algorithm == "forest" && $0.metrics["f1"]! > 0.9 })
        #expect(zip(result, result.dropFirst()).allSatisfy { $0.metrics["f1"]! >= $1.metrics["f1"]! })
        var all: [RunRecord] = []
        let unlimited = try clock.measure { all = try store.runs(RunQuery(predicate: query.predicate)) }
        print("StoreTests timing: logged 10,000 runs (one transaction each) in \(logging)")
        print("StoreTests timing: filtered best-first query with limit 20 in \(querying)")
        print("StoreTests timing: same filter, all \(all.count) matching runs with full records in \(unlimited)")
    }

    @Test func twoConcurrentWritersLoseNothing() async throws {
        let first = try storeWithData()
        let directory = first.directory
        let ids = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try Store.open(directory: directory)
                    return try (0..<500).map { i in
                        try store.logRun(NewRun(kind: .train, algorithm: "w\(writer)", parameters: ["i": "\(i)"],
                                                metrics: ["f1": Double(i) / 500], mlwVersion: "0.1.0"))
                    }
                }
            }
            var all: [Int64] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(ids.count == 1000)
        #expect(Set(ids).count == 1000)
        #expect(try first.runCount() == 1000)
        #expect(try first.runs(RunQuery(algorithm: "w0")).count == 500)
        #expect(try first.runs(RunQuery(algorithm: "w1")).count == 500)
    }

    @Test func twoStoresOpeningAFreshDirectoryMigrateOnce() async throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("mlw-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let migrations = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let store = try Store.open(directory: directory)
                    try store.logRun(NewRun(kind: .train, algorithm: "tree", mlwVersion: "0.1.0"))
                    return try store.appliedMigrations()
                }
            }
            var all: [[String]] = []
            for try await applied in group { all.append(applied) }
            return all
        }
        #expect(migrations == [["0001-runs-datasets", "0002-registry-audit", "0003-monitoring", "0004-serving", "0005-lessons"], ["0001-runs-datasets", "0002-registry-audit", "0003-monitoring", "0004-serving", "0005-lessons"]])
        #expect(try Store.open(directory: directory).runCount() == 2)
    }
}
