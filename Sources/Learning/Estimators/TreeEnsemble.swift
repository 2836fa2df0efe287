/// Prediction shared by `tree` and `forest`: the mean of the trees' leaf values, summed in
/// tree order then divided (as scikit-learn averages), rows spread over both cores.
enum TreeEnsemble {
    static func predict(_ trees: [TreeNodes], _ x: DesignMatrix,
                        task: LearningTask) throws(LearningError) -> Predictions {
        let needed = trees.reduce(0) { max($0, Int($1.feature.max() ?? -1) + 1) }
        guard needed <= x.columnCount else {
            throw LearningError("the model reads \(needed) encoded columns; the data has \(x.columnCount)")
        }
        let width = trees.first?.width ?? 1
        let rows = x.rowCount
        var sums = [Double](repeating: 0, count: rows * width)
        let chunk = 4096
        let chunks = (rows + chunk - 1) / chunk
        sums.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            let work = { (index: Int) in
                let range = (index * chunk)..<min(rows, (index + 1) * chunk)
                for tree in trees {
                    tree.forEachLeaf(x, rows: range) { row, values in
                        for c in 0..<width { out.pointer![row * width + c] += values[c] }
                    }
                }
            }
            if chunks > 1 && rows * trees.count >= 20_000 {
                _ = Parallel.map(chunks) { work($0) }
            } else {
                for index in 0..<chunks { work(index) }
            }
        }
        let count = Double(trees.count)
        if trees.count > 1 { for i in sums.indices { sums[i] /= count } }
        if task.isClassification {
            return .classes(ClassPredictions(classes: task.classes, probabilities: sums))
        }
        return .values(sums)
    }
}

/// A pointer handed to parallel iterations that write disjoint parts of it.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>?
    init(_ pointer: UnsafeMutablePointer<Double>?) { self.pointer = pointer }
}
