import Synchronization

/// Told how far a fit has come (0…1) by the algorithms that take long: `forest` after each tree,
/// `boost` after each round. It may be called from any thread.
public typealias TrainingProgress = @Sendable (Double) -> Void

/// Counts finished steps of a parallel fit and reports the fraction done.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let report: TrainingProgress?

    init(total: Int, report: TrainingProgress?) {
        self.total = max(1, total)
        self.report = report
    }

    func step() {
        guard let report else { return }
        let finished = done.add(1, ordering: .relaxed).newValue
        report(Double(finished) / Double(total))
    }
}
