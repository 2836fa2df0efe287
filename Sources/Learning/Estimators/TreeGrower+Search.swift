/// Split search over bin codes.
///
/// A node's rows are summarised per occupied bin of the feature, in ascending bin order:
/// by a dense histogram when the node is large next to the bin count, otherwise by
/// sorting `(bin, position)` keys of its rows. Candidates lie between consecutive occupied
/// bins; those leaving fewer than `min_leaf` rows on a side are skipped, and a candidate
/// replaces the best only when its criterion proxy is strictly larger.
extension TreeGrower {
    /// Examines `feature` at the node, updating `best`; false when the feature is constant
    /// there.
    func search(feature: Int, _ start: Int, _ end: Int, best: inout TreeSplitCandidate) -> Bool {
        let codes = data.codes.base + feature * data.rowCount
        let bins = data.binCount(feature)
        let count = end - start
        let classes = classCount
        let width = max(classes, 1)
        for c in 0..<width { left[c] = 0 }
        var rowsLeft = 0, weightLeft: Int32 = 0, previous = -1, occupied = 0
        let minLeaf = settings.minLeaf

        @inline(__always) func consider(_ bin: Int) {
            if previous >= 0 {
                let rowsRight = count - rowsLeft
                if rowsLeft >= minLeaf && rowsRight >= minLeaf {
                    let candidate = proxy(Double(weightLeft))
                    if candidate > best.proxy {
                        best = TreeSplitCandidate(feature: feature, leftBin: previous, rightBin: bin, proxy: candidate)
                    }
                }
            }
            previous = bin
            occupied += 1
        }

        if count * 8 >= bins {
            for p in start..<end {
                let bin = Int(codes[Int(samples[p])])
                binRows[bin] += 1
                binWeight[bin] += weight[p]
                if classes > 0 {
                    binClass[bin * classes + Int(label[p])] += weight[p]
                } else {
                    binSum[bin] += Double(weight[p]) * value[p]
                }
            }
            for bin in 0..<bins where binRows[bin] > 0 {
                consider(bin)
                rowsLeft += Int(binRows[bin])
                weightLeft += binWeight[bin]
                if classes > 0 {
                    for c in 0..<classes { left[c] += Double(binClass[bin * classes + c]) }
                } else {
                    left[0] += binSum[bin]
                }
            }
            binRows.update(repeating: 0, count: bins)
            binWeight.update(repeating: 0, count: bins)
            if classes > 0 { binClass.update(repeating: 0, count: bins * classes) }
            else { binSum.update(repeating: 0, count: bins) }
        } else {
            for p in start..<end {
                keys[p - start] = UInt64(codes[Int(samples[p])]) << 32 | UInt64(p)
            }
            sortKeys(keys, count)
            var i = 0
            while i < count {
                let bin = Int(keys[i] >> 32)
                consider(bin)
                repeat {
                    let p = Int(keys[i] & 0xFFFF_FFFF)
                    rowsLeft += 1
                    weightLeft += weight[p]
                    if classes > 0 {
                        left[Int(label[p])] += Double(weight[p])
                    } else {
                        left[0] += Double(weight[p]) * value[p]
                    }
                    i += 1
                } while i < count && Int(keys[i] >> 32) == bin
            }
        }
        return occupied > 1
    }
}

/// Sorts distinct keys in place without allocating: quicksort (median of three, the
/// smaller side first) down to runs of 16, finished by insertion sort.
func sortKeys(_ keys: UnsafeMutablePointer<UInt64>, _ count: Int) {
    var low = 0, high = count
    while high - low > 16 {
        let middle = low + (high - low) / 2
        let a = keys[low], b = keys[middle], c = keys[high - 1]
        let pivot = max(min(a, b), min(max(a, b), c))
        var i = low, j = high - 1
        while i <= j {
            while keys[i] < pivot { i += 1 }
            while keys[j] > pivot { j -= 1 }
            if i <= j {
                (keys[i], keys[j]) = (keys[j], keys[i])
                i += 1
                j -= 1
            }
        }
        if j + 1 - low < high - i {
            sortKeys(keys + low, j + 1 - low)
            low = i
        } else {
            sortKeys(keys + i, high - i)
            high = j + 1
        }
    }
    var index = low + 1
    while index < high {
        let key = keys[index]
        var slot = index
        while slot > low && keys[slot - 1] > key {
            keys[slot] = keys[slot - 1]
            slot -= 1
        }
        keys[slot] = key
        index += 1
    }
}
