extension Splitter {
    /// The test rows of each of `folds` cross-validation folds, each sorted; every row is in
    /// exactly one fold and fold sizes differ by at most one.
    ///
    /// Without `classes`, rows are shuffled with `seed` and dealt out in runs: the first
    /// `rowCount % folds` folds get one extra row. With `classes`, each class is shuffled on
    /// its own and the classes, one after another, are dealt round-robin over the folds, so
    /// every fold has the class proportions (as nearly as counts allow).
    ///
    /// ```swift
    /// let folds = try Splitter.kFold(rowCount: 150, folds: 5, seed: 7, stratifyBy: codes)
    /// // 5 arrays of 30 row indices; train on the rows not in folds[k], test on folds[k]
    /// ```
    ///
    /// - Throws: `LearningError` when `folds` is below 2 or above `rowCount`.
    public static func kFold(rowCount: Int, folds: Int, seed: UInt64, stratifyBy classes: [Int32]?) throws(LearningError) -> [[Int]] {
        guard folds >= 2 else {
            throw LearningError("cross-validation needs at least 2 folds, got \(folds)")
        }
        guard folds <= rowCount else {
            throw LearningError("cannot make \(folds) folds from \(rowCount) rows; expected `folds` of at most \(rowCount)")
        }
        var generator = SeededGenerator(seed: seed)
        var result = [[Int]](repeating: [], count: folds)
        if let classes {
            precondition(classes.count == rowCount, "one class per row")
            var next = 0
            for rows in groupRows(by: classes) {
                for row in generator.shuffled(rows) {
                    result[next].append(row)
                    next = (next + 1) % folds
                }
            }
        } else {
            let order = generator.permutation(rowCount)
            var start = 0
            for fold in 0..<folds {
                let size = rowCount / folds + (fold < rowCount % folds ? 1 : 0)
                result[fold] = Array(order[start..<start + size])
                start += size
            }
        }
        return result.map { $0.sorted() }
    }
}
