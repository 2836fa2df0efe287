/// Wall-clock timings of repeated runs, on the monotonic clock.
struct Timings {
    /// Seconds per measured run, in run order.
    var seconds: [Double] = []

    /// Runs `body` `warmup` times unmeasured, then `count` times measured.
    ///
    /// `body` returns a value that is kept (see `Sink`) so its work cannot be optimised away.
    static func measure<T, E: Error>(count: Int, warmup: Int = 0, _ body: () throws(E) -> T) throws(E) -> (Timings, last: T) {
        precondition(count >= 1)
        let clock = ContinuousClock()
        for _ in 0..<warmup { Sink.keep(try body()) }
        var timings = Timings()
        var last: T? = nil
        for _ in 0..<count {
            last = nil  // free the previous result before the next run, outside the timing
            let start = clock.now
            let value = try body()
            let elapsed = clock.now - start
            timings.seconds.append(elapsed.seconds)
            last = value
        }
        return (timings, last!)
    }

    /// The middle run's time; the mean of the two middle ones for an even count.
    var median: Double {
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var minimum: Double { seconds.min() ?? 0 }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// Keeps values alive and opaque to the optimiser.
enum Sink {
    @inline(never)
    static func keep<T>(_ value: T) {
        withExtendedLifetime(value) {}
    }
}

/// Rounds to `places` decimal places, for readable JSON.
func rounded(_ value: Double, places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
}
