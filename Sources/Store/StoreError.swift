import GRDB

/// An error from the store: a database failure, a missing or corrupt object, or an invalid value or query.
///
/// The message keeps the SQL and its context but never the user's data values:
/// ```swift
/// do { _ = try store.object(sha256: hash) }
/// catch let error as StoreError { print(error) } // object ab12… is corrupt: expected SHA-256 …, actual …
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Kind: Sendable, Equatable {
        case database
        case objectMissing
        case objectCorrupt
        case invalidValue
        case invalidQuery
        case notFound
        case refused
        case io
    }

    private let kind: Kind
    /// SQLite's primary result code, for database errors.
    private var resultCode: Int32 = 0
    /// A human-readable description that names the object, table or field involved.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// True when a content-addressed object failed its checksum on load.
    public var isCorruptObject: Bool { kind == .objectCorrupt }
    /// True when a content-addressed object is not in the store.
    public var isMissingObject: Bool { kind == .objectMissing }
    /// True when a run or dataset version that was asked for does not exist.
    public var isNotFound: Bool { kind == .notFound }
    /// True when a value was refused before reaching the database.
    public var isInvalidValue: Bool { kind == .invalidValue }
    /// True when a query could not be translated to SQL.
    public var isInvalidQuery: Bool { kind == .invalidQuery }
    /// True when a registry rule refused a change (approving twice, promoting a rejected version, ...).
    public var isRefused: Bool { kind == .refused }
    /// True when the database was locked by another connection beyond the busy timeout.
    public var isBusy: Bool { kind == .database && (resultCode == 5 || resultCode == 6) }
    /// True when SQLite refused or failed a statement.
    public var isDatabaseError: Bool { kind == .database }

    static func database(_ context: String, _ error: DatabaseError) -> StoreError {
        // DatabaseError hides bound arguments unless publicStatementArguments is set; we never set it.
        var text = "\(context): \(error.message ?? "database error") (SQLite code \(error.extendedResultCode.rawValue))"
        if let sql = error.sql { text += " in `\(sql)`" }
        var result = StoreError(.database, text)
        result.resultCode = error.resultCode.primaryResultCode.rawValue
        return result
    }

    static func objectMissing(_ sha256: String) -> StoreError {
        StoreError(.objectMissing, "object \(sha256) is not in the store")
    }

    static func objectCorrupt(_ sha256: String, actual: String, bytes: Int) -> StoreError {
        StoreError(.objectCorrupt,
                   "object \(sha256) is corrupt: expected SHA-256 \(sha256), actual \(actual) (\(bytes) bytes on disk)")
    }

    static func invalidValue(_ message: String) -> StoreError { StoreError(.invalidValue, message) }
    static func invalidQuery(_ message: String) -> StoreError { StoreError(.invalidQuery, message) }
    static func notFound(_ message: String) -> StoreError { StoreError(.notFound, message) }
    static func refused(_ message: String) -> StoreError { StoreError(.refused, message) }
    static func io(_ message: String) -> StoreError { StoreError(.io, message) }
}

/// Runs `body`, turning GRDB errors into `StoreError` with `context`.
func withStoreErrors<T>(_ context: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error
    } catch let error as DatabaseError {
        throw StoreError.database(context, error)
    }
}
