import Foundation

/// One fitted decision tree, stored as parallel arrays (node 0 is the root).
///
/// An inner node `i` sends a row left when `Float(x[feature[i]]) <= threshold[i]` (the
/// feature read as a 32-bit float, as scikit-learn does; a NaN goes right), to node
/// `left[i]`, else to `right[i]`. A leaf has `feature[i] == -1` and
/// `left[i]` = its row in `values`, which holds `width` numbers per leaf: the class
/// probabilities (weighted class frequencies of the training rows that reached it) or
/// the mean target value.
///
/// Encoded compactly: each array is the base64 of its little-endian bytes, so a forest of
/// a million nodes stays a few megabytes and decodes bit for bit.
struct TreeNodes: Sendable, Equatable {
    /// Design-matrix column tested by each node, `-1` for a leaf.
    var feature: [Int32] = []
    var threshold: [Double] = []
    /// Left child, or the leaf's row in `values`.
    var left: [Int32] = []
    /// Right child, `-1` for a leaf.
    var right: [Int32] = []
    /// `width` numbers per leaf.
    var values: [Double] = []
    /// Numbers per leaf: the class count, or 1 for regression.
    var width: Int

    init(width: Int) {
        self.width = width
    }

    var nodeCount: Int { feature.count }
    var leafCount: Int { width == 0 ? 0 : values.count / width }

    /// Adds a node and returns its index; children are linked by `link`.
    mutating func appendNode() -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        return feature.count - 1
    }

    /// Makes `node` a leaf holding `leafValues` (`width` numbers).
    mutating func makeLeaf(_ node: Int, _ leafValues: UnsafeBufferPointer<Double>) {
        feature[node] = -1
        threshold[node] = 0
        left[node] = Int32(leafCount)
        right[node] = -1
        values.append(contentsOf: leafValues)
    }

    /// Makes `node` a split on `column` at `value`; children are linked later.
    mutating func makeSplit(_ node: Int, column: Int, at value: Double) {
        feature[node] = Int32(column)
        threshold[node] = value
    }

    /// Points `parent`'s left or right branch at `child`.
    mutating func link(parent: Int, child: Int, isLeft: Bool) {
        if isLeft { left[parent] = Int32(child) } else { right[parent] = Int32(child) }
    }

    /// The depth of the deepest leaf (0 for a single leaf).
    var depth: Int {
        guard nodeCount > 0 else { return 0 }
        var deepest = 0
        var stack = [(0, 0)]
        while let (node, level) = stack.popLast() {
            if feature[node] < 0 {
                deepest = max(deepest, level)
            } else {
                stack.append((Int(left[node]), level + 1))
                stack.append((Int(right[node]), level + 1))
            }
        }
        return deepest
    }
}

extension TreeNodes {
    /// Calls `body` with the values of the leaf every row of `x` reaches, row by row.
    func forEachLeaf(_ x: DesignMatrix, rows: Range<Int>, _ body: (Int, UnsafePointer<Double>) -> Void) {
        let p = x.columnCount
        x.values.withUnsafeBufferPointer { matrix in
            feature.withUnsafeBufferPointer { feature in
                threshold.withUnsafeBufferPointer { threshold in
                    left.withUnsafeBufferPointer { left in
                        right.withUnsafeBufferPointer { right in
                            values.withUnsafeBufferPointer { values in
                                for row in rows {
                                    let base = row * p
                                    var node = 0
                                    while feature[node] >= 0 {
                                        let go = Double(Float(matrix[base + Int(feature[node])])) <= threshold[node]
                                        node = Int(go ? left[node] : right[node])
                                    }
                                    body(row, values.baseAddress! + Int(left[node]) * width)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension TreeNodes: Codable {
    private enum CodingKeys: String, CodingKey { case feature, threshold, left, right, values, width }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        width = try container.decode(Int.self, forKey: .width)
        feature = try Self.decodeArray(container, .feature)
        threshold = try Self.decodeArray(container, .threshold)
        left = try Self.decodeArray(container, .left)
        right = try Self.decodeArray(container, .right)
        values = try Self.decodeArray(container, .values)
        let count = feature.count
        guard threshold.count == count, left.count == count, right.count == count, width >= 1,
              values.count % width == 0, isWellFormed else {
            throw DecodingError.dataCorruptedError(forKey: .feature, in: container,
                                                   debugDescription: "inconsistent tree arrays")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(width, forKey: .width)
        try container.encode(Self.base64(feature), forKey: .feature)
        try container.encode(Self.base64(threshold), forKey: .threshold)
        try container.encode(Self.base64(left), forKey: .left)
        try container.encode(Self.base64(right), forKey: .right)
        try container.encode(Self.base64(values), forKey: .values)
    }

    /// Every child and leaf index points inside the arrays, so prediction cannot trap.
    private var isWellFormed: Bool {
        let count = Int32(feature.count), leaves = Int32(leafCount)
        for node in feature.indices {
            if feature[node] < 0 {
                guard left[node] >= 0, left[node] < leaves else { return false }
            } else {
                guard left[node] > Int32(node), left[node] < count, right[node] > Int32(node), right[node] < count
                else { return false }
            }
        }
        return count > 0
    }

    private static func base64<T: FixedWidthInteger>(_ array: [T]) -> String {
        array.map { $0.littleEndian }.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    private static func base64(_ array: [Double]) -> String {
        base64(array.map(\.bitPattern))
    }

    private static func decodeArray<T: FixedWidthInteger>(_ container: KeyedDecodingContainer<CodingKeys>,
                                                          _ key: CodingKeys) throws -> [T] {
        let text = try container.decode(String.self, forKey: key)
        guard let data = Data(base64Encoded: text), data.count % MemoryLayout<T>.size == 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "not base64 of \(T.self) values")
        }
        var array = [T](repeating: 0, count: data.count / MemoryLayout<T>.size)
        _ = array.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return array.map { T(littleEndian: $0) }
    }

    private static func decodeArray(_ container: KeyedDecodingContainer<CodingKeys>,
                                    _ key: CodingKeys) throws -> [Double] {
        let bits: [UInt64] = try decodeArray(container, key)
        return bits.map(Double.init(bitPattern:))
    }
}
