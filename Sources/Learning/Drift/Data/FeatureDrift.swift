/// The drift of one column between a reference sample and a current one: the method used,
/// its statistic or score, the p-value of a test, the threshold, whether it drifted, and why
/// that method was chosen.
///
/// `compare(reference:current:)` drops missing and infinite values (as Evidently does),
/// picks the method with `DriftTestChoice.defaultChoice` unless one is requested, and
/// applies it:
/// - numbers (KS, Wasserstein, PSI) for a numeric column;
/// - category frequencies (chi-square, Z-test, Jensen–Shannon) for a categorical or boolean
///   column, over the union of the categories of both samples **matched by name**, so the
///   two columns may have different level lists and a category seen only in the current
///   data counts as one more category; a numeric column compared this way has each distinct
///   value as a category.
///
/// The Z-test's positive class is the second of the two categories in byte order (the true
/// word of a boolean column such as `yes` of `no`/`yes`, the larger of two numbers), as
/// Evidently. A test drifts when p < threshold, a distance when score ≥ threshold; PSI is
/// `major` from 0.2.
///
/// ```swift
/// let drift = try FeatureDrift.compare(reference: lastYear.column(named: "price")!,
///                                      current: thisMonth.column(named: "price")!)
/// drift.method    // .wasserstein (5229 reference rows, 808 distinct values)
/// drift.drifted   // true: score 0.415 ≥ 0.1
/// drift.reason    // "Wasserstein (normed): 5229 reference rows, numeric, 808 distinct values"
/// ```
public struct FeatureDrift: Sendable, Equatable, Codable {
    public let method: DriftMethod
    /// KS's D, the chi-square statistic, z, or the score of a distance (normalised
    /// Wasserstein, Jensen–Shannon distance, PSI).
    public let statistic: Double
    /// The p-value of a test; `nil` for a distance.
    public let pValue: Double?
    /// p-value below which, or score from which, the column drifted.
    public let threshold: Double
    public let drifted: Bool
    /// PSI at or above 0.2; always false for the other methods.
    public let major: Bool
    /// Why this method: "KS: 812 reference rows, numeric, 37 distinct values".
    public let reason: String
    /// Non-missing values compared.
    public let referenceCount: Int
    public let currentCount: Int

    public init(method: DriftMethod, statistic: Double, pValue: Double?, threshold: Double, drifted: Bool,
                major: Bool, reason: String, referenceCount: Int, currentCount: Int) {
        self.method = method
        self.statistic = statistic
        self.pValue = pValue
        self.threshold = threshold
        self.drifted = drifted
        self.major = major
        self.reason = reason
        self.referenceCount = referenceCount
        self.currentCount = currentCount
    }

    /// Evidently's drift score: the p-value of a test, the statistic of a distance.
    public var score: Double { pValue ?? statistic }

    /// Compares two columns of the same kind (numeric, or categorical/boolean).
    ///
    /// - Parameters:
    ///   - method: a method to use instead of the default choice.
    ///   - threshold: a threshold instead of the method's default.
    /// - Throws: `LearningError` when one column is numeric and the other not, when either
    ///   has no value left, or when `method` does not apply (KS, Wasserstein or PSI on
    ///   categories; the Z-test on more than 2 categories).
    public static func compare(reference: Column, current: Column, method: DriftMethod? = nil,
                               threshold: Double? = nil) throws(LearningError) -> FeatureDrift {
        switch (reference.storage, current.storage) {
        case (.numeric(let a), .numeric(let b)):
            return try compare(reference: a, current: b, method: method, threshold: threshold, column: reference.name)
        case (.categorical(let codesA, let levelsA), .categorical(let codesB, let levelsB)):
            let a = codesA.map { $0 < 0 ? nil : levelsA[Int($0)] }
            let b = codesB.map { $0 < 0 ? nil : levelsB[Int($0)] }
            let positive = reference.kind == .boolean && levelsA.count == 2 ? levelsA[1] : nil
            return try compare(reference: a, current: b, method: method, threshold: threshold,
                               positive: positive, column: reference.name)
        default:
            throw .driftKindsDiffer(reference.name, reference: reference.kind, current: current.kind)
        }
    }

    /// Compares numeric samples (NaN and ±∞ are dropped).
    /// A numeric column with more distinct values than this is compared by chi-square or
    /// Jensen–Shannon in the reference's decile bins, not value by value.
    public static let categoriesUpToDistinctValues = 10

