/// Split choice at one node: scikit-learn's `node_split_best` feature sampling, then the
/// partition of the node's rows.
extension TreeGrower {
    /// The best split of `samples[start..<end]`, with the rows partitioned by it; `nil` when
    /// every examined feature is constant there. Updates the count of constant features
    /// known at the front of `features` (scikit-learn's `node_split_best`).
    func findSplit(_ start: Int, _ end: Int, impurity: Double, constants: inout Int) -> TreeSplit? {
        var best = TreeSplitCandidate()
        var fI = data.featureCount
        var visited = 0, found = 0, drawn = 0
        let known = constants
        var totalConstants = known
        while fI > totalConstants && (visited < settings.maxFeatures || visited <= found + drawn) {
            visited += 1
            var fJ = draw.next(from: drawn, below: fI - found)
            if fJ < known {
                features.swapAt(drawn, fJ)
                drawn += 1
                continue
            }
            fJ += found
            if !search(feature: features[fJ], start, end, best: &best) {
                features.swapAt(fJ, totalConstants)
                found += 1
                totalConstants += 1
                continue
            }
            fI -= 1
            features.swapAt(fI, fJ)
        }
        var split: TreeSplit?
        if best.feature >= 0 {
            let position = partition(start, end, feature: best.feature, leftBin: best.leftBin)
            split = childImpurities(start, end, position: position, parentImpurity: impurity, best: best)
        }
        for i in 0..<known { features[i] = constantFeatures[i] }
        for i in known..<(known + found) { constantFeatures[i] = features[i] }
        constants = totalConstants
        return split
    }

    /// Moves the rows of `samples[start..<end]` whose bin of `feature` is at most `leftBin`
    /// to the front; returns where the right rows begin.
    private func partition(_ start: Int, _ end: Int, feature: Int, leftBin: Int) -> Int {
        let codes = data.codes.base + feature * data.rowCount
        let bound = UInt16(leftBin)
        var i = start, j = end
        while i < j {
            if codes[Int(samples[i])] <= bound {
                i += 1
            } else {
                j -= 1
                swap(i, j)
            }
        }
        return i
    }

    private func swap(_ i: Int, _ j: Int) {
        (samples[i], samples[j]) = (samples[j], samples[i])
        (weight[i], weight[j]) = (weight[j], weight[i])
        if classCount > 0 {
            (label[i], label[j]) = (label[j], label[i])
        } else {
            (value[i], value[j]) = (value[j], value[i])
        }
    }
}

/// The best split seen so far at a node.
struct TreeSplitCandidate {
    var feature = -1
    var leftBin = 0
    var rightBin = 0
    var proxy = -Double.infinity
}

/// A chosen split: where the right rows begin, and the children's impurities.
struct TreeSplit {
    var feature: Int
    var leftBin: Int
    var rightBin: Int
    var position: Int
    var leftImpurity: Double
    var rightImpurity: Double
    var improvement: Double
}
