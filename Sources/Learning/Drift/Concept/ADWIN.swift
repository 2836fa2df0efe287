import Foundation

/// Adaptive Windowing (Bifet & Gavaldà, 2007), as River's `drift.ADWIN`: keeps a window of
/// recent values and flags drift when some split of it into an older and a newer part has
/// means too different to come from one distribution.
///
/// Every `clock` values (once the window holds more than `gracePeriod`), each split between
/// buckets of the window (`ADWIN.Window`) with at least `minWindowLength` values on either
/// side is tested: with n₀, n₁ the sizes of the two parts, m = 1/(n₀ − L + 1) + 1/(n₁ − L + 1)
/// (L = `minWindowLength`), σ² the window's variance and δ′ = ln(2 ln(width)/`delta`), the
/// split is a change when |μ₀ − μ₁| > √(2 m σ² δ′) + ⅔ δ′ m. Each change drops the oldest
/// bucket and the test starts again. As in River, the update after a drift starts with an
/// empty window.
///
/// ```swift
/// var adwin = ADWIN()
/// for (index, value) in stream.enumerated() where try adwin.update(value) {
///     print("drift at \(index), window now \(adwin.width) values")
/// }
/// ```
public struct ADWIN: ConceptDriftDetector, Equatable {
    /// The confidence of the cut test: smaller flags fewer changes.
    public let delta: Double
    /// How often the window is tested, in values.
    public let clock: Int
    /// The buckets of each size kept before two are merged.
    public let maxBuckets: Int
    /// The fewest values on either side of a split that is tested.
    public let minWindowLength: Int
    /// The window must hold more values than this before it is tested.
    public let gracePeriod: Int

    public private(set) var driftDetected = false

    private var window: Window
    private var tick = 0

    /// River's defaults: `delta=0.002, clock=32, max_buckets=5, min_window_length=5, grace_period=10`.
    public init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5,
                gracePeriod: Int = 10) {
        precondition(delta > 0 && delta < 1, "delta must be in (0, 1)")
        precondition(clock >= 1, "clock must be at least 1")
        precondition(maxBuckets >= 1, "maxBuckets must be at least 1")
        precondition(minWindowLength >= 1, "minWindowLength must be at least 1")
        precondition(gracePeriod >= 0, "gracePeriod must not be negative")
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
        window = Window(maxBuckets: maxBuckets)
    }

    /// The number of values in the window.
    public var width: Int { Int(window.width) }
    /// The sum of the values in the window.
    public var total: Double { window.total }
    /// The sum of squared deviations from the window's mean.
    public var variance: Double { window.variance }
    /// The mean of the window; 0 when it is empty.
    public var estimation: Double { window.width == 0 ? 0 : window.total / window.width }

    /// Feeds one value; returns `driftDetected`.
    ///
    /// - Throws: `LearningError` for a value that is not a finite number, leaving the detector as it was.
    @discardableResult
    public mutating func update(_ x: Double) throws(LearningError) -> Bool {
        guard x.isFinite else { throw .nonFiniteDriftInput(x, detector: "ADWIN") }
        if driftDetected { reset() }
        window.insert(x)
        driftDetected = detectChange()
        return driftDetected
    }

    public mutating func reset() {
        self = ADWIN(delta: delta, clock: clock, maxBuckets: maxBuckets, minWindowLength: minWindowLength,
                     gracePeriod: gracePeriod)
    }

    /// River's `_detect_change`: tests every split from the oldest bucket to the newest, dropping
    /// the oldest bucket and starting over after each change.
    private mutating func detectChange() -> Bool {
        tick += 1
        guard tick % clock == 0, window.width > Double(gracePeriod) else { return false }
        let shortest = Double(minWindowLength)
        var changed = false
        var cutFound = true
        while cutFound {
            cutFound = false
            var n0 = 0.0, n1 = window.width
            var u0 = 0.0, u1 = window.total
            scan: for row in stride(from: window.rows.count - 1, through: 0, by: -1) {
                let size = Window.bucketSize(row)
                let count = window.rows[row].count
                for k in 0..<count {
                    n0 += size
                    n1 -= size
                    let bucketTotal = window.rows[row].totals[k]
                    u0 += bucketTotal
                    u1 -= bucketTotal
                    // The newest bucket is never split off on its own.
                    if row == 0 && k == count - 1 { break scan }
                    if n1 >= shortest, n0 >= shortest, isCut(n0, n1, meanDifference: u0 / n0 - u1 / n1) {
                        cutFound = true
                        changed = true
                        window.removeOldest()
                        break scan
                    }
                }
            }
        }
        return changed
    }

    /// River's `_evaluate_cut`.
    private func isCut(_ n0: Double, _ n1: Double, meanDifference: Double) -> Bool {
        let shortest = Double(minWindowLength)
        let deltaPrime = log(2 * log(window.width) / delta)
        let m = 1 / (n0 - shortest + 1) + 1 / (n1 - shortest + 1)
        let epsilon = (2 * m * (window.variance / window.width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * m
        return abs(meanDifference) > epsilon
    }
}
