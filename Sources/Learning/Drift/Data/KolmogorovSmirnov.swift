import Foundation

/// The two-sample Kolmogorov–Smirnov test of whether a numeric column's current values come
/// from the same distribution as its reference values, exactly as SciPy's
/// `scipy.stats.ks_2samp(reference, current)` with its defaults (two-sided,
/// `method='auto'`).
///
/// Missing values (NaN) are dropped first. The statistic D is the largest gap between the
/// two empirical distribution functions. Its p-value is:
/// - **exact** when both samples have at most 10 000 values: D is rounded to a multiple
///   h/lcm(n₁, n₂) and P(D ≥ h/lcm) is the share of lattice paths leaving the band
///   |x/n₁ − y/n₂| < h/lcm (SciPy's `_compute_prob_outside_square` for equal sizes,
///   `_compute_outer_prob_inside_method` otherwise, ported operation for operation, so
///   even a denormal p-value such as 4.7e-322 comes out the same);
/// - **asymptotic** otherwise, or when the exact computation fails (a result that is not a
///   probability): the one-sample distribution `kstwo` at n = round(n₁n₂/(n₁ + n₂)), see
///   `KolmogorovDistribution`.
///
/// ```swift
/// let test = KolmogorovSmirnovTest(reference: lastYear, current: thisMonth)!
/// if test.pValue < 0.05 { print("price drifted: D = \(test.statistic)") }
/// ```
public struct KolmogorovSmirnovTest: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable {
        /// The exact distribution of D for these two sample sizes.
        case exact
        /// `kstwo` at the effective sample size.
        case asymptotic
    }

    /// D = sup |F_reference − F_current| (a multiple of 1/lcm(n₁, n₂) when exact).
    public let statistic: Double
    /// The two-sided p-value.
    public let pValue: Double
    public let method: Method
    /// Non-missing values in each sample.
    public let referenceCount: Int
    public let currentCount: Int

    /// Samples up to this size get the exact p-value (SciPy's `MAX_AUTO_N`).
    public static let exactUpTo = 10_000

    /// Tests two samples; `nil` when either has no non-missing value.
    public init?(reference: [Double], current: [Double]) {
        self.init(sortedReference: DriftNumerics.sorted(reference.filter { !$0.isNaN }),
                  sortedCurrent: DriftNumerics.sorted(current.filter { !$0.isNaN }))
    }

    /// Tests two samples without NaN, each already sorted ascending; `nil` when either is empty.
    init?(sortedReference a: [Double], sortedCurrent b: [Double]) {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let n1 = a.count, n2 = b.count
        referenceCount = n1
        currentCount = n2

        // The largest positive and negative gaps F₁ − F₂, at every value of either sample.
        var largest = -Double.infinity, smallest = Double.infinity
        var i = 0, j = 0
        while i < n1 || j < n2 {
            let value = j == n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j]
            while i < n1 && a[i] <= value { i += 1 }
            while j < n2 && b[j] <= value { j += 1 }
            let gap = Double(i) / Double(n1) - Double(j) / Double(n2)
            largest = max(largest, gap)
            smallest = min(smallest, gap)
        }
        let minS = min(max(-smallest, 0), 1)
        var d = minS > largest ? minS : largest

        var p = Double.nan
        var method = Method.asymptotic
        if max(n1, n2) <= Self.exactUpTo {
            let exact = Self.exactProbability(n1, n2, d: d)
            d = exact.d
            if let probability = exact.p {
                p = probability
                method = .exact
            }
        }
        if method == .asymptotic {
            let m = Double(max(n1, n2)), n = Double(min(n1, n2))
            let effective = (m * n / (m + n)).rounded(.toNearestOrEven)
            p = KolmogorovDistribution.survival(d, sampleSize: Int(effective))
        }
        statistic = d
        pValue = min(max(p, 0), 1)
        self.method = method
    }

    /// SciPy's `_attempt_exact_2kssamp`: D rounded to h/lcm, and the probability, `nil`
    /// when the computation did not give one.
    private static func exactProbability(_ n1: Int, _ n2: Int, d: Double) -> (d: Double, p: Double?) {
        let g = greatestCommonDivisor(n1, n2)
        let lcm = (n1 / g) * n2
        let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
        let rounded = Double(h) / Double(lcm)
        if h == 0 { return (rounded, 1) }
        let p = n1 == n2 ? probabilityOutsideSquare(n: n1, h: h) : probabilityOutsideBand(n1, n2, g: g, h: h)
        guard p.isFinite, p >= 0, p <= 1 else { return (rounded, nil) }
        return (rounded, p)
    }

    /// P(D ≥ h/n) for two samples of n: 2·(A₀ − A₀A₁ + A₀A₁A₂ − …) by a Horner-like
    /// product, each Aₖ a ratio of binomial coefficients (SciPy's
    /// `_compute_prob_outside_square`).
    private static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = Int((Double(n) / Double(h)).rounded(.down))
        while k >= 0 {
            var p1 = 1.0
            for j in 0..<h {
                p1 = Double(n - k * h - j) * p1 / Double(n + k * h + j + 1)
            }
            p = p1 * (1.0 - p)
            k -= 1
        }
        return 2 * p
    }

    /// The share of lattice paths from (0, 0) to (m, n) that leave |nx/g − my/g| < h, by
    /// Viehmann's recursion for 1 − p, one column at a time over a sliding window
    /// (SciPy's `_compute_outer_prob_inside_method`).
    private static func probabilityOutsideBand(_ first: Int, _ second: Int, g: Int, h: Int) -> Double {
        let m = max(first, second), n = min(first, second)
        let mg = m / g, ng = n / g
        var minJ = 0
        var maxJ = min(Int((Double(h) / Double(mg)).rounded(.up)), n + 1)
        var currentLength = maxJ - minJ
        let length = min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: length)
        for index in minJ..<min(maxJ, length) { column[index] = 0 }
        for i in 1...m {
            let lastMinJ = minJ, lastLength = currentLength
            minJ = max(Int((Double(ng * i - h) / Double(mg)).rounded(.down)) + 1, 0)
            minJ = min(minJ, n)
            maxJ = min(Int((Double(ng * i + h) / Double(mg)).rounded(.up)), n + 1)
            if maxJ <= minJ { return 1 }
            var value = minJ == 0 ? 0.0 : 1.0
            for jj in 0..<(maxJ - minJ) {
                let j = jj + minJ
                value = (column[jj + minJ - lastMinJ] * Double(i) + value * Double(j)) / Double(i + j)
                column[jj] = value
            }
            currentLength = maxJ - minJ
            if lastLength > currentLength {
                let from = maxJ - minJ
                for index in from..<min(from + lastLength - currentLength, length) { column[index] = 1 }
            }
        }
        return column[maxJ - minJ - 1]
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
