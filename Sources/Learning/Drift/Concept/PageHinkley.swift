/// The Page-Hinkley test (Page, 1954), as River's `drift.PageHinkley`: flags drift when the
/// stream's values move persistently away from their running mean.
///
/// With x̄ the mean of the values so far, it keeps two discounted cumulative sums of the
/// deviations, m↑ = `alpha`·m↑ + (x − x̄ − `delta`) and m↓ = `alpha`·m↓ + (x − x̄ + `delta`),
/// with the least m↑ and the greatest m↓ seen. Once `minInstances` values have been seen, a
/// rise (m↑ − min m↑) or a fall (max m↓ − m↓) above `threshold` is drift, as `mode` allows.
/// After a drift it starts afresh.
///
/// ```swift
/// var ph = PageHinkley()
/// for (index, value) in stream.enumerated() where try ph.update(value) {
///     print("drift at \(index)")
/// }
/// ```
public struct PageHinkley: ConceptDriftDetector, Equatable {
    /// Which changes of the mean count as drift.
    public enum Mode: String, Sendable, CaseIterable {
        /// Only a rise.
        case up
        /// Only a fall.
        case down
        /// Either.
        case both
    }

    /// Values to see before drift can be flagged (River's `min_instances`).
    public let minInstances: Int
    /// The magnitude of change tolerated before it accumulates.
    public let delta: Double
    /// The cumulative deviation that is drift (λ).
    public let threshold: Double
    /// The forgetting factor of the cumulative sums.
    public let alpha: Double
    public let mode: Mode

    public private(set) var driftDetected = false

    private var mean = DriftRunningMean()
    private var sumIncrease: Double = 0
    private var sumDecrease: Double = 0
    private var minimumIncrease = Double.infinity
    // River starts it at -1, not at -infinity.
    private var maximumDecrease: Double = -1

    /// River's defaults: `min_instances=30, delta=0.005, threshold=50, alpha=1 - 0.0001, mode="both"`.
    public init(minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50,
                alpha: Double = 1 - 0.0001, mode: Mode = .both) {
        precondition(minInstances >= 0, "minInstances must not be negative")
        precondition(delta.isFinite && threshold.isFinite && alpha.isFinite, "parameters must be finite")
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.mode = mode
    }

    /// Feeds one value; returns `driftDetected`.
    ///
    /// - Throws: `LearningError` for a value that is not a finite number, leaving the detector as it was.
    @discardableResult
    public mutating func update(_ x: Double) throws(LearningError) -> Bool {
        guard x.isFinite else { throw .nonFiniteDriftInput(x, detector: "PageHinkley") }
        if driftDetected { reset() }
        mean.update(x)
        let deviation = x - mean.value
        sumIncrease = alpha * sumIncrease + deviation - delta
        sumDecrease = alpha * sumDecrease + deviation + delta
        if sumIncrease < minimumIncrease { minimumIncrease = sumIncrease }
        if sumDecrease > maximumDecrease { maximumDecrease = sumDecrease }
        if mean.count >= Double(minInstances) {
            let rise = sumIncrease - minimumIncrease
            let fall = maximumDecrease - sumDecrease
            switch mode {
            case .up: driftDetected = rise > threshold
            case .down: driftDetected = fall > threshold
            case .both: driftDetected = rise > threshold || fall > threshold
            }
        }
        return driftDetected
    }

    public mutating func reset() {
        self = PageHinkley(minInstances: minInstances, delta: delta, threshold: threshold, alpha: alpha, mode: mode)
    }
}
