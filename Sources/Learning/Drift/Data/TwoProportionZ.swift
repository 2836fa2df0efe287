import Foundation

/// The pooled two-proportion z-test, two-sided: is the share of a positive class the same
/// in the reference and current samples?
///
/// With p₁ = x₁/n₁ (reference), p₂ = x₂/n₂ (current) and the pooled share
/// p = (x₁ + x₂)/(n₁ + n₂): z = (p₁ − p₂) / √(p(1 − p)(1/n₁ + 1/n₂)), and the p-value is
/// 2·P(Z > |z|) = erfc(|z|/√2), computed in the tail so 1e-93 keeps its digits. When the
/// pooled share is 0 or 1 (both samples all negative or all positive) nothing differs:
/// z = 0 and the p-value is 1 (as Evidently). z², and so the p-value, equals the
/// chi-square test of homogeneity on the 2 × 2 table.
///
/// ```swift
/// let test = TwoProportionZTest(referencePositives: 40, referenceCount: 100,
///                               currentPositives: 70, currentCount: 100)!
/// test.z        // -4.2640...: the current sample has more positives
/// test.pValue   // 2.0e-05
/// ```
public struct TwoProportionZTest: Sendable, Equatable, Codable {
    /// Negative when the current sample has the larger share of positives.
    public let z: Double
    /// The two-sided p-value.
    public let pValue: Double

    /// Tests the counts; `nil` when a sample is empty or a count is out of range.
    public init?(referencePositives: Int, referenceCount: Int, currentPositives: Int, currentCount: Int) {
        guard referenceCount > 0, currentCount > 0,
              (0...referenceCount).contains(referencePositives),
              (0...currentCount).contains(currentPositives) else { return nil }
        let n1 = Double(referenceCount), n2 = Double(currentCount)
        let p1 = Double(referencePositives) / n1
        let p2 = Double(currentPositives) / n2
        let pooled = Double(referencePositives + currentPositives) / (n1 + n2)
        guard pooled > 0, pooled < 1 else {
            z = 0
            pValue = 1
            return
        }
        z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        pValue = erfc(abs(z) / 2.0.squareRoot())
    }
}
