/// A table of equally long named columns, optionally with one of them marked as the target.
public struct DataFrame: Sendable, Equatable {
    public var columns: [Column]
    public var target: String?

    public init(columns: [Column], target: String? = nil) {
        precondition(Set(columns.map(\.count)).count <= 1, "columns must have equal length")
        self.columns = columns
        self.target = target
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    public var targetColumn: Column? { target.flatMap(column(named:)) }

    /// Every column but the target, in file order.
    public var featureColumns: [Column] { columns.filter { $0.name != target } }

    /// The rows at `indices`, in that order (indices may repeat).
    public func selecting(rows indices: [Int]) -> DataFrame {
        DataFrame(columns: columns.map { $0.selecting(indices) }, target: target)
    }
}
