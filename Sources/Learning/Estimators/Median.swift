/// The median of the non-missing entries of `values` (NaN = missing), averaging the two
/// middle values of an even count as numpy does; `nil` when every entry is missing.
/// Linear time, not a sort: large columns are narrowed to a window around the median
/// found from an evenly spaced sample, then quickselect runs on the window alone.
func medianIgnoringMissing(_ values: [Double]) -> Double? {
    if values.count >= 4096, let median = windowedMedian(values) { return median }
    var present = values.filter { !$0.isNaN }
    guard !present.isEmpty else { return nil }
    return present.withUnsafeMutableBufferPointer { middleValue(of: $0, rankOffset: 0, count: $0.count) }
}

/// The median via a window between two sample quantiles; `nil` when the window misses
/// the middle ranks (then the caller selects over everything).
private func windowedMedian(_ values: [Double]) -> Double? {
    let step = values.count / 1024
    var sample: [Double] = []
    sample.reserveCapacity(1024)
    for index in Swift.stride(from: 0, to: values.count, by: step) where !values[index].isNaN {
        sample.append(values[index])
    }
    guard sample.count >= 64 else { return nil }
    sample.sort()
    var present = 0, below = 0
    let position = sample.count / 2
    let low = sample[max(0, position - 64)], high = sample[min(sample.count - 1, position + 64)]
    var window: [Double] = []
    window.reserveCapacity(values.count / 4)
    for value in values where !value.isNaN {
        present += 1
        if value < low { below += 1 } else if value <= high { window.append(value) }
    }
    let middle = present / 2
    let lowestNeeded = present % 2 == 0 ? middle - 1 : middle
    guard below <= lowestNeeded, middle < below + window.count else { return nil }
    return window.withUnsafeMutableBufferPointer { middleValue(of: $0, rankOffset: below, count: present) }
}

/// The median of `count` values of which `buffer` holds those ranked `rankOffset ..<
/// rankOffset + buffer.count` (the middle ranks must lie inside).
private func middleValue(of buffer: UnsafeMutableBufferPointer<Double>, rankOffset: Int, count: Int) -> Double {
    let middle = count / 2 - rankOffset
    let upper = select(middle, in: buffer)
    guard count % 2 == 0 else { return upper }
    // After selection every entry before `middle` is ≤ the selected one.
    var lower = buffer[0]
    for index in 1..<max(middle, 1) where buffer[index] > lower { lower = buffer[index] }
    return (lower + upper) / 2
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
