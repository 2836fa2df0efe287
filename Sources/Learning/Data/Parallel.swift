import Dispatch

/// Data-parallel helpers over both cores.
enum Parallel {
    /// `(0..<count).map(transform)`, with the calls spread over all cores.
    ///
    /// `transform` must be safe to call from several threads at once; each index is
    /// written by exactly one call, and all calls finish before `map` returns.
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let shared = Unchecked((base: buffer.baseAddress!, transform: transform))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (shared.value.base + index).initialize(to: shared.value.transform(index))
                }
                initialized = count
            }
        }
    }
}

/// Hands a value to `concurrentPerform`'s `@Sendable` closure where the caller guarantees
/// that the threads touch disjoint parts of it.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
