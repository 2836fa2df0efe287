import Foundation

/// The Drift Detection Method (Gama et al., 2004), as River's `drift.binary.DDM`: watches a
/// classifier's error rate and flags drift when it rises well above its best level.
///
/// The input is one value per prediction: 1 for an error, 0 for a right prediction. With p the
/// error rate so far and s = √(p(1 − p)/n), DDM remembers p_min and s_min where p + s was
/// lowest, and after `warmStart` values warns when p + s > p_min + `warningThreshold`·s_min
/// and flags drift when p + s > p_min + `driftThreshold`·s_min. After a drift it starts afresh.
///
/// ```swift
/// var ddm = DDM()
/// for (index, wrong) in errors.enumerated() where ddm.update(error: wrong) {
///     print("drift at \(index)")
/// }
/// ```
public struct DDM: ConceptDriftDetector, Equatable {
    /// Values to see before warnings or drift can be flagged (River's `warm_start`).
    public let warmStart: Int
    /// The multiple of s_min above p_min + s_min that warns (River's `warning_threshold`).
    public let warningThreshold: Double
    /// The multiple of s_min above p_min + s_min that flags drift (River's `drift_threshold`).
    public let driftThreshold: Double

    public private(set) var driftDetected = false
    /// Whether the error rate is in the warning zone (never together with `driftDetected`).
    public private(set) var warningDetected = false

    private var errorRate = DriftRunningMean()
    private var minimumRate = Double.infinity
    private var minimumDeviation = Double.infinity
    private var minimumSum = Double.infinity

    /// River's defaults: `warm_start=30, warning_threshold=2, drift_threshold=3`.
    public init(warmStart: Int = 30, warningThreshold: Double = 2, driftThreshold: Double = 3) {
        precondition(warmStart >= 0, "warmStart must not be negative")
        precondition(warningThreshold.isFinite && driftThreshold.isFinite, "thresholds must be finite")
        self.warmStart = warmStart
        self.warningThreshold = warningThreshold
        self.driftThreshold = driftThreshold
    }

    /// Feeds one prediction's outcome: 1 for an error, 0 for a right prediction.
    ///
    /// - Throws: `LearningError` for any other value, leaving the detector as it was.
    @discardableResult
    public mutating func update(_ x: Double) throws(LearningError) -> Bool {
        guard x == 0 || x == 1 else { throw .notAnErrorIndicator(x, detector: "DDM") }
        return update(error: x == 1)
    }

    /// Feeds one prediction's outcome, `true` for an error; returns `driftDetected`.
    @discardableResult
    public mutating func update(error: Bool) -> Bool {
        if driftDetected { reset() }
        errorRate.update(error ? 1 : 0)
        let p = errorRate.value
        let n = errorRate.count
        let s = sqrt(p * (1 - p) / n)
        if n > Double(warmStart) {
            if p + s <= minimumSum {
                minimumRate = p
                minimumDeviation = s
                minimumSum = minimumRate + minimumDeviation
            }
            warningDetected = p + s > minimumRate + warningThreshold * minimumDeviation
            if p + s > minimumRate + driftThreshold * minimumDeviation {
                driftDetected = true
                warningDetected = false
            }
        }
        return driftDetected
    }

    public mutating func reset() {
        self = DDM(warmStart: warmStart, warningThreshold: warningThreshold, driftThreshold: driftThreshold)
    }
}
