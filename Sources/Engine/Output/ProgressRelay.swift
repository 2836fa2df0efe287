import Foundation

/// Passes progress reported from worker threads to a command's output, one at a time and at most once per percent.
final class ProgressRelay: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let emit: (OutputEvent) -> Void
    private var lastPercent = -1

    init(_ label: String, emit: @escaping (OutputEvent) -> Void) {
        self.label = label
        self.emit = emit
    }

    func report(_ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        let percent = Int(fraction * 100)
        guard percent > lastPercent else { return }
        lastPercent = percent
        emit(.progress(label, fraction))
    }
}
