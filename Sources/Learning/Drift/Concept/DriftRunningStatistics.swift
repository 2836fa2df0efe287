/// River's running mean (`stats.Mean`), with its exact arithmetic: the drift detectors that
/// use it must round as River does to flag drift at the same positions.
///
/// ```swift
/// var mean = DriftRunningMean()
/// mean.update(3); mean.update(5)     // mean.value == 4, mean.count == 2
/// ```
struct DriftRunningMean: Sendable, Equatable {
    /// The number of values seen (a `Double`, as River's sum of weights).
    private(set) var count: Double = 0
    private(set) var value: Double = 0

    mutating func update(_ x: Double) {
        count += 1
        value += (1 / count) * (x - value)
    }
}

/// River's running variance (`stats.Var`, ddof = 1), by Welford's update on `DriftRunningMean`.
///
/// ```swift
/// var variance = DriftRunningVariance()
/// for x in [3.0, 5, 4] { variance.update(x) }     // variance.value == 1
/// ```
struct DriftRunningVariance: Sendable, Equatable {
    private(set) var mean = DriftRunningMean()
    /// The sum of squared deviations from the mean.
    private var squares: Double = 0

    mutating func update(_ x: Double) {
        let before = mean.value
        mean.update(x)
        squares += (x - before) * (x - mean.value)
    }

    /// The sample variance; 0 with fewer than 2 values.
    var value: Double { mean.count > 1 ? squares / (mean.count - 1) : 0 }
}
