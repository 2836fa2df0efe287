/// Numbers ready for an estimator: `rowCount × columnCount`, stored row-major in one
/// contiguous buffer (`values[row * columnCount + column]`).
public struct DesignMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    public var values: [Double]

    public init(rowCount: Int, columnCount: Int, values: [Double]) {
        precondition(values.count == rowCount * columnCount, "values must hold rowCount × columnCount numbers")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// A matrix of zeros.
    public init(rowCount: Int, columnCount: Int) {
        self.init(rowCount: rowCount, columnCount: columnCount,
                  values: [Double](repeating: 0, count: rowCount * columnCount))
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columnCount + column] }
        set { values[row * columnCount + column] = newValue }
    }

    /// The given rows, in the order given.
    func selecting(rows: [Int]) -> DesignMatrix {
        var picked: [Double] = []
        picked.reserveCapacity(rows.count * columnCount)
        for row in rows { picked += values[row * columnCount..<(row + 1) * columnCount] }
        return DesignMatrix(rowCount: rows.count, columnCount: columnCount, values: picked)
    }
}
