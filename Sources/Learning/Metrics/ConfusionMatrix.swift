/// Counts of (true label, predicted label) pairs over the labels present in either,
/// sorted lexicographically. `counts[t * labels.count + p]`: rows are truth.
public struct ConfusionMatrix: Sendable, Equatable {
    public let labels: [String]
    public let counts: [Int]

    /// Matches labels by text.
    public init(truth: [String], predicted: [String]) {
        precondition(truth.count == predicted.count, "truth and predictions differ in length")
        let labels = Set(truth).union(predicted).sorted()
        var index: [String: Int] = [:]
        for (position, label) in labels.enumerated() { index[label] = position }
        let k = labels.count
        var counts = [Int](repeating: 0, count: k * k)
        for (t, p) in zip(truth, predicted) { counts[index[t]! * k + index[p]!] += 1 }
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
        let k = labels.count
        var counts = [Int](repeating: 0, count: k * k)
        for (t, p) in zip(truthCodes, predictedCodes) where t >= 0 && p >= 0 {
            counts[truthMap[Int(t)] * k + predictedMap[Int(p)]] += 1
        }
        self.labels = labels
        self.counts = counts
    }

    public subscript(truth: Int, predicted: Int) -> Int { counts[truth * labels.count + predicted] }

    public var total: Int { counts.reduce(0, +) }
}
