/// A detector of concept drift: fed a stream one value at a time, it says after each value
/// whether the stream has changed.
///
/// The four detectors (`DDM`, `EDDM`, `ADWIN`, `PageHinkley`) are ports of River 0.26.1 and
/// flag drift at the same positions. As in River, a detector that has just flagged drift
/// starts afresh on its next update: it forgets what it saw before the change.
///
/// ```swift
/// var detector = ADWIN()
/// for (index, value) in stream.enumerated() where try detector.update(value) {
///     print("drift at \(index)")
/// }
/// ```
public protocol ConceptDriftDetector: Sendable {
    /// Whether the latest update flagged drift. False before the first update and after `reset()`.
    var driftDetected: Bool { get }

    /// Feeds one value and returns `driftDetected`.
    ///
    /// - Throws: `LearningError` for a value the detector cannot read (not a finite number, or for
    ///   `DDM` and `EDDM` not 0 or 1); the detector is then left exactly as it was.
    @discardableResult
    mutating func update(_ x: Double) throws(LearningError) -> Bool

    /// Forgets everything seen, back to the state of a new detector with the same parameters.
    mutating func reset()
}
