/// Seeded train/test splits and cross-validation folds.
///
/// Rows are drawn with `SeededGenerator`, so the same seed always picks the same rows;
/// each part keeps the rows in their original order, so it reads like the file.
public enum Splitter {
    /// Splits `frame` into two parts with `round(ratio * rowCount)` rows in `first`.
    ///
    /// With `stratify`, each class of the target column is split on its own so both parts
    /// keep the class proportions: every class gets `ratio` of its rows, rounded so the
    /// totals still match, and a class with two or more rows has at least one in each
    /// part. Rows with a missing target form a class of their own.
    ///
    /// ```swift
    /// let (train, test) = try Splitter.split(iris, ratio: 0.8, seed: 42, stratify: true)
    /// // 40 + 40 + 40 rows and 10 + 10 + 10 rows
    /// ```
    ///
    /// - Throws: `LearningError` when `ratio` is not strictly between 0 and 1, when a part
    ///   would be empty, or when `stratify` is asked for without a target or with a numeric one.
    public static func split(_ frame: DataFrame, ratio: Double, seed: UInt64, stratify: Bool) throws(LearningError) -> (first: DataFrame, second: DataFrame) {
        var classes: [Int32]?
        if stratify {
            guard let target = frame.target, let column = frame.targetColumn else {
                throw LearningError("cannot stratify: the data has no target column; name one or split without stratify")
            }
            guard case .categorical(let codes, _) = column.storage else {
                throw LearningError("cannot stratify on '\(target)': it is numeric; expected a categorical or boolean target")
            }
            classes = codes
        }
        let (first, second) = try splitIndices(rowCount: frame.rowCount, ratio: ratio, seed: seed, stratifyBy: classes)
        return (frame.selecting(rows: first), frame.selecting(rows: second))
    }

    /// The row indices of both parts of a split, each sorted; see `split(_:ratio:seed:stratify:)`.
    ///
    /// - Parameter classes: one class code per row to stratify by (negative codes are one
    ///   more class), or `nil` for a plain random split.
    public static func splitIndices(rowCount: Int, ratio: Double, seed: UInt64, stratifyBy classes: [Int32]?) throws(LearningError) -> (first: [Int], second: [Int]) {
        guard ratio > 0, ratio < 1 else {
            throw LearningError("split ratio must be between 0 and 1 (exclusive), got \(formatNumber(ratio))")
        }
        let firstCount = Int((ratio * Double(rowCount)).rounded())
        guard firstCount > 0, firstCount < rowCount else {
            throw LearningError("a split of \(rowCount) rows with ratio \(formatNumber(ratio)) would leave a part empty")
        }
        var generator = SeededGenerator(seed: seed)
        var chosen: [Int]
        if let classes {
            precondition(classes.count == rowCount, "one class per row")
            let groups = groupRows(by: classes)
            let quotas = stratifiedQuotas(sizes: groups.map(\.count), ratio: ratio, total: firstCount)
            chosen = []
            for (rows, quota) in zip(groups, quotas) {
                chosen += generator.shuffled(rows).prefix(quota)
            }
        } else {
            chosen = Array(generator.permutation(rowCount).prefix(firstCount))
        }
        chosen.sort()
        var inFirst = [Bool](repeating: false, count: rowCount)
        for row in chosen { inFirst[row] = true }
        return (chosen, (0..<rowCount).filter { !inFirst[$0] })
    }

    /// Row indices per class, classes in increasing code order (missing, `-1`, first).
    static func groupRows(by classes: [Int32]) -> [[Int]] {
        var groups: [Int32: [Int]] = [:]
        for (row, code) in classes.enumerated() { groups[max(code, -1), default: []].append(row) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// How many rows of each class go to the first part: `ratio` of each class, by largest
    /// remainder so the sum is `total`, then moved so every class of two or more rows has
    /// rows on both sides, keeping the sum where possible.
    static func stratifiedQuotas(sizes: [Int], ratio: Double, total: Int) -> [Int] {
        let ideal = sizes.map { ratio * Double($0) }
        var quotas = ideal.map { Int($0.rounded(.down)) }
        let byRemainder = sizes.indices.sorted { (ideal[$0] - Double(quotas[$0]), $1) > (ideal[$1] - Double(quotas[$1]), $0) }
        var missing = total - quotas.reduce(0, +)
        for index in byRemainder where missing > 0 && quotas[index] < sizes[index] {
            quotas[index] += 1
            missing -= 1
        }
        for index in sizes.indices where sizes[index] >= 2 {
            quotas[index] = min(max(quotas[index], 1), sizes[index] - 1)
        }
        // Give back what the clamping added or took, from the classes furthest from ideal.
        var excess = quotas.reduce(0, +) - total
        while excess != 0 {
            let step = excess > 0 ? -1 : 1
            let movable = sizes.indices.filter { index in
                let low = sizes[index] >= 2 ? 1 : 0
                let high = sizes[index] >= 2 ? sizes[index] - 1 : sizes[index]
                return (low...high).contains(quotas[index] + step)
            }
            guard let index = movable.max(by: { (Double(step) * (ideal[$0] - Double(quotas[$0])), $1) < (Double(step) * (ideal[$1] - Double(quotas[$1])), $0) }) else { break }
            quotas[index] += step
            excess += step
        }
        return quotas
    }
}
