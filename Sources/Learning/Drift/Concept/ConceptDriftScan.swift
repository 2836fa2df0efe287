/// Runs `detector` over a whole stream and returns the 0-based positions at which it flagged
/// drift, the positions River reports as `i` where `detector.drift_detected` is true after
/// `update(stream[i])`.
///
/// The detector is copied, so the caller's is left as it was; it starts from whatever state it
/// is in (a new one, usually).
///
/// ```swift
/// let positions = try conceptDriftPositions(in: values, detector: PageHinkley())   // [924, 1045]
/// let named = try conceptDriftPositions(in: errors, detector: ConceptDriftDetectorName.ddm.makeDetector())
/// ```
/// - Throws: `LearningError` for the first value the detector cannot read, naming its position.
public func conceptDriftPositions(in stream: some Sequence<Double>, detector: some ConceptDriftDetector)
    throws(LearningError) -> [Int] {
    var detector = detector
    var positions: [Int] = []
    for (index, value) in stream.enumerated() {
        do throws(LearningError) {
            if try detector.update(value) { positions.append(index) }
        } catch {
            throw .atStreamPosition(index, error)
        }
    }
    return positions
}
