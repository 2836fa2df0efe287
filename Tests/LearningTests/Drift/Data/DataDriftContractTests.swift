import Foundation
import Learning
import Testing

/// What the drift comparison promises beyond the reference figures: no drift on identical
/// data, drift on shifted data, missing values ignored, new categories handled, Evidently's
/// choice of method with its reason, and SciPy's large-sample KS branch.
@Suite struct DataDriftContractTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-10) -> Bool {
        abs(a - b) <= relative * max(abs(b), 1e-300)
    }

    /// 0, 1, …, n − 1 spread over [0, 100) in a fixed scrambled order (integer arithmetic only,
    /// so SciPy saw the very same numbers).
    static func scrambled(_ n: Int, multiplier: Int = 7919, modulus: Int = 10007, shift: Double = 0) -> [Double] {
        (0..<n).map { Double(($0 * multiplier) % modulus) / 100 + shift }
    }

    // MARK: identical and shifted samples

    @Test(arguments: [DriftMethod.ks, .wasserstein, .psi])
    func identicalNumericSamplesShowNoDrift(method: DriftMethod) throws {
        let values = Self.scrambled(500)
        let drift = try FeatureDrift.compare(reference: values, current: values, method: method)
        #expect(drift.statistic == 0)
        #expect(!drift.drifted && !drift.major)
        if method == .ks { #expect(drift.pValue == 1) }
    }

    @Test(arguments: [DriftMethod.chi2, .z, .jensenshannon])
    func identicalCategoricalSamplesShowNoDrift(method: DriftMethod) throws {
        let labels: [String?] = (0..<300).map { $0 % 3 == 0 ? "yes" : "no" }
        let drift = try FeatureDrift.compare(reference: labels, current: labels, method: method)
        #expect(drift.statistic == 0)
        #expect(!drift.drifted)
        if method.isTest { #expect(drift.pValue == 1) }
    }

    @Test(arguments: [DriftMethod.ks, .wasserstein, .psi])
    func shiftedNumericSampleDrifts(method: DriftMethod) throws {
        let reference = Self.scrambled(800)
        let current = Self.scrambled(400, shift: 20)
        let drift = try FeatureDrift.compare(reference: reference, current: current, method: method)
        #expect(drift.drifted, "\(method): \(drift.statistic)")
        if method == .psi { #expect(drift.major) }
    }

    /// Chi-square and Jensen–Shannon on a numeric column of many values compare the reference's
    /// decile bins, not each value (every value its own category would be no comparison at all).
    /// Figures: scipy `chi2_contingency(correction=False)` and `jensenshannon` on the same bins.
    @Test func manyNumbersAreComparedInTheReferenceDecileBins() throws {
        let reference = (0..<200).map { Double($0) * 0.5 }, current = (0..<100).map { Double($0) * 0.5 + 20 }
        let chi2 = try FeatureDrift.compare(reference: reference, current: current, method: .chi2)
        #expect(Self.close(chi2.statistic, 75) && Self.close(chi2.pValue ?? 0, 1.5802975867873345e-12, relative: 1e-6))
        #expect(chi2.drifted && chi2.reason.hasSuffix("200 distinct values (compared in the reference's decile bins)"))
        let js = try FeatureDrift.compare(reference: reference, current: current, method: .jensenshannon)
        #expect(Self.close(js.statistic, 0.46450140402245893, relative: 1e-9))
        let few = try FeatureDrift.compare(reference: [1, 2, 3, 1], current: [1, 1, 2, 3], method: .chi2)
        #expect(few.reason.hasSuffix("(compared as categories)"))
    }

    @Test func shiftedCategoriesDrift() throws {
        let reference: [String?] = (0..<600).map { $0 % 4 == 0 ? "yes" : "no" }   // 25 % yes
        let current: [String?] = (0..<600).map { $0 % 2 == 0 ? "yes" : "no" }     // 50 % yes
        for method in [DriftMethod.chi2, .z, .jensenshannon] {
            #expect(try FeatureDrift.compare(reference: reference, current: current, method: method).drifted)
        }
        #expect(try FeatureDrift.compare(reference: reference, current: current).method == .z)
    }

    // MARK: missing values

    @Test func missingNumbersAreIgnored() throws {
        let reference = Self.scrambled(300), current = Self.scrambled(200, shift: 3)
        let holey = reference + [.nan, .nan], currentHoley = [.nan] + current + [.infinity]
        let ks = try #require(KolmogorovSmirnovTest(reference: holey, current: [.nan] + current))
        #expect(ks == KolmogorovSmirnovTest(reference: reference, current: current))
        #expect(ks.referenceCount == 300 && ks.currentCount == 200)
        #expect(WassersteinDrift(reference: holey, current: current + [.nan]) == WassersteinDrift(reference: reference, current: current))
        #expect(PopulationStabilityBaseline(reference: holey) == PopulationStabilityBaseline(reference: reference))
        #expect(PopulationStabilityBaseline.index(reference: holey, current: current + [.nan])
            == PopulationStabilityBaseline.index(reference: reference, current: current))
        for method in DriftMethod.allCases where method.needsNumbers {
            let clean = try FeatureDrift.compare(reference: reference, current: current, method: method)
            #expect(try FeatureDrift.compare(reference: holey, current: currentHoley, method: method) == clean)
        }
        #expect(KolmogorovSmirnovTest(reference: [.nan], current: current) == nil)
        #expect(throws: LearningError.self) { try FeatureDrift.compare(reference: [.nan], current: current) }
    }

    @Test func missingCategoriesAreIgnored() throws {
        let reference = Column.categorical("cd", codes: [0, 1, -1, 1, 0, -1, 1], levels: ["no", "yes"], kind: .boolean)
        let clean = Column.categorical("cd", codes: [0, 1, 1, 0, 1], levels: ["no", "yes"], kind: .boolean)
        let current = Column.categorical("cd", codes: [1, 1, -1, 0], levels: ["no", "yes"], kind: .boolean)
        let drift = try FeatureDrift.compare(reference: reference, current: current)
        #expect(drift == (try FeatureDrift.compare(reference: clean, current: current)))
        #expect(drift.referenceCount == 5 && drift.currentCount == 3)
        #expect(drift.method == .z)
    }

    // MARK: categories

    /// Levels listed differently in the two columns, and `maybe` only in the current data:
    /// matched by name into the table [[30, 70, 0], [20, 50, 30]] (SciPy:
    /// chi2_contingency(..., correction=False) → 35.333…, dof 2, p 2.1255e-08;
    /// jensenshannon → 0.34260517248388960).
    @Test func categoryOnlyInCurrentIsOneMoreCategory() throws {
        let reference = Column.categorical("answer", codes: [Int32](repeating: 1, count: 30) + [Int32](repeating: 0, count: 70),
                                           levels: ["no", "yes"])
        let current = Column.categorical("answer",
                                         codes: [Int32](repeating: 2, count: 20) + [Int32](repeating: 0, count: 50)
                                             + [Int32](repeating: 1, count: 30),
                                         levels: ["no", "maybe", "yes"])
        let chi2 = try FeatureDrift.compare(reference: reference, current: current, method: .chi2)
        #expect(Self.close(chi2.statistic, 35.333333333333336))
        #expect(Self.close(try #require(chi2.pValue), 2.125514896553042e-08, relative: 1e-9))
        #expect(chi2.reason.contains("3 distinct values"))
        let js = try FeatureDrift.compare(reference: reference, current: current, method: .jensenshannon)
        #expect(abs(js.statistic - 0.3426051724838896) < 1e-12)
        // The default for a 100-row reference with 3 categories is chi-square.
        #expect(try FeatureDrift.compare(reference: reference, current: current).method == .chi2)
        // The Z-test needs at most two categories.
        #expect(throws: LearningError.self) { try FeatureDrift.compare(reference: reference, current: current, method: .z) }
        let test = try #require(ChiSquareHomogeneityTest(referenceCounts: [30, 70, 0], currentCounts: [20, 50, 30]))
        #expect(test.degreesOfFreedom == 2 && test.statistic == chi2.statistic)
    }

    @Test func singleCategoryIsNoDrift() throws {
        let test = try #require(ChiSquareHomogeneityTest(referenceCounts: [10, 0], currentCounts: [5, 0]))
        #expect(test.statistic == 0 && test.degreesOfFreedom == 0 && test.pValue == 1)
        let z = try #require(TwoProportionZTest(referencePositives: 0, referenceCount: 10, currentPositives: 0, currentCount: 7))
        #expect(z.z == 0 && z.pValue == 1)
        #expect(JensenShannon.distance([10, 0], [5, 0]) == 0)
    }

    @Test func kindsMustAgreeAndMethodsMustApply() {
        let numbers = Column.numeric("x", [1, 2, 3])
        let labels = Column.categorical("x", codes: [0, 1, 0], levels: ["a", "b"])
        #expect(throws: LearningError.self) { try FeatureDrift.compare(reference: numbers, current: labels) }
        for method in [DriftMethod.ks, .wasserstein, .psi] {
            #expect(throws: LearningError.self) { try FeatureDrift.compare(reference: labels, current: labels, method: method) }
        }
    }

    // MARK: the choice of method and its reason

    /// A reference of ≤ 1000 rows: computers 1993 H1 (712 rows) against 1995 Q2.
    @Test func choiceForSmallReference() throws {
        let (_, reference, current) = try DataDriftFixtures.caseData("computers_1993h1_vs_1995q2")
        func drift(_ name: String) throws -> FeatureDrift {
            try FeatureDrift.compare(reference: try #require(reference.column(named: name)),
                                     current: try #require(current.column(named: name)))
        }
        let price = try drift("price")
        #expect(price.method == .ks)
        #expect(price.reason == "KS: 712 reference rows, numeric, 245 distinct values")
        #expect(price.threshold == 0.05 && price.drifted)
        #expect(Self.close(try #require(price.pValue), 8.527421128011074e-18, relative: 1e-6))
        // 4 speeds in the reference, 6 over both samples: Evidently counts both, so KS.
        #expect(try drift("speed").method == .ks)
        let ram = try drift("ram")
        #expect(ram.method == .chi2)
        #expect(ram.reason == "chi-square: 712 reference rows, numeric, 5 distinct values (compared as categories)")
        let cd = try drift("cd")
        #expect(cd.method == .z)
        #expect(cd.reason == "Z-test: 712 reference rows, categorical, 2 distinct values (binary)")
        #expect(Self.close(cd.statistic, -20.15556984948513, relative: 1e-9))
        #expect(cd.drifted)
        // Only "no" in the reference, "yes" appears later: still binary over both samples.
        #expect(try drift("multi").method == .z)
        let premium = try drift("premium")
        #expect(premium.method == .z && !premium.drifted)   // p = 0.27
    }

    /// A reference of > 1000 rows: computers 1993–94 (5229 rows) against 1995.
    @Test func choiceForLargeReference() throws {
        let (_, reference, current) = try DataDriftFixtures.caseData("computers_1993_94_vs_1995")
        func drift(_ name: String, _ method: DriftMethod? = nil) throws -> FeatureDrift {
            try FeatureDrift.compare(reference: try #require(reference.column(named: name)),
                                     current: try #require(current.column(named: name)), method: method)
        }
        let price = try drift("price")
        #expect(price.method == .wasserstein && price.pValue == nil)
        #expect(price.reason == "Wasserstein (normed): 5229 reference rows, numeric, 808 distinct values")
        #expect(abs(price.statistic - 0.41516457623347824) < 1e-9)
        #expect(price.threshold == 0.1 && price.drifted && price.score == price.statistic)
        #expect(try drift("speed").method == .wasserstein)   // 6 distinct values
        let screen = try drift("screen")
        #expect(screen.method == .jensenshannon)
        #expect(screen.reason == "Jensen-Shannon: 5229 reference rows, numeric, 3 distinct values (compared as categories)")
        let cd = try drift("cd")
        #expect(cd.method == .jensenshannon)
        #expect(cd.reason == "Jensen-Shannon: 5229 reference rows, categorical, 2 distinct values")
        #expect(abs(cd.statistic - 0.25242915163824614) < 1e-9 && cd.drifted)
        let premium = try drift("premium")
        #expect(abs(premium.statistic - 0.09513441324891954) < 1e-9 && !premium.drifted)   // below 0.1

        // PSI only on request: drift from 0.1, major from 0.2.
        let psi = try drift("price", .psi)
        #expect(psi.method == .psi && psi.reason == "PSI (requested): 5229 reference rows, numeric, 808 distinct values")
        #expect(abs(psi.statistic - 0.2561824763698036) < 1e-9 && psi.drifted && psi.major)
        let mild = try FeatureDrift.compare(reference: try #require(reference.column(named: "price")),
                                            current: try #require(current.column(named: "price")),
                                            method: .psi, threshold: 0.3)
        #expect(!mild.drifted && mild.major && mild.threshold == 0.3)
    }

    @Test func defaultChoiceFollowsEvidently() {
        typealias C = DriftTestChoice
        #expect(C.defaultChoice(referenceRows: 1000, numeric: true, distinctValues: 6).method == .ks)
        #expect(C.defaultChoice(referenceRows: 1000, numeric: true, distinctValues: 5).method == .chi2)
        #expect(C.defaultChoice(referenceRows: 1000, numeric: true, distinctValues: 2).method == .z)
        #expect(C.defaultChoice(referenceRows: 1000, numeric: false, distinctValues: 40).method == .chi2)
        #expect(C.defaultChoice(referenceRows: 1000, numeric: false, distinctValues: 1).method == .z)
        #expect(C.defaultChoice(referenceRows: 1001, numeric: true, distinctValues: 6).method == .wasserstein)
        #expect(C.defaultChoice(referenceRows: 1001, numeric: true, distinctValues: 5).method == .jensenshannon)
        #expect(C.defaultChoice(referenceRows: 1001, numeric: false, distinctValues: 2).method == .jensenshannon)
        let choice = C.defaultChoice(referenceRows: 812, numeric: true, distinctValues: 37)
        #expect(choice.reason == "KS: 812 reference rows, numeric, 37 distinct values" && choice.threshold == 0.05)
        #expect(C.defaultChoice(referenceRows: 1, numeric: false, distinctValues: 1).reason
            == "Z-test: 1 reference row, categorical, 1 distinct value (binary)")
    }

    /// A numeric 0/1 column is binary for Evidently: the Z-test, 1 as the positive class.
    @Test func numericZeroOneColumnGetsTheZTest() throws {
        let reference = (0..<100).map { Double($0 % 4 == 0 ? 1 : 0) }
        let current = (0..<100).map { Double($0 % 2) }
        let drift = try FeatureDrift.compare(reference: reference, current: current)
        #expect(drift.method == .z)
        let z = try #require(TwoProportionZTest(referencePositives: 25, referenceCount: 100, currentPositives: 50, currentCount: 100))
        #expect(drift.statistic == z.z && drift.statistic < 0)
    }

    // MARK: edge cases of the statistics

    @Test func constantReferenceUsesEvidentlyScale() throws {
        let same = try #require(WassersteinDrift(reference: [3, 3, 3], current: [3, 3]))
        #expect(same.referenceStandardDeviation == 0 && same.score == 0)
        let moved = try #require(WassersteinDrift(reference: [3, 3, 3], current: [3, 4]))
        #expect(moved.distance == 0.5 && moved.score == 0.5 / WassersteinDrift.minimumScale)
        #expect(moved.score.isFinite)
    }

    @Test func storedBaselineIsValidated() {
        #expect(PopulationStabilityBaseline(innerEdges: [1, 2], referenceCounts: [3, 4, 5]) != nil)
        #expect(PopulationStabilityBaseline(innerEdges: [2, 1], referenceCounts: [3, 4, 5]) == nil)
        #expect(PopulationStabilityBaseline(innerEdges: [1, 2], referenceCounts: [3, 4]) == nil)
        #expect(PopulationStabilityBaseline(innerEdges: [], referenceCounts: [0]) == nil)
        // A value equal to an edge belongs to the bin above it.
        let baseline = PopulationStabilityBaseline(innerEdges: [1, 2], referenceCounts: [3, 4, 5])!
        #expect(baseline.bin(of: 0.5) == 0 && baseline.bin(of: 1) == 1 && baseline.bin(of: 2) == 2)
        // A constant reference has one open bin: PSI 0 whatever the current values.
        let constant = PopulationStabilityBaseline(reference: [7, 7, 7])!
        #expect(constant.innerEdges.isEmpty && constant.index(current: [1, 100]) == 0)
    }

    /// Samples over 10 000 take SciPy's asymptotic branch: `kstwo.sf(D, round(n₁n₂/(n₁+n₂)))`.
    /// Figures from `scipy.stats.ks_2samp` 1.17.1 on the same numbers.
    @Test(arguments: [(0.5, 3000, 0.01591666666666669, 0.5718199171766505),
                      (2.0, 3000, 0.019916666666666666, 0.2930733482830059),
                      (5.0, 3000, 0.05, 1.1819331834983836e-05),
                      (10.0, 3000, 0.09991666666666667, 2.6069007149797148e-21),
                      (3.0, 60, 0.3979166666666667, 4.4062162932749035e-09),
                      (10.0, 60, 0.32799999999999996, 2.9922533704076907e-06)])
    func largeSamplesUseTheAsymptoticDistribution(shift: Double, currentCount: Int, statistic: Double, p: Double) throws {
        let reference = Self.scrambled(12000)
        let current = Self.scrambled(currentCount, multiplier: 104_729, modulus: 9973, shift: shift)
        let test = try #require(KolmogorovSmirnovTest(reference: reference, current: current))
        #expect(test.method == .asymptotic)
        #expect(abs(test.statistic - statistic) < 1e-12)
        #expect(Self.close(test.pValue, p), "p \(test.pValue) vs \(p)")
    }

    /// `scipy.stats.kstwo.sf` and `.cdf` across their methods: Durbin matrix, Pomeranz,
    /// Smirnov and Pelz–Good. (SciPy computes the two tails by different methods, so cdf is
    /// not exactly 1 − sf: at n = 1000, x = 0.06 they differ by 2.3e-10.)
    @Test(arguments: [(100, 0.05, 0.9532159710635725, 0.0467840289364275),
                      (100, 0.15, 0.019839242125641813, 0.9801607578743582),
                      (1000, 0.02, 0.8108971656895577, 0.18910283431044228),
                      (5000, 0.01, 0.6954557253913853, 0.3045442746086146),
                      (1000, 0.06, 0.001428597887952891, 0.998571401884381),
                      (60, 0.3, 2.7617543388165356e-05, 0.9999723824566118),
                      (20000, 0.03, 4.516330038670992e-16, 1.0)])
    func kolmogorovDistributionMatchesSciPy(n: Int, x: Double, sf: Double, cdf: Double) {
        let value = KolmogorovDistribution.survival(x, sampleSize: n)
        #expect(Self.close(value, sf, relative: 1e-10), "n=\(n) x=\(x): \(value) vs \(sf)")
        #expect(Self.close(KolmogorovDistribution.cdf(x, sampleSize: n), cdf, relative: 1e-12))
    }

    /// Equal sample sizes take the exact formula for n × n (SciPy: ks_2samp of 0..49 and 10..59).
    @Test func equalSizesUseTheSquareFormula() throws {
        let test = try #require(KolmogorovSmirnovTest(reference: (0..<50).map(Double.init), current: (10..<60).map(Double.init)))
        #expect(test.method == .exact && test.statistic == 0.2)
        #expect(Self.close(test.pValue, DataDriftContractTests.squareFigure, relative: 1e-12))
    }

    static let squareFigure = 0.2719135601522248

    /// SciPy's exact formula for 5 × 5 gives 1.0000000000000002 at D = 1/5, which is not a
    /// probability, so ks_2samp warns "Exact calculation unsuccessful" and uses kstwo at
    /// n = round(2.5) = 2 (half to even): p = 1.
    @Test func exactFailureFallsBackToAsymptotic() throws {
        let test = try #require(KolmogorovSmirnovTest(reference: [0, 1, 2, 3, 4], current: [0.5, 1.5, 2.5, 3.5, 4.5]))
        #expect(test.statistic == 0.2)
        #expect(test.method == .asymptotic && test.pValue == 1)
    }
}
