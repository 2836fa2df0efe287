/// One slot per task of a `DispatchQueue.concurrentPerform`, each written by exactly one
/// iteration, read after all have finished.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Stores the result of iteration `index`; each index must be set at most once.
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// Every result, in index order; all slots must be set.
    var values: [Value] { storage.map { $0! } }
}
