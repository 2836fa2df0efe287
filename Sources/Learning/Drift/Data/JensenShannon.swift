import Foundation

/// The Jensen–Shannon distance between two category frequency vectors, with natural
/// logarithms: `scipy.spatial.distance.jensenshannon(p, q)`.
///
/// Both vectors are normalised to sum to 1, m = (p + q)/2, and the distance is
/// √((KL(p‖m) + KL(q‖m))/2), the square root of the Jensen–Shannon *divergence*. It is 0
/// for equal frequencies and at most √ln 2 ≈ 0.833 for disjoint ones. A category present in
/// only one sample is fine: its zero frequency contributes 0.
///
/// ```swift
/// JensenShannon.distance([30, 70], [50, 50])   // 0.1449...
/// JensenShannon.distance([1, 0], [0, 1])       // 0.8325... (√ln 2)
/// ```
public enum JensenShannon {
    /// The distance between frequency (or count) vectors over the same categories, in the
    /// same order; NaN when the lengths differ or either vector sums to 0.
    public static func distance(_ p: [Double], _ q: [Double]) -> Double {
        guard p.count == q.count, !p.isEmpty else { return .nan }
        let pTotal = DriftNumerics.sum(p), qTotal = DriftNumerics.sum(q)
        guard pTotal > 0, qTotal > 0 else { return .nan }
        let pn = p.map { $0 / pTotal }, qn = q.map { $0 / qTotal }
        let m = zip(pn, qn).map { ($0 + $1) / 2.0 }
        let left = DriftNumerics.sum(zip(pn, m).map { relativeEntropy($0, $1) })
        let right = DriftNumerics.sum(zip(qn, m).map { relativeEntropy($0, $1) })
        return ((left + right) / 2.0).squareRoot()
    }

    /// SciPy's `rel_entr(x, y)`: x·ln(x/y), 0 when x = 0, +∞ when x > 0 and y = 0.
    private static func relativeEntropy(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        if x > 0 && y > 0 { return x * log(x / y) }
        if x == 0 && y >= 0 { return 0 }
        return .infinity
    }
}
