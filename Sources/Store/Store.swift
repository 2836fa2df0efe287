import Crypto
import Foundation
import GRDB

/// The on-disk store: an SQLite database (`mlw.sqlite`, WAL mode) and a content-addressed object store
/// (`objects/ab/cdef…`, by SHA-256 hex) in one directory.
///
/// ```swift
/// let store = try Store.open(directory: ".mlw")
/// let id = try store.logRun(NewRun(kind: .train, algorithm: "tree", mlwVersion: "0.1.0"))
/// ```
/// Several `Store` instances (threads or processes) may share a directory; writes are serialized by SQLite.
public final class Store: Sendable {
    /// The directory holding `mlw.sqlite` and `objects/`.
    public let directory: String
    let pool: DatabasePool
    let objectsDirectory: String
    private let removeOnDeinit: Bool

    private init(directory: String, removeOnDeinit: Bool) throws {
        self.directory = directory
        self.objectsDirectory = (directory as NSString).appendingPathComponent("objects")
        self.removeOnDeinit = removeOnDeinit
        do {
            try FileManager.default.createDirectory(atPath: objectsDirectory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io("cannot create store directory \(directory): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.label = "mlw.store"
        let path = (directory as NSString).appendingPathComponent("mlw.sqlite")
        // GRDB reads which migrations are applied before the transaction that applies one, so two processes
        // opening one new store could both apply it; an advisory lock on the directory makes them take turns.
        let lock = try Self.lockForMigrating(directory)
        defer { flock(lock, LOCK_UN); close(lock) }
        pool = try Self.retryingWhileBusy {
            let pool = try withStoreErrors("opening \(path)") {
                try DatabasePool(path: path, configuration: configuration)
            }
            try withStoreErrors("migrating \(path)") {
                try Self.migrator.migrate(pool)
            }
            return pool
        }
    }

    /// Runs `body` again while another process holds the lock it needs: switching a new database to WAL
    /// mode does not wait for the busy timeout, so two processes creating one store at once must retry.
    private static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as StoreError where error.isBusy && attempt < 100 {
                attempt += 1
                usleep(useconds_t(20_000 + 1_000 * attempt))
            }
        }
    }

    /// An exclusive advisory lock on `directory/migrate.lock`, held by the caller until it closes the descriptor.
    private static func lockForMigrating(_ directory: String) throws -> Int32 {
        let path = (directory as NSString).appendingPathComponent("migrate.lock")
        let descriptor = Foundation.open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw StoreError.io("cannot open \(path): \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw StoreError.io("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        return descriptor
    }

    deinit {
        if removeOnDeinit {
            try? pool.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// Opens (creating if needed) the store in `directory`, applying pending migrations.
    /// - Throws: `StoreError` when the directory or database cannot be created or migrated.
    public static func open(directory: String = ".mlw") throws -> Store {
        try Store(directory: directory, removeOnDeinit: false)
    }

    /// A new store in a fresh temporary directory, removed when the store is released.
    /// - Throws: `StoreError` when the directory or database cannot be created.
    public static func temporary() throws -> Store {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("mlw-store-\(UUID().uuidString)")
        return try Store(directory: dir, removeOnDeinit: true)
    }

    /// The names of the migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        try withStoreErrors("reading migrations") {
            try pool.read { db in try Self.migrator.appliedMigrations(db) }
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction, so concurrent writers wait instead of failing to upgrade.
    func writeTransaction<T>(_ context: String, _ body: (Database) throws -> T) throws -> T {
        try withStoreErrors(context) {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ context: String, _ body: (Database) throws -> T) throws -> T {
        try withStoreErrors(context) { try pool.read(body) }
    }

    /// SHA-256 of `data` as lowercase hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
