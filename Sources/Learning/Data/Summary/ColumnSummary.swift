/// Descriptive statistics of one column, as data (rendering is the caller's business).
///
/// ```swift
/// let summary = ColumnSummary.summarize(frame.column(named: "sepal_length_cm")!)
/// summary.numeric?.mean    // 5.8433...
/// summary.numeric?.median  // 5.8
/// ```
public struct ColumnSummary: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    /// Non-missing values.
    public var count: Int
    public var missing: Int
    /// Distinct non-missing values (levels that occur, for categorical columns).
    public var distinct: Int
    /// Set for numeric columns.
    public var numeric: NumericSummary?
    /// Set for categorical and boolean columns.
    public var categorical: CategoricalSummary?

    /// Summarizes `column`; `bins` is the number of histogram bins for a numeric column.
    public static func summarize(_ column: Column, bins: Int = 8) -> ColumnSummary {
        switch column.storage {
        case .numeric(let values):
            let present = values.filter { !$0.isNaN }.sorted()
            let numeric = NumericSummary(sorted: present, bins: max(bins, 1))
            let distinct = present.isEmpty ? 0 : 1 + zip(present, present.dropFirst()).filter { $0 != $1 }.count
            return ColumnSummary(name: column.name, kind: column.kind, count: present.count,
                                 missing: values.count - present.count, distinct: distinct,
                                 numeric: numeric, categorical: nil)
        case .categorical(let codes, let levels):
            let categorical = CategoricalSummary(codes: codes, levels: levels)
            let count = categorical.levelCounts.reduce(0) { $0 + $1.count }
            return ColumnSummary(name: column.name, kind: column.kind, count: count,
                                 missing: codes.count - count,
                                 distinct: categorical.levelCounts.filter { $0.count > 0 }.count,
                                 numeric: nil, categorical: categorical)
        }
    }
}

extension Column {
    /// `ColumnSummary.summarize(self, bins: bins)`.
    public func summary(bins: Int = 8) -> ColumnSummary {
        ColumnSummary.summarize(self, bins: bins)
    }
}

/// Counts of a categorical or boolean column.
public struct CategoricalSummary: Sendable, Equatable {
    public struct LevelCount: Sendable, Equatable {
        public var level: String
        public var count: Int
    }

    /// Every level with its count, most frequent first, ties by name (byte order).
    public var levelCounts: [LevelCount]

    /// The most frequent level, `nil` when every value is missing.
    public var top: String? { levelCounts.first.flatMap { $0.count > 0 ? $0.level : nil } }
    /// How often `top` occurs.
    public var topCount: Int { levelCounts.first?.count ?? 0 }

    init(codes: [Int32], levels: [String]) {
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        levelCounts = zip(levels, counts)
            .map { LevelCount(level: $0, count: $1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.level.utf8.lexicographicallyPrecedes($1.level.utf8) }
    }
}
