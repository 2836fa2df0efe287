/// The normalised Wasserstein drift score of a numeric column: the first Wasserstein
/// (earth mover's) distance between the reference and current values, in units of the
/// reference's standard deviation — `scipy.stats.wasserstein_distance(ref, cur) /
/// numpy.std(ref)` (ddof 0).
///
/// The distance is the area between the two empirical distribution functions,
/// Σ |F_ref(xₖ) − F_cur(xₖ)| · (xₖ₊₁ − xₖ) over the merged sorted values. Missing values
/// (NaN) are dropped first.
///
/// **A constant reference** (standard deviation below 0.001, in particular 0) is divided by
/// 0.001 instead, as Evidently does (`max(std, 0.001)`): the score stays finite, is 0 when
/// the current values equal that constant, and is large (≥ 0.1 as soon as the values move
/// by 0.0001 on average) otherwise. For a standard deviation of at least 0.001 the score is
/// exactly the definition above.
///
/// ```swift
/// let drift = WassersteinDrift(reference: [1, 2, 3, 4], current: [2, 3, 4, 5])!
/// drift.distance   // 1.0
/// drift.score      // 0.894...: shifted by 0.89 reference standard deviations
/// ```
public struct WassersteinDrift: Sendable, Equatable, Codable {
    /// The Wasserstein-1 distance, in the column's units.
    public let distance: Double
    /// `numpy.std` of the reference values (ddof 0).
    public let referenceStandardDeviation: Double
    /// distance / max(referenceStandardDeviation, `minimumScale`).
    public let score: Double

    /// The smallest divisor (Evidently's), used for a (nearly) constant reference.
    public static let minimumScale = 0.001

    /// Scores two samples; `nil` when either has no non-missing value.
    public init?(reference: [Double], current: [Double]) {
        let u = reference.filter { !$0.isNaN }
        let v = current.filter { !$0.isNaN }
        self.init(reference: u, sortedReference: DriftNumerics.sorted(u), sortedCurrent: DriftNumerics.sorted(v))
    }

    /// Scores samples without NaN given also sorted ascending (the standard deviation sums
    /// `reference` in its own order, as NumPy does); `nil` when either is empty.
    init?(reference u: [Double], sortedReference a: [Double], sortedCurrent b: [Double]) {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        distance = Self.distance(sorted: a, b)
        referenceStandardDeviation = DriftNumerics.standardDeviation(u)
        score = distance / max(referenceStandardDeviation, Self.minimumScale)
    }

    /// `scipy.stats.wasserstein_distance(u, v)` of two samples without NaN; NaN when
    /// either is empty.
    public static func distance(_ u: [Double], _ v: [Double]) -> Double {
        guard !u.isEmpty, !v.isEmpty else { return .nan }
        return distance(sorted: DriftNumerics.sorted(u), DriftNumerics.sorted(v))
    }

    /// The distance of two non-empty samples, each sorted ascending.
    static func distance(sorted a: [Double], _ b: [Double]) -> Double {
        let all = DriftNumerics.merged(a, b)
        var terms: [Double] = []
        terms.reserveCapacity(all.count - 1)
        var i = 0, j = 0
        for k in 0..<(all.count - 1) {
            let value = all[k]
            while i < a.count && a[i] <= value { i += 1 }
            while j < b.count && b[j] <= value { j += 1 }
            let gap = abs(Double(i) / Double(a.count) - Double(j) / Double(b.count))
            terms.append(gap * (all[k + 1] - value))
        }
        return DriftNumerics.sum(terms)
    }
}
