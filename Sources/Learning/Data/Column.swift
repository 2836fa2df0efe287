/// The type a column was inferred to have when it was read.
public enum ColumnKind: String, Sendable, Codable, CaseIterable {
    case numeric, categorical, boolean
}

/// One named column stored as a contiguous typed buffer.
///
/// Numeric values use `Double.nan` for a missing value. Categorical and boolean
/// columns store codes into `levels`, with `-1` for a missing value; a boolean
/// column has exactly the two levels `[falseWord, trueWord]` as spelt in the
/// source (for example `["no", "yes"]` or `["false", "true"]`).
public struct Column: Sendable, Equatable {
    public enum Storage: Sendable, Equatable {
        case numeric([Double])
        case categorical(codes: [Int32], levels: [String])
    }

    public var name: String
    public var kind: ColumnKind
    public var storage: Storage

    public init(name: String, kind: ColumnKind, storage: Storage) {
        self.name = name
        self.kind = kind
        self.storage = storage
    }

    public static func numeric(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, kind: .numeric, storage: .numeric(values))
    }

    public static func categorical(_ name: String, codes: [Int32], levels: [String], kind: ColumnKind = .categorical) -> Column {
        Column(name: name, kind: kind, storage: .categorical(codes: codes, levels: levels))
    }

    public var count: Int {
        switch storage {
        case .numeric(let values): values.count
        case .categorical(let codes, _): codes.count
        }
    }

    public var missingCount: Int {
        switch storage {
        case .numeric(let values): values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .categorical(let codes, _): codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// The value of row `row` as text, `""` when missing.
    public func text(at row: Int) -> String {
        switch storage {
        case .numeric(let values):
            let value = values[row]
            return value.isNaN ? "" : formatNumber(value)
        case .categorical(let codes, let levels):
            let code = codes[row]
            return code < 0 ? "" : levels[Int(code)]
        }
    }

    /// The column restricted to `rows`, in that order.
    public func selecting(_ rows: [Int]) -> Column {
        switch storage {
        case .numeric(let values):
            return Column(name: name, kind: kind, storage: .numeric(rows.map { values[$0] }))
        case .categorical(let codes, let levels):
            return Column(name: name, kind: kind, storage: .categorical(codes: rows.map { codes[$0] }, levels: levels))
        }
    }
}

/// Shortest text that reads back as the same number: `3` for 3.0, `0.25`, `1e-07`.
public func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
}
