import Foundation

/// The Early Drift Detection Method (Baena-García et al., 2006), as River's
/// `drift.binary.EDDM`: watches the distance between a classifier's errors and flags drift
/// when errors come markedly closer together than they used to.
///
/// The input is one value per prediction: 1 for an error, 0 for a right prediction. At each
/// error, with p′ and s′ the mean and standard deviation of the distances between errors,
/// EDDM keeps the largest p′ + 2s′ seen; once more than `warmStart` values and more than
/// `warmStart` errors have been seen, it compares the current p′ + 2s′ with that maximum:
/// below `beta` of it is drift, below `alpha` a warning. After a drift it starts afresh.
///
/// ```swift
/// var eddm = EDDM()
/// for (index, wrong) in errors.enumerated() where eddm.update(error: wrong) {
///     print("drift at \(index)")
/// }
/// ```
public struct EDDM: ConceptDriftDetector, Equatable {
    /// Values, and errors, to see before warnings or drift can be flagged (River's `warm_start`).
    public let warmStart: Int
    /// The ratio to the maximum below which a warning is raised.
    public let alpha: Double
    /// The ratio to the maximum below which drift is flagged; at most `alpha`.
    public let beta: Double

    public private(set) var driftDetected = false
    /// Whether the distance between errors is in the warning zone.
    public private(set) var warningDetected = false

    private var distances = DriftRunningVariance()
    private var seen = 0
    private var lastError = 0
    private var errors = 0
    private var maximum: Double = -1

    /// River's defaults: `warm_start=30, alpha=0.95, beta=0.9`.
    public init(warmStart: Int = 30, alpha: Double = 0.95, beta: Double = 0.9) {
        precondition(warmStart >= 0, "warmStart must not be negative")
        precondition(alpha >= beta, "alpha must be greater than or equal to beta")
        self.warmStart = warmStart
        self.alpha = alpha
        self.beta = beta
    }

    /// Feeds one prediction's outcome: 1 for an error, 0 for a right prediction.
    ///
    /// - Throws: `LearningError` for any other value, leaving the detector as it was.
    @discardableResult
    public mutating func update(_ x: Double) throws(LearningError) -> Bool {
        guard x == 0 || x == 1 else { throw .notAnErrorIndicator(x, detector: "EDDM") }
        return update(error: x == 1)
    }

    /// Feeds one prediction's outcome, `true` for an error; returns `driftDetected`.
    @discardableResult
    public mutating func update(error: Bool) -> Bool {
        if driftDetected { reset() }
        seen += 1
        guard error else { return driftDetected }
        errors += 1
        distances.update(Double(seen - lastError))
        if seen > warmStart {
            let mean = distances.mean.value
            // River takes `** 0.5`, which is C's pow.
            let deviation = pow(distances.value, 0.5)
            let level = mean + 2 * deviation
            if level > maximum {
                maximum = level
            } else if errors > warmStart {
                let ratio = level / maximum
                if ratio < beta {
                    driftDetected = true
                } else {
                    warningDetected = ratio < alpha
                }
            }
        }
        lastError = seen
        return driftDetected
    }

    public mutating func reset() {
        self = EDDM(warmStart: warmStart, alpha: alpha, beta: beta)
    }
}
