import Foundation

/// The booster a `BoostModel` predicts with, loaded from its JSON on first use and kept
/// for later calls. Thread-safe: a lock serialises loading and prediction, since one
/// XGBoost booster must not predict from two threads at once.
final class BoosterCache: @unchecked Sendable {
    private let lock = NSLock()
    private var booster: Booster?

    /// Runs `body` with the booster for `json`, loading it (with `threads` threads) once.
    func withBooster<T>(json: String, threads: Int,
                        _ body: (Booster) throws(LearningError) -> T) throws(LearningError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let loaded: Booster
        if let booster {
            loaded = booster
        } else {
            loaded = try Booster(json: json)
            try loaded.set("nthread", String(threads))
            try loaded.set("verbosity", "0")
            booster = loaded
        }
        return try body(loaded)
    }
}
