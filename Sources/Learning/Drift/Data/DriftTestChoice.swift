/// The ways a column's drift can be measured: three hypothesis tests (drift when the
/// p-value is below the threshold) and three distances (drift when the score reaches it).
public enum DriftMethod: String, Sendable, Codable, CaseIterable {
    /// Two-sample Kolmogorov–Smirnov test (`KolmogorovSmirnovTest`).
    case ks
    /// Chi-square test of homogeneity (`ChiSquareHomogeneityTest`).
    case chi2
    /// Pooled two-proportion z-test (`TwoProportionZTest`).
    case z
    /// Wasserstein distance in reference standard deviations (`WassersteinDrift`).
    case wasserstein
    /// Jensen–Shannon distance of the category frequencies (`JensenShannon`).
    case jensenshannon
    /// Population stability index on reference-decile bins (`PopulationStabilityBaseline`).
    case psi

    /// Whether the method is a test with a p-value (rather than a distance).
    public var isTest: Bool {
        switch self {
        case .ks, .chi2, .z: true
        case .wasserstein, .jensenshannon, .psi: false
        }
    }

    /// The name used in reasons and reports.
    public var displayName: String {
        switch self {
        case .ks: "KS"
        case .chi2: "chi-square"
        case .z: "Z-test"
        case .wasserstein: "Wasserstein (normed)"
        case .jensenshannon: "Jensen-Shannon"
        case .psi: "PSI"
        }
    }

    /// Whether it applies to a numeric column as numbers (KS, Wasserstein, PSI) rather than to
    /// category frequencies.
    public var needsNumbers: Bool {
        switch self {
        case .ks, .wasserstein, .psi: true
        case .chi2, .z, .jensenshannon: false
        }
    }
}

/// Which drift method a column gets by default, with its threshold and the reason in plain
/// words — the default choice of Evidently (`get_stattest` with no test given), the most
/// used open-source drift tool.
///
/// Evidently's rule, followed exactly:
/// - "distinct values" are the distinct non-missing values of the reference **and current**
///   samples together (`pd.concat([ref, cur]).nunique()`), and "reference rows" are the
///   non-missing reference values;
/// - **reference ≤ 1000 rows**: a numeric column with more than 5 distinct values gets the
///   two-sample KS test; any other column is compared as categories — chi-square when it has
///   more than 2 distinct values, the two-proportion Z-test when it has 1 or 2 (that is
///   Evidently's "binary": at most 2 distinct values, whatever the column's type, so a
///   numeric 0/1 column gets the Z-test too). Drift when p < 0.05.
/// - **reference > 1000 rows**: a numeric column with more than 5 distinct values gets the
///   normalised Wasserstein distance; any other column (categorical, binary, or numeric with
///   ≤ 5 distinct values) the Jensen–Shannon distance. Drift when the score ≥ 0.1.
/// - **PSI** only on request: drift when ≥ 0.1, major when ≥ 0.2.
///
/// Where this differs from Evidently it is in the figures, not the choice: the Jensen–Shannon
/// distance uses natural logarithms (Evidently's default base is 2), chi-square is the test
/// of homogeneity of the 2 × k table (Evidently tests current counts against rescaled
/// reference counts), and p-values are computed in the tail (Evidently's Z-test uses
/// 1 − Φ, which is 0 below 1e-16).
///
/// ```swift
/// let choice = DriftTestChoice.defaultChoice(referenceRows: 812, numeric: true, distinctValues: 37)
/// choice.method   // .ks
/// choice.reason   // "KS: 812 reference rows, numeric, 37 distinct values"
/// ```
public struct DriftTestChoice: Sendable, Equatable, Codable {
    public let method: DriftMethod
    /// p-value below which a test flags drift, or score from which a distance does.
    public let threshold: Double
    /// One line saying why: method, reference rows, kind, distinct values.
    public let reason: String

    /// Up to this many reference rows the tests are used, above it the distances.
    public static let testsUpToReferenceRows = 1000
    /// A numeric column with at most this many distinct values is compared as categories.
    public static let categoriesUpToDistinctValues = 5
    /// Evidently's "binary": at most this many distinct values.
    public static let binaryUpToDistinctValues = 2
    /// The default thresholds.
    public static let pValueThreshold = 0.05
    public static let distanceThreshold = 0.1
    public static let psiThreshold = 0.1
    public static let psiMajorThreshold = 0.2

    public init(method: DriftMethod, threshold: Double, reason: String) {
        self.method = method
        self.threshold = threshold
        self.reason = reason
    }

    /// The default threshold of a method.
    public static func defaultThreshold(of method: DriftMethod) -> Double {
        switch method {
        case .ks, .chi2, .z: pValueThreshold
        case .wasserstein, .jensenshannon: distanceThreshold
        case .psi: psiThreshold
        }
    }

    /// Evidently's default method for a column with `referenceRows` non-missing reference
    /// values and `distinctValues` distinct values over both samples.
    public static func defaultChoice(referenceRows: Int, numeric: Bool, distinctValues: Int) -> DriftTestChoice {
        let asNumbers = numeric && distinctValues > categoriesUpToDistinctValues
        let method: DriftMethod
        if referenceRows <= testsUpToReferenceRows {
            method = asNumbers ? .ks : (distinctValues > binaryUpToDistinctValues ? .chi2 : .z)
        } else {
            method = asNumbers ? .wasserstein : .jensenshannon
        }
        return chosen(method, referenceRows: referenceRows, numeric: numeric, distinctValues: distinctValues)
    }

    /// `method` (requested, or as chosen), with its default threshold unless one is given,
    /// and the reason.
    public static func chosen(_ method: DriftMethod, referenceRows: Int, numeric: Bool, distinctValues: Int,
                              threshold: Double? = nil, requested: Bool = false) -> DriftTestChoice {
        let rows = referenceRows == 1 ? "1 reference row" : "\(referenceRows) reference rows"
        let values = distinctValues == 1 ? "1 distinct value" : "\(distinctValues) distinct values"
        var reason = "\(method.displayName)\(requested ? " (requested)" : ""): \(rows), "
            + "\(numeric ? "numeric" : "categorical"), \(values)"
        if numeric && !method.needsNumbers {
            reason += " (compared as categories)"
        } else if !numeric && distinctValues <= binaryUpToDistinctValues && method == .z {
            reason += " (binary)"
        }
        return DriftTestChoice(method: method, threshold: threshold ?? defaultThreshold(of: method), reason: reason)
    }
}