    public static func compare(reference: [Double], current: [Double], method: DriftMethod? = nil,
                               threshold: Double? = nil, column: String = "column") throws(LearningError) -> FeatureDrift {
        let a = reference.filter(\.isFinite), b = current.filter(\.isFinite)
        guard !a.isEmpty, !b.isEmpty else { throw .driftNoValues(column, reference: a.isEmpty) }
        // Sorted once for the distinct count and whichever method runs.
        let sortedA = DriftNumerics.sorted(a), sortedB = DriftNumerics.sorted(b)
        let distinct = DriftNumerics.distinctCount(sorted: sortedA, sortedB)
        let choice = choose(method, threshold: threshold, referenceRows: a.count, numeric: true, distinctValues: distinct)
        switch choice.method {
        case .ks:
            let test = KolmogorovSmirnovTest(sortedReference: sortedA, sortedCurrent: sortedB)!
            return result(choice, statistic: test.statistic, pValue: test.pValue, a.count, b.count)
        case .wasserstein:
            let drift = WassersteinDrift(reference: a, sortedReference: sortedA, sortedCurrent: sortedB)!
            return result(choice, statistic: drift.score, pValue: nil, a.count, b.count)
        case .psi:
            let psi = PopulationStabilityBaseline(sortedReference: sortedA)!.index(current: b)!
            return result(choice, statistic: psi, pValue: nil, a.count, b.count)
        case .chi2, .z, .jensenshannon:
            if choice.method != .z, distinct > Self.categoriesUpToDistinctValues {
                // Many values: the categories are the reference's decile bins, as PSI's.
                let bins = PopulationStabilityBaseline(sortedReference: sortedA)!
                let binned = DriftTestChoice(method: choice.method, threshold: choice.threshold,
                                             reason: choice.reason.replacingOccurrences(
                                                of: "(compared as categories)", with: "(compared in the reference's decile bins)"))
                return try categorical(binned, keys: bins.binNames, referenceCounts: bins.referenceCounts,
                                       currentCounts: bins.counts(of: b), column: column)
            }
            // Each distinct value is a category; the z-test's positive class is the larger.
            let keys = DriftNumerics.distinctValues(sorted: sortedA, sortedB)
            return try categorical(choice, keys: keys.map { "\($0)" },
                                   referenceCounts: tally(a, keys), currentCounts: tally(b, keys), column: column)
        }
    }

    /// Compares categorical samples (`nil` is missing), categories matched by name.
    ///
    /// - Parameter positive: the Z-test's positive class; by default the second of the two
    ///   categories in byte order.
    public static func compare(reference: [String?], current: [String?], method: DriftMethod? = nil,
                               threshold: Double? = nil, positive: String? = nil,
                               column: String = "column") throws(LearningError) -> FeatureDrift {
        let a = reference.compactMap { $0 }, b = current.compactMap { $0 }
        guard !a.isEmpty, !b.isEmpty else { throw .driftNoValues(column, reference: a.isEmpty) }
        var keys = Array(Set(a).union(b)).sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        if let positive, keys.count == 2, keys[0] == positive { keys.swapAt(0, 1) }
        let choice = choose(method, threshold: threshold, referenceRows: a.count, numeric: false,
                            distinctValues: keys.count)
        return try categorical(choice, keys: keys, referenceCounts: tally(a, keys), currentCounts: tally(b, keys),
                               column: column)
    }

    /// The requested method, else the default choice; the given threshold, else the method's.
    private static func choose(_ method: DriftMethod?, threshold: Double?, referenceRows: Int, numeric: Bool,
                               distinctValues: Int) -> DriftTestChoice {
        if let method {
            return DriftTestChoice.chosen(method, referenceRows: referenceRows, numeric: numeric,
                                          distinctValues: distinctValues, threshold: threshold, requested: true)
        }
        let choice = DriftTestChoice.defaultChoice(referenceRows: referenceRows, numeric: numeric,
                                                   distinctValues: distinctValues)
        return DriftTestChoice(method: choice.method, threshold: threshold ?? choice.threshold, reason: choice.reason)
    }

    private static func tally<Key: Hashable>(_ values: [Key], _ keys: [Key]) -> [Int] {
        var index: [Key: Int] = [:]
        for (i, key) in keys.enumerated() { index[key] = i }
        var counts = [Int](repeating: 0, count: keys.count)
        for value in values { counts[index[value]!] += 1 }
        return counts
    }

    /// Applies a category-frequency method to per-category counts (`keys` in order, the
    /// Z-test's positive class last).
    private static func categorical(_ choice: DriftTestChoice, keys: [String], referenceCounts: [Int],
                                    currentCounts: [Int], column: String) throws(LearningError) -> FeatureDrift {
        let n1 = referenceCounts.reduce(0, +), n2 = currentCounts.reduce(0, +)
        switch choice.method {
        case .chi2:
            let test = ChiSquareHomogeneityTest(referenceCounts: referenceCounts, currentCounts: currentCounts)!
            return result(choice, statistic: test.statistic, pValue: test.pValue, n1, n2)
        case .z:
            guard keys.count <= DriftTestChoice.binaryUpToDistinctValues else {
                throw .driftMethodNotApplicable(column, method: .z, detail: "\(keys.count) categories; it needs at most 2")
            }
            let test = TwoProportionZTest(referencePositives: referenceCounts.last!, referenceCount: n1,
                                          currentPositives: currentCounts.last!, currentCount: n2)!
            return result(choice, statistic: test.z, pValue: test.pValue, n1, n2)
        case .jensenshannon:
            let distance = JensenShannon.distance(referenceCounts.map(Double.init), currentCounts.map(Double.init))
            return result(choice, statistic: distance, pValue: nil, n1, n2)
        case .ks, .wasserstein, .psi:
            throw .driftMethodNotApplicable(column, method: choice.method, detail: "a categorical column; it needs numbers")
        }
    }

    private static func result(_ choice: DriftTestChoice, statistic: Double, pValue: Double?,
                               _ referenceCount: Int, _ currentCount: Int) -> FeatureDrift {
        let drifted = pValue.map { $0 < choice.threshold } ?? (statistic >= choice.threshold)
        let major = choice.method == .psi && statistic >= DriftTestChoice.psiMajorThreshold
        return FeatureDrift(method: choice.method, statistic: statistic, pValue: pValue, threshold: choice.threshold,
                            drifted: drifted, major: major, reason: choice.reason,
                            referenceCount: referenceCount, currentCount: currentCount)
    }
}
