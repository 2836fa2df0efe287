/// The median of the non-missing entries of `values` (NaN = missing), averaging the two
/// middle values of an even count as numpy does; `nil` when every entry is missing.
/// Linear time (quickselect), not a sort.
func medianIgnoringMissing(_ values: [Double]) -> Double? {
    var present = values.filter { !$0.isNaN }
    guard !present.isEmpty else { return nil }
    let middle = present.count / 2
    return present.withUnsafeMutableBufferPointer { buffer -> Double in
        let upper = select(middle, in: buffer)
        guard buffer.count % 2 == 0 else { return upper }
        // After selection every entry before `middle` is ≤ the selected one.
        var lower = buffer[0]
        for index in 1..<middle where buffer[index] > lower { lower = buffer[index] }
        return (lower + upper) / 2
    }
}

/// Reorders `buffer` so that `buffer[k]` holds the k-th smallest value, everything before
/// it is not larger and everything after not smaller (Hoare quickselect, median-of-three).
private func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>) -> Double {
    var low = 0, high = buffer.count - 1
    while low < high {
        let mid = low + (high - low) / 2
        let a = buffer[low], b = buffer[mid], c = buffer[high]
        let pivot = max(min(a, b), min(max(a, b), c))
        var i = low, j = high
        while i <= j {
            while buffer[i] < pivot { i += 1 }
            while buffer[j] > pivot { j -= 1 }
            if i <= j {
                buffer.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        if k <= j {
            high = j
        } else if k >= i {
            low = i
        } else {
            return buffer[k]
        }
    }
    return buffer[k]
}
