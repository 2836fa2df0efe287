/// What a tree learns to predict, one entry per training row.
enum TreeTarget: Sendable {
    /// Class indexes `0..<count`.
    case classes([Int32], count: Int)
    case values([Double])
}

/// Grows one CART tree, exactly as scikit-learn's `DepthFirstTreeBuilder` with its
/// `BestSplitter` does: nodes depth-first, left child first; at each node features are
/// drawn without replacement by `TreeFeatureDraw` (Fisher–Yates, skipping those already
/// known to be constant) until `maxFeatures` non-constant ones are examined; the best split
/// is the first one found with the largest impurity decrease (strictly larger replaces).
///
/// Rows carry integer weights (a forest's bootstrap counts; rows of weight 0 are left out).
/// Split search runs on bin codes (`TreeBinnedData`): feature sampling in `+Split`, the
/// histograms in `+Search`, scikit-learn's criteria in `+Criterion`. All scratch memory
/// is allocated once per tree.
final class TreeGrower {
    let data: TreeBinnedData
    let settings: TreeSettings
    /// Class count, or 0 for regression.
    let classCount: Int
    var draw: TreeFeatureDraw

    /// Node rows are `samples[start..<end]`; `weight`, `label`/`value` move with them.
    let sampleCount: Int
    let samples: UnsafeMutablePointer<Int32>
    let weight: UnsafeMutablePointer<Int32>
    let label: UnsafeMutablePointer<Int32>
    let value: UnsafeMutablePointer<Double>
    let keys: UnsafeMutablePointer<UInt64>
    /// Per-bin histogram scratch, all zero between uses.
    let binRows: UnsafeMutablePointer<Int32>
    let binWeight: UnsafeMutablePointer<Int32>
    let binClass: UnsafeMutablePointer<Int32>
    let binSum: UnsafeMutablePointer<Double>
    /// The current node's totals: class weights (or [Σ w·y, Σ w·y²]) and its weight.
    let total: UnsafeMutablePointer<Double>
    /// Scratch for the left and right sides of a candidate (and leaf values).
    let left: UnsafeMutablePointer<Double>
    let right: UnsafeMutablePointer<Double>
    var nodeWeight = 0.0
    /// The weight of all training rows (scikit-learn's `weighted_n_samples`).
    let allWeight: Double

    var features: [Int]
    var constantFeatures: [Int]

    /// A grower for rows with `rowWeights` (one per row; 0 leaves a row out).
    init(data: TreeBinnedData, target: TreeTarget, rowWeights: [Int32], settings: TreeSettings,
         draw: TreeFeatureDraw) {
        self.data = data
        self.settings = settings
        self.draw = draw
        let kept = rowWeights.indices.filter { rowWeights[$0] != 0 }
        sampleCount = kept.count
        allWeight = rowWeights.reduce(0.0) { $0 + Double($1) }
        let n = max(sampleCount, 1)
        samples = .allocate(capacity: n)
        weight = .allocate(capacity: n)
        keys = .allocate(capacity: n)
        for (position, row) in kept.enumerated() {
            samples[position] = Int32(row)
            weight[position] = rowWeights[row]
        }
        let bins = data.widestBinCount
        switch target {
        case .classes(let labels, let count):
            classCount = count
            label = .allocate(capacity: n)
            value = .allocate(capacity: 1)
            for (position, row) in kept.enumerated() { label[position] = labels[row] }
        case .values(let values):
            classCount = 0
            label = .allocate(capacity: 1)
            value = .allocate(capacity: n)
            for (position, row) in kept.enumerated() { value[position] = values[row] }
        }
        let width = max(classCount, 2)
        binRows = .allocate(capacity: bins)
        binRows.initialize(repeating: 0, count: bins)
        binWeight = .allocate(capacity: bins)
        binWeight.initialize(repeating: 0, count: bins)
        binClass = .allocate(capacity: bins * width)
        binClass.initialize(repeating: 0, count: bins * width)
        binSum = .allocate(capacity: bins)
        binSum.initialize(repeating: 0, count: bins)
        total = .allocate(capacity: width)
        left = .allocate(capacity: width)
        right = .allocate(capacity: width)
        features = Array(0..<data.featureCount)
        constantFeatures = Array(repeating: 0, count: data.featureCount)
    }

    deinit {
        for pointer in [samples, weight, label, binRows, binWeight, binClass] as [UnsafeMutablePointer<Int32>] {
            pointer.deallocate()
        }
        value.deallocate()
        keys.deallocate()
        binSum.deallocate()
        total.deallocate()
        left.deallocate()
        right.deallocate()
    }

    private struct Pending {
        var start, end, depth, parent: Int
        var isLeft: Bool
        var impurity: Double
        var constants: Int
    }

    /// Grows the tree; leaf values are class probabilities or means.
    func grow() -> TreeNodes {
        var nodes = TreeNodes(width: max(classCount, 1))
        var stack = [Pending(start: 0, end: sampleCount, depth: 0, parent: -1, isLeft: false,
                             impurity: .infinity, constants: 0)]
        var first = true
        let epsilon = Double.ulpOfOne
        while var record = stack.popLast() {
            let count = record.end - record.start
            resetNode(record.start, record.end)
            var isLeaf = record.depth >= settings.maxDepth || count < settings.minSplit
                || count < 2 * settings.minLeaf
            if first {
                record.impurity = nodeImpurity()
                first = false
            }
            isLeaf = isLeaf || record.impurity <= epsilon
            var split: TreeSplit?
            if !isLeaf {
                split = findSplit(record.start, record.end, impurity: record.impurity, constants: &record.constants)
                if let found = split, found.improvement + epsilon < 0 { isLeaf = true }
                if split == nil { isLeaf = true }
            }
            let node = nodes.appendNode()
            if record.parent >= 0 { nodes.link(parent: record.parent, child: node, isLeft: record.isLeft) }
            if isLeaf {
                appendLeaf(node, to: &nodes)
            } else if let split {
                let column = data.columns[split.feature]
                nodes.makeSplit(node, column: column,
                                at: data.threshold(feature: split.feature, left: split.leftBin, right: split.rightBin))
                stack.append(Pending(start: split.position, end: record.end, depth: record.depth + 1, parent: node,
                                     isLeft: false, impurity: split.rightImpurity, constants: record.constants))
                stack.append(Pending(start: record.start, end: split.position, depth: record.depth + 1, parent: node,
                                     isLeft: true, impurity: split.leftImpurity, constants: record.constants))
            }
        }
        return nodes
    }

    private func appendLeaf(_ node: Int, to nodes: inout TreeNodes) {
        if classCount > 0 {
            for c in 0..<classCount { left[c] = total[c] / nodeWeight }
            nodes.makeLeaf(node, UnsafeBufferPointer(start: left, count: classCount))
        } else {
            left[0] = total[0] / nodeWeight
            nodes.makeLeaf(node, UnsafeBufferPointer(start: left, count: 1))
        }
    }
}
