import Foundation

/// What kind of command produced a run.
public enum RunKind: String, Codable, Sendable, CaseIterable {
    case train, evaluate, cv, tune
}

/// A dataset version used by a run, with its role ("train", "test", …).
public struct RunDataRef: Codable, Sendable, Hashable {
    public var sha256: String
    public var role: String
    /// How to rebuild the data from stored snapshots (JSON written by the engine), when known.
    public var recipe: String?

    public init(sha256: String, role: String, recipe: String? = nil) {
        self.sha256 = sha256
        self.role = role
        self.recipe = recipe
    }
}

/// A run to log. Parameters are text; the store also keeps a numeric value where the text is a finite number.
///
/// ```swift
/// let id = try store.logRun(NewRun(kind: .train, algorithm: "forest",
///     parameters: ["trees": "100"], metrics: ["f1": 0.91], mlwVersion: "0.1.0"))
/// ```
public struct NewRun: Codable, Sendable, Hashable {
    public var kind: RunKind
    public var algorithm: String
    public var parameters: [String: String]
    /// Stored as a signed 64-bit integer with the same bit pattern; comparisons on `seed` assume seeds below 2^63.
    public var seed: UInt64?
    public var data: [RunDataRef]
    public var metrics: [String: Double]
    public var durationSeconds: Double
    public var mlwVersion: String
    public var sessionFile: String?
    public var sessionLine: Int?
    public var modelName: String?
    public var artifactSHA256: String?
    public var parentRunID: Int64?
    /// When the run was created; `nil` means now. Stored with millisecond precision.
    public var createdAt: Date?

    public init(
        kind: RunKind, algorithm: String, parameters: [String: String] = [:], seed: UInt64? = nil,
        data: [RunDataRef] = [], metrics: [String: Double] = [:], durationSeconds: Double = 0,
        mlwVersion: String, sessionFile: String? = nil, sessionLine: Int? = nil, modelName: String? = nil,
        artifactSHA256: String? = nil, parentRunID: Int64? = nil, createdAt: Date? = nil
    ) {
        self.kind = kind
        self.algorithm = algorithm
        self.parameters = parameters
        self.seed = seed
        self.data = data
        self.metrics = metrics
        self.durationSeconds = durationSeconds
        self.mlwVersion = mlwVersion
        self.sessionFile = sessionFile
        self.sessionLine = sessionLine
        self.modelName = modelName
        self.artifactSHA256 = artifactSHA256
        self.parentRunID = parentRunID
        self.createdAt = createdAt
    }
}

/// A logged run as read back from the store, with the ids of its child runs.
public struct RunRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var kind: RunKind
    public var algorithm: String
    public var parameters: [String: String]
    /// The parameters whose text is a finite number.
    public var numericParameters: [String: Double]
    public var seed: UInt64?
    public var data: [RunDataRef]
    public var metrics: [String: Double]
    public var durationSeconds: Double
    public var mlwVersion: String
    public var sessionFile: String?
    public var sessionLine: Int?
    public var modelName: String?
    public var artifactSHA256: String?
    public var parentRunID: Int64?
    public var createdAt: Date
    public var childRunIDs: [Int64]
}

/// A comparison operator in a run filter.
public enum ComparisonOp: String, Codable, Sendable, CaseIterable {
    case lessThan = "<"
    case lessOrEqual = "<="
    case equal = "=="
    case notEqual = "!="
    case greaterOrEqual = ">="
    case greaterThan = ">"

    var sql: String {
        switch self {
        case .lessThan: "<"
        case .lessOrEqual: "<="
        case .equal: "="
        case .notEqual: "<>"
        case .greaterOrEqual: ">="
        case .greaterThan: ">"
        }
    }
}

/// A value compared against in a run filter.
public enum RunValue: Codable, Sendable, Hashable {
    case number(Double)
    case text(String)
}

/// A filter over runs. A field names a metric, else a parameter (per run: a run's metric of that name wins),
/// or one of the columns `algorithm`, `kind`, `seed`. A run lacking the field never matches, even with `!=`.
///
/// ```swift
/// let p: RunPredicate = .and(.compare(field: "f1", op: .greaterThan, value: .number(0.8)),
///                            .compare(field: "trees", op: .equal, value: .number(100)))
/// ```
public indirect enum RunPredicate: Codable, Sendable, Hashable {
    case and(RunPredicate, RunPredicate)
    case or(RunPredicate, RunPredicate)
    case compare(field: String, op: ComparisonOp, value: RunValue)
}

/// The order of a run listing.
public enum RunOrder: Codable, Sendable, Hashable {
    /// Newest first (highest id first).
    case newest
    /// Best first by a metric; `descending: true` for scores like f1, false for losses like rmse.
    /// Runs without the metric come last; ties are newest first.
    case metric(String, descending: Bool)
}

/// Which runs to list, and in what order.
public struct RunQuery: Codable, Sendable, Hashable {
    public var algorithm: String?
    public var kind: RunKind?
    public var predicate: RunPredicate?
    public var order: RunOrder
    public var limit: Int?
    /// When set, only the children of this run.
    public var parentRunID: Int64?
    /// When set, only runs of the model with this artifact.
    public var artifactSHA256: String?

    public init(algorithm: String? = nil, kind: RunKind? = nil, predicate: RunPredicate? = nil,
                order: RunOrder = .newest, limit: Int? = nil, parentRunID: Int64? = nil, artifactSHA256: String? = nil) {
        self.algorithm = algorithm
        self.kind = kind
        self.predicate = predicate
        self.order = order
        self.limit = limit
        self.parentRunID = parentRunID
        self.artifactSHA256 = artifactSHA256
    }
}

/// A version of a dataset, identified by the SHA-256 of its canonical bytes.
public struct DatasetVersionRecord: Codable, Sendable, Hashable, Identifiable {
    public var sha256: String
    public var rows: Int
    public var columns: Int
    public var target: String?
    /// A file path, or a description of the derivation (e.g. "split(iris, 0.8, seed: 1).train").
    public var origin: String
    /// The versions this one was derived from, in order.
    public var parents: [String]

    public var id: String { sha256 }

    public init(sha256: String, rows: Int, columns: Int, target: String? = nil, origin: String, parents: [String] = []) {
        self.sha256 = sha256
        self.rows = rows
        self.columns = columns
        self.target = target
        self.origin = origin
        self.parents = parents
    }
}
