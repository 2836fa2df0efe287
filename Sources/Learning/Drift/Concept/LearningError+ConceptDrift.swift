/// The errors of the concept-drift detectors.
extension LearningError {
    static func notAnErrorIndicator(_ x: Double, detector: String) -> LearningError {
        LearningError("\(detector) reads errors: 0 for a right prediction, 1 for a wrong one; got \(formatNumber(x))")
    }

    static func nonFiniteDriftInput(_ x: Double, detector: String) -> LearningError {
        LearningError("\(detector) reads finite numbers; got \(formatNumber(x))")
    }

    static func atStreamPosition(_ index: Int, _ error: LearningError) -> LearningError {
        LearningError("stream value \(index) (0-based): \(error.message)")
    }
}
