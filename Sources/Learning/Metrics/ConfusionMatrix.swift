/// Counts of (true label, predicted label) pairs over the labels present in either,
/// sorted lexicographically. `counts[t][p]` is the number of rows whose truth is
/// `labels[t]` and whose prediction is `labels[p]`: rows are truth, columns predictions,
/// as scikit-learn's `confusion_matrix` with sorted labels.
///
/// ```swift
/// let matrix = ConfusionMatrix(truth: ["b", "a", "c"], predicted: ["b", "b", "c"])
/// // labels ["a", "b", "c"]; counts [[0, 1, 0], [0, 1, 0], [0, 0, 1]]
/// ```
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    public let labels: [String]
    /// `counts[truth][predicted]`, both indexing `labels`.
    public let counts: [[Int]]

    /// Matches labels by text.
    public init(truth: [String], predicted: [String]) {
        precondition(truth.count == predicted.count, "truth and predictions differ in length")
        let labels = Set(truth).union(predicted).sorted()
        var index: [String: Int] = [:]
        for (position, label) in labels.enumerated() { index[label] = position }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (t, p) in zip(truth, predicted) { counts[index[t]!][index[p]!] += 1 }
        self.labels = labels
        self.counts = counts
    }

    /// Builds from codes into two label lists, mapping by text (not by code).
    /// Codes below zero are skipped.
    init(truthCodes: [Int32], truthLevels: [String], predictedCodes: [Int32], predictedLevels: [String]) {
        var present = Set<String>()
        var truthSeen = [Bool](repeating: false, count: truthLevels.count)
        var predictedSeen = [Bool](repeating: false, count: predictedLevels.count)
        for (t, p) in zip(truthCodes, predictedCodes) where t >= 0 && p >= 0 {
            truthSeen[Int(t)] = true
            predictedSeen[Int(p)] = true
        }
        for (i, seen) in truthSeen.enumerated() where seen { present.insert(truthLevels[i]) }
        for (i, seen) in predictedSeen.enumerated() where seen { present.insert(predictedLevels[i]) }
        let labels = present.sorted()
        var index: [String: Int] = [:]
        for (position, label) in labels.enumerated() { index[label] = position }
        let truthMap = truthLevels.map { index[$0] ?? -1 }
        let predictedMap = predictedLevels.map { index[$0] ?? -1 }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (t, p) in zip(truthCodes, predictedCodes) where t >= 0 && p >= 0 {
            counts[truthMap[Int(t)]][predictedMap[Int(p)]] += 1
        }
        self.labels = labels
        self.counts = counts
    }

    /// The number of rows of true class `truth` predicted as `predicted` (indexes into `labels`).
    public subscript(truth: Int, predicted: Int) -> Int { counts[truth][predicted] }

    /// The number of rows counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The number of rows whose truth is `labels[index]` (the row sum).
    public func support(_ index: Int) -> Int { counts[index].reduce(0, +) }

    /// The number of rows predicted as `labels[index]` (the column sum).
    public func predictedCount(_ index: Int) -> Int { counts.reduce(0) { $0 + $1[index] } }
}
