import Foundation

/// scikit-learn's impurity criteria (`Gini`, `Entropy`, `MSE`), evaluated with its formulas
/// in its order of operations, so that candidates equal there compare equal here and ties
/// resolve the same way. Class weights and row weights are whole numbers, so their sums
/// are exact whatever the order of the rows.
extension TreeGrower {
    /// Computes the totals of `samples[start..<end]`.
    func resetNode(_ start: Int, _ end: Int) {
        var w = 0.0
        if classCount > 0 {
            for c in 0..<classCount { total[c] = 0 }
            for p in start..<end {
                let sw = Double(weight[p])
                total[Int(label[p])] += sw
                w += sw
            }
        } else {
            var sum = 0.0, squares = 0.0
            for p in start..<end {
                let wy = Double(weight[p]) * value[p]
                sum += wy
                squares += wy * value[p]
                w += Double(weight[p])
            }
            total[0] = sum
            total[1] = squares
        }
        nodeWeight = w
    }

    /// The impurity of the current node (after `resetNode`).
    func nodeImpurity() -> Double {
        switch settings.criterion {
        case .gini: return gini(total, nodeWeight)
        case .entropy: return entropy(total, nodeWeight)
        case .squaredError: return total[1] / nodeWeight - pow(total[0] / nodeWeight, 2)
        }
    }

    func gini(_ counts: UnsafeMutablePointer<Double>, _ w: Double) -> Double {
        var squares = 0.0
        for c in 0..<classCount { squares += counts[c] * counts[c] }
        return 1.0 - squares / (w * w)
    }

    func entropy(_ counts: UnsafeMutablePointer<Double>, _ w: Double) -> Double {
        var result = 0.0
        for c in 0..<classCount where counts[c] > 0 {
            let share = counts[c] / w
            result -= share * (log(share) / log(2.0))
        }
        return result
    }

    /// The proxy of the impurity decrease with `left` (weight `wl`) going left.
    @inline(__always)
    func proxy(_ wl: Double) -> Double {
        let wr = nodeWeight - wl
        switch settings.criterion {
        case .gini:
            var squaresLeft = 0.0, squaresRight = 0.0
            for c in 0..<classCount {
                let l = left[c], r = total[c] - l
                squaresLeft += l * l
                squaresRight += r * r
            }
            let giniLeft = 1.0 - squaresLeft / (wl * wl), giniRight = 1.0 - squaresRight / (wr * wr)
            return -wr * giniRight - wl * giniLeft
        case .entropy:
            var entropyLeft = 0.0, entropyRight = 0.0
            for c in 0..<classCount {
                let l = left[c], r = total[c] - l
                if l > 0 { let s = l / wl; entropyLeft -= s * (log(s) / log(2.0)) }
                if r > 0 { let s = r / wr; entropyRight -= s * (log(s) / log(2.0)) }
            }
            return -wr * entropyRight - wl * entropyLeft
        case .squaredError:
            let sl = left[0], sr = total[0] - sl
            return sl * sl / wl + sr * sr / wr
        }
    }

    /// The split with rows partitioned at `position`: children impurities and the
    /// weighted impurity decrease (scikit-learn's `children_impurity` and
    /// `impurity_improvement`, its left sums taken from the nearer end).
    func childImpurities(_ start: Int, _ end: Int, position: Int, parentImpurity: Double,
                         best: TreeSplitCandidate) -> TreeSplit {
        let width = max(classCount, 1)
        var wl = 0.0
        for c in 0..<width { left[c] = 0 }
        if position - start <= end - position {
            for p in start..<position {
                let w = Double(weight[p])
                if classCount > 0 { left[Int(label[p])] += w } else { left[0] += w * value[p] }
                wl += w
            }
        } else {
            for c in 0..<width { left[c] = total[c] }
            wl = nodeWeight
            for p in stride(from: end - 1, through: position, by: -1) {
                let w = Double(weight[p])
                if classCount > 0 { left[Int(label[p])] -= w } else { left[0] -= w * value[p] }
                wl -= w
            }
        }
        let wr = nodeWeight - wl
        var impurityLeft: Double, impurityRight: Double
        switch settings.criterion {
        case .gini, .entropy:
            for c in 0..<classCount { right[c] = total[c] - left[c] }
            let isGini = settings.criterion == .gini
            impurityLeft = isGini ? gini(left, wl) : entropy(left, wl)
            impurityRight = isGini ? gini(right, wr) : entropy(right, wr)
        case .squaredError:
            var squaresLeft = 0.0
            for p in start..<position { squaresLeft += Double(weight[p]) * value[p] * value[p] }
            let squaresRight = total[1] - squaresLeft
            let sl = left[0], sr = total[0] - sl
            impurityLeft = squaresLeft / wl - pow(sl / wl, 2)
            impurityRight = squaresRight / wr - pow(sr / wr, 2)
        }
        let improvement = (nodeWeight / allWeight)
            * (parentImpurity - (wr / nodeWeight * impurityRight) - (wl / nodeWeight * impurityLeft))
        return TreeSplit(feature: best.feature, leftBin: best.leftBin, rightBin: best.rightBin, position: position,
                         leftImpurity: impurityLeft, rightImpurity: impurityRight, improvement: improvement)
    }
}
