/// Pearson's chi-square test of homogeneity: do the reference and current samples share
/// the same category frequencies? Exactly SciPy's
/// `scipy.stats.chi2_contingency([referenceCounts, currentCounts], correction=False)`.
///
/// The table has two rows (reference, current) and one column per category. A category
/// counted in neither sample is left out (SciPy would refuse its zero expected count), so
/// a category seen only in the current data simply adds a column. Expected counts are
/// row total × column total / grand total; the statistic Σ (observed − expected)²/expected
/// has k − 1 degrees of freedom for k categories; with a single category it is 0 and the
/// p-value 1, as in SciPy.
///
/// ```swift
/// let test = ChiSquareHomogeneityTest(referenceCounts: [30, 50, 20], currentCounts: [10, 25, 40])!
/// test.degreesOfFreedom   // 2
/// test.pValue < 0.05      // true: the mix of categories changed
/// ```
public struct ChiSquareHomogeneityTest: Sendable, Equatable, Codable {
    /// Σ (observed − expected)² / expected over both rows.
    public let statistic: Double
    /// Categories counted in either sample, minus one.
    public let degreesOfFreedom: Int
    /// P(χ²(df) ≥ statistic).
    public let pValue: Double

    /// Tests per-category counts given in the same category order for both samples; `nil`
    /// when the lists differ in length, a count is negative, or either sample is empty.
    public init?(referenceCounts: [Int], currentCounts: [Int]) {
        guard referenceCounts.count == currentCounts.count,
              !referenceCounts.contains(where: { $0 < 0 }), !currentCounts.contains(where: { $0 < 0 }) else { return nil }
        let columns = zip(referenceCounts, currentCounts).filter { $0.0 + $0.1 > 0 }
        let referenceTotal = columns.reduce(0) { $0 + $1.0 }
        let currentTotal = columns.reduce(0) { $0 + $1.1 }
        guard referenceTotal > 0, currentTotal > 0 else { return nil }
        degreesOfFreedom = columns.count - 1
        guard degreesOfFreedom > 0 else {
            statistic = 0
            pValue = 1
            return
        }
        let total = Double(referenceTotal + currentTotal)
        // Row-major, reference row first, as SciPy sums the flattened table.
        var terms: [Double] = []
        terms.reserveCapacity(2 * columns.count)
        for (rowTotal, pick) in [(referenceTotal, 0), (currentTotal, 1)] {
            for column in columns {
                let observed = Double(pick == 0 ? column.0 : column.1)
                let expected = Double(rowTotal * (column.0 + column.1)) / total
                let difference = observed - expected
                terms.append(difference * difference / expected)
            }
        }
        statistic = DriftNumerics.sum(terms)
        pValue = Distributions.chiSquaredSurvival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
