/// The design matrix of one fit as small integer codes, computed once and shared by every
/// tree of a forest.
///
/// Trees read features as 32-bit floats, as scikit-learn's do, so that thresholds and
/// predictions agree with it bit for bit (a feature needing more than 7 significant digits
/// loses the rest). Each feature's training values are sorted and grouped (a value within
/// 1e-7 of the one before counts as equal, scikit-learn's `FEATURE_THRESHOLD`). With at
/// most `exactRowLimit` rows, or at most `maxBins` groups, every group is its own bin, so
/// splitting on bins is splitting on values: exact CART. Larger data puts a feature with
/// more groups into `maxBins` bins of about equal row counts (quantile bins, the histogram
/// method of LightGBM and HistGradientBoosting). A threshold sits halfway between the
/// largest training value of the bins going left and the smallest of those going right.
///
/// A NaN (which the preprocessor never produces) counts as +∞: it goes right, in training
/// and in prediction alike.
struct TreeBinnedData: Sendable {
    /// Up to this many training rows, every distinct value is a bin (exact splits).
    static let exactRowLimit = 10_000
    /// Above `exactRowLimit` rows, the most bins a feature gets.
    static let maxBins = 256

    let rowCount: Int
    let featureCount: Int
    /// The bin of every value, feature-major: `codes[feature * rowCount + row]`.
    let codes: TreeCodeBuffer
    /// The bins of feature `f` are `binOffset[f] ..< binOffset[f + 1]` in `lowest`/`highest`.
    let binOffset: [Int]
    /// The smallest training value in each bin (as a 32-bit float).
    let lowest: [Double]
    /// The largest training value in each bin (as a 32-bit float).
    let highest: [Double]
    /// The design-matrix column each feature reads.
    let columns: [Int]

    /// Bins the columns `columns` of `x` (in that order).
    init(_ x: DesignMatrix, columns: [Int]) {
        let n = x.rowCount
        rowCount = n
        featureCount = columns.count
        self.columns = columns
        let binOne = { (feature: Int) in Self.bin(x, column: columns[feature]) }
        let binned = n * columns.count >= 50_000 ? Parallel.map(columns.count, binOne)
                                                 : (0..<columns.count).map(binOne)
        let codes = TreeCodeBuffer(count: n * columns.count)
        var offsets = [0], lowest = [Double](), highest = [Double]()
        for (index, feature) in binned.enumerated() {
            for (row, code) in feature.codes.enumerated() { codes.base[index * n + row] = code }
            lowest.append(contentsOf: feature.lowest)
            highest.append(contentsOf: feature.highest)
            offsets.append(lowest.count)
        }
        self.codes = codes
        self.binOffset = offsets
        self.lowest = lowest
        self.highest = highest
    }

    /// The number of bins of `feature`.
    func binCount(_ feature: Int) -> Int { binOffset[feature + 1] - binOffset[feature] }

    /// The largest bin count over all features (at least 1).
    var widestBinCount: Int { (0..<featureCount).map(binCount).max().map { max($0, 1) } ?? 1 }

    /// The split point between bin `left` and the next occupied bin `right` of `feature`:
    /// the midpoint of their facing values, or the left value when the midpoint rounds onto
    /// the right one (scikit-learn's rule).
    func threshold(feature: Int, left: Int, right: Int) -> Double {
        let base = binOffset[feature]
        let below = highest[base + left], above = lowest[base + right]
        let middle = below / 2 + above / 2
        return middle == above || middle.isInfinite ? below : middle
    }

    private struct Feature: Sendable {
        var codes: [UInt16]
        var lowest: [Double]
        var highest: [Double]
    }

    private static func bin(_ x: DesignMatrix, column: Int) -> Feature {
        let n = x.rowCount, width = x.columnCount
        var values = [Float](repeating: 0, count: n)
        x.values.withUnsafeBufferPointer { matrix in
            for row in 0..<n {
                let value = Float(matrix[row * width + column])
                values[row] = value.isNaN ? .infinity : value
            }
        }
        let sorted = values.sorted()
        // Groups of equal values (within 1e-7 of the previous value, in Float arithmetic):
        // [start, end) in `sorted`.
        let tolerance: Float = 1e-7
        var groupEnds: [Int] = []
        for index in sorted.indices.dropFirst() where !(sorted[index] <= sorted[index - 1] + tolerance) {
            groupEnds.append(index)
        }
        if n > 0 { groupEnds.append(n) }
        // Bins as runs of whole groups: one group each when exact, else about n / maxBins rows each.
        var binEnds: [Int] = []
        if n <= exactRowLimit || groupEnds.count <= maxBins {
            binEnds = groupEnds
        } else {
            // Each bin ends at the first group end at or past the next of `maxBins` even ranks.
            var group = 0
            for k in 1...maxBins {
                let goal = k * n / maxBins
                while groupEnds[group] < goal { group += 1 }
                if groupEnds[group] > (binEnds.last ?? 0) { binEnds.append(groupEnds[group]) }
            }
        }
        var lowest: [Double] = [], highest: [Double] = []
        var start = 0
        for end in binEnds {
            lowest.append(Double(sorted[start]))
            highest.append(Double(sorted[end - 1]))
            start = end
        }
        var codes = [UInt16](repeating: 0, count: n)
        highest.withUnsafeBufferPointer { tops in
            for row in 0..<n {
                // The first bin whose largest value is not below this one.
                let value = Double(values[row])
                var low = 0, high = tops.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if tops[middle] < value { low = middle + 1 } else { high = middle }
                }
                codes[row] = UInt16(low)
            }
        }
        return Feature(codes: codes, lowest: lowest, highest: highest)
    }
}

/// The bin codes of a fit in one buffer that never moves, shared read-only by every
/// tree grown from it (on any thread).
final class TreeCodeBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt16>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }
}

extension TreeBinnedData {
    /// Design-matrix columns in the order trees examine them: numeric features first, then
    /// the one-hot blocks of categorical ones (scikit-learn's `ColumnTransformer` order), so
    /// that exact ties between features resolve as they do there. `features` are the
    /// training columns the preprocessor encoded, in its order.
    static func columnOrder(_ features: [Column], width: Int) -> [Int] {
        var numeric: [Int] = [], categorical: [Int] = []
        var offset = 0
        for column in features {
            let columnWidth: Int
            if case .numeric = column.storage {
                columnWidth = 1
                numeric.append(offset)
            } else {
                columnWidth = FeatureEncoding.fit(column, standardize: false).width
                categorical.append(contentsOf: offset..<(offset + columnWidth))
            }
            offset += columnWidth
        }
        guard offset == width else { return Array(0..<width) }
        return numeric + categorical
    }
}
