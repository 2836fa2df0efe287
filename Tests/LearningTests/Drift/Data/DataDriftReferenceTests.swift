import Foundation
import Learning
import Testing

/// The drift statistics against `shared/reference/drift-reference.json` (SciPy 1.17.1,
/// NumPy 2.4.6): every figure of every feature of every case, on the very rows the reference
/// used, to the issue's tolerance — 1e-9 relative for every statistic, score and p-value,
/// or 1e-300 absolute for a p-value of 1e-300 or less.
@Suite struct DataDriftReferenceTests {
    static let relative = 1e-9
    /// Below this a p-value is compared absolutely, to this.
    static let tinyPValue = 1e-300

    /// Whether `got` equals the reference's `expected` to the tolerance; `pValue` allows the
    /// absolute 1e-300 for p-values that small.
    static func close(_ got: Double, _ expected: Double, pValue: Bool = false) -> Bool {
        if pValue && expected <= tinyPValue { return abs(got - expected) <= tinyPValue }
        return abs(got - expected) <= relative * abs(expected)
    }

    @Test(arguments: DataDriftFixtures.caseNames)
    func sampleSizesMatch(caseName: String) throws {
        let (entry, reference, current) = try DataDriftFixtures.caseData(caseName)
        #expect(reference.rowCount == entry.n_reference)
        #expect(current.rowCount == entry.n_current)
    }

    /// The whole file: every key of every feature is either a figure computed here and
    /// compared, or a description checked word for word; a key this suite does not know fails.
    @Test(arguments: DataDriftFixtures.allFeatures)
    func everyFigureMatchesTheReference(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, ours) = try DataDriftFixtures.figures(feature)
        var compared = 0
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .number(let number) where DataDriftFixtures.integerKeys.contains(key):
                #expect(ours.integers[key].map(Double.init) == number,
                        "\(feature) \(key): \(ours.integers[key].map(String.init) ?? "missing") vs \(number)")
            case .number(let want):
                guard let got = ours.numbers[key] else {
                    Issue.record("\(feature): no figure computed for \(key)")
                    continue
                }
                #expect(Self.close(got, want, pValue: key.hasSuffix("pvalue")), "\(feature) \(key): \(got) vs \(want)")
            case .text(let text):
                #expect(ours.texts[key] == text, "\(feature) \(key): \(ours.texts[key] ?? "unknown key") vs \(text)")
            case .list(let items) where items.allSatisfy({ $0.number != nil }):
                let list = items.compactMap(\.number)
                #expect(ours.lists[key] == list, "\(feature) \(key): \(ours.lists[key] ?? []) vs \(list)")
            case .list(let items) where items.allSatisfy({ $0.text != nil }):
                let words = items.compactMap(\.text)
                #expect(ours.words[key] == words, "\(feature) \(key): \(ours.words[key] ?? []) vs \(words)")
            default:
                Issue.record("\(feature): unexpected value of \(key): \(value)")
            }
            compared += 1
        }
        #expect(compared == expected.count)
    }

    /// What the figures promise besides their values: KS takes SciPy's exact branch on these
    /// sizes, and `FeatureDrift.compare` reports the very figures of the tests it calls.
    @Test(arguments: DataDriftFixtures.numericFeatures)
    func numericComparisonReportsTheSameFigures(feature: DataDriftFixtures.FeatureKey) throws {
        let (_, reference, current) = try DataDriftFixtures.numbers(feature)
        let test = try #require(KolmogorovSmirnovTest(reference: reference, current: current))
        #expect(test.method == (max(reference.count, current.count) <= KolmogorovSmirnovTest.exactUpTo ? .exact : .asymptotic))
        let viaKS = try FeatureDrift.compare(reference: reference, current: current, method: .ks)
        #expect(viaKS.statistic == test.statistic && viaKS.pValue == test.pValue)
        let drift = try #require(WassersteinDrift(reference: reference, current: current))
        let viaWasserstein = try FeatureDrift.compare(reference: reference, current: current, method: .wasserstein)
        #expect(viaWasserstein.statistic == drift.score && viaWasserstein.pValue == nil)
        let baseline = try #require(PopulationStabilityBaseline(reference: reference))
        let index = try #require(baseline.index(current: current))
        let viaPSI = try FeatureDrift.compare(reference: reference, current: current, method: .psi)
        #expect(viaPSI.statistic == index)

        // A stored baseline (edges and counts only) gives the same PSI without the reference rows.
        let data = try JSONEncoder().encode(baseline)
        let restored = try JSONDecoder().decode(PopulationStabilityBaseline.self, from: data)
        let rebuilt = try #require(PopulationStabilityBaseline(innerEdges: restored.innerEdges,
                                                               referenceCounts: restored.referenceCounts))
        #expect(rebuilt.index(current: current) == index)
        #expect(PopulationStabilityBaseline.index(reference: reference, current: current) == index)
    }

    @Test(arguments: DataDriftFixtures.categoricalFeatures)
    func categoricalComparisonReportsTheSameFigures(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, reference, current) = try DataDriftFixtures.labels(feature)
        let categories = try #require(expected.categories)
        let (referenceCounts, currentCounts) = DataDriftFixtures.counts(categories, reference, current)
        #expect(referenceCounts.reduce(0, +) == reference.count && currentCounts.reduce(0, +) == current.count)

        let chi2 = try #require(ChiSquareHomogeneityTest(referenceCounts: referenceCounts, currentCounts: currentCounts))
        #expect(chi2.degreesOfFreedom == categories.count - 1)
        // Categories matched by name.
        let viaChi2 = try FeatureDrift.compare(reference: reference, current: current, method: .chi2)
        #expect(viaChi2.statistic == chi2.statistic && viaChi2.pValue == chi2.pValue)
        let js = JensenShannon.distance(referenceCounts.map(Double.init), currentCounts.map(Double.init))
        let viaJS = try FeatureDrift.compare(reference: reference, current: current, method: .jensenshannon)
        #expect(viaJS.statistic == js)
        if expected.ztest_z != nil {
            #expect(categories == ["no", "yes"])
            let test = try #require(TwoProportionZTest(referencePositives: referenceCounts[1], referenceCount: reference.count,
                                                       currentPositives: currentCounts[1], currentCount: current.count))
            let viaZ = try FeatureDrift.compare(reference: reference, current: current, method: .z)
            #expect(viaZ.statistic == test.z && viaZ.pValue == test.pValue)
        }
    }

    /// More than 10,000 rows on each side: SciPy's asymptotic branch, `kstwo.sf(D,
    /// round(n₁n₂/(n₁ + n₂)))`. The samples are made with exact arithmetic so NumPy saw the
    /// very same numbers; the figures were computed with SciPy 1.17.1 / NumPy 2.4.6 as
    ///
    ///     a = np.arange(n1) / n1
    ///     b = (np.arange(15000) + 0.5) / 15000.0 * scale                  # the first and third cases
    ///     b = ((np.arange(150000) * 7919) % 150000) / 150000.0 * scale    # the second
    ///     r = scipy.stats.ks_2samp(a, b); print(repr(float(r.statistic)), repr(float(r.pvalue)))
    static let asymptoticCases: [(n1: Int, n2: Int, scale: Double, statistic: Double, p: Double)] = [
        (12000, 15000, 1.02, 0.019716666666666716, 0.011066580304034472),
        (20000, 150_000, 1.01, 0.00994666666666666, 0.06048269490555802),
        (12000, 15000, 1.2, 0.1667333333333333, 1.8266003768939696e-162),
    ]

    @Test(arguments: asymptoticCases)
    func largeSamplesOnBothSidesUseTheAsymptoticPValue(n1: Int, n2: Int, scale: Double,
                                                         statistic: Double, p: Double) throws {
        let reference: [Double] = (0..<n1).map { Double($0) / Double(n1) }
        let current: [Double] = (0..<n2).map { (i: Int) -> Double in
            n2 == 15000 ? (Double(i) + 0.5) / 15000.0 * scale : Double((i * 7919) % 150_000) / 150_000.0 * scale
        }
        let test = try #require(KolmogorovSmirnovTest(reference: reference, current: current))
        #expect(test.method == .asymptotic)
        #expect(Self.close(test.statistic, statistic), "D \(test.statistic) vs \(statistic)")
        #expect(Self.close(test.pValue, p, pValue: true), "p \(test.pValue) vs \(p)")
    }

    /// The reference's own definitions, as this suite reads them, so a change in the file's
    /// wording is noticed.
    @Test func definitionsAreTheOnesImplemented() throws {
        let file = try DataDriftFixtures.reference()
        #expect(file.psi_definition.contains("10 bins at the reference's quantiles (numpy.quantile linear)"))
        #expect(file.psi_definition.contains("proportions of 0 replaced by 1e-4"))
        #expect(file.wasserstein_definition == "scipy.stats.wasserstein_distance(ref, cur) / numpy.std(ref) (ddof=0)")
        #expect(file.generated_with["scipy"] == "1.17.1")
    }
}

/// Loading `drift-reference.json` and the rows of its cases.
enum DataDriftFixtures {
    struct Feature: Decodable {
        let column: String
        let kind: String
        let distinct_reference: Int?
        let ks_statistic: Double?
        let ks_pvalue: Double?
        let wasserstein_normalised: Double?
        let wasserstein_raw: Double?
        let reference_std_ddof0: Double?
        let psi_10_quantile_bins: Double?
        let psi_inner_edges: [Double]?
        let categories: [String]?
        let chi2_statistic: Double?
        let chi2_pvalue: Double?
        let jensen_shannon_distance: Double?
        let ztest_z: Double?
        let ztest_pvalue: Double?
    }

    struct Case: Decodable {
        let name: String
        let file: String
        let reference_rows: String
        let current_rows: String
        let n_reference: Int
        let n_current: Int
        let features: [Feature]
    }

    struct File: Decodable {
        let generated_with: [String: String]
        let cases: [Case]
        let psi_definition: String
        let wasserstein_definition: String
    }

    /// A feature of a case, as a test argument.
    struct FeatureKey: Sendable, CustomTestStringConvertible, CustomStringConvertible {
        let caseName: String
        let column: String
        var description: String { "\(caseName)/\(column)" }
        var testDescription: String { description }
    }

    /// The package root: four folders above this file's folder.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()   // Data
        .deletingLastPathComponent()   // Drift
        .deletingLastPathComponent()   // LearningTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root

    static let referenceURL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/drift-reference.json")

    static func reference() throws -> File {
        try JSONDecoder().decode(File.self, from: Data(contentsOf: referenceURL))
    }

    private static let cachedFile: File? = try? reference()

    static let caseNames = ["computers_1993_94_vs_1995", "computers_1993h1_vs_1995q2", "iris_even_vs_odd_rows"]

    static let numericFeatures: [FeatureKey] = features { $0.kind == "numeric" }
    static let categoricalFeatures: [FeatureKey] = features { $0.kind != "numeric" }
    static let allFeatures: [FeatureKey] = features { _ in true }

    private static func features(_ include: (Feature) -> Bool) -> [FeatureKey] {
        guard let file = cachedFile else { return [] }
        return file.cases.flatMap { entry in
            entry.features.filter(include).map { FeatureKey(caseName: entry.name, column: $0.column) }
        }
    }

    /// The case's reference and current rows, selected as the reference describes them.
    static func caseData(_ name: String) throws -> (Case, DataFrame, DataFrame) {
        guard let entry = try reference().cases.first(where: { $0.name == name }) else {
            throw LearningError("no case \(name) in drift-reference.json")
        }
        let path = packageRoot.appendingPathComponent("samples/data/\(entry.file)").path
        let frame = try CSVReader.read(path: path).frame
        let referenceRows: [Int], currentRows: [Int]
        switch (entry.reference_rows, entry.current_rows) {
        case ("trend <= 24", "trend > 24"):
            referenceRows = try rows(frame) { $0 <= 24 }
            currentRows = try rows(frame) { $0 > 24 }
        case ("trend <= 6", "30 <= trend <= 32"):
            referenceRows = try rows(frame) { $0 <= 6 }
            currentRows = try rows(frame) { 30 <= $0 && $0 <= 32 }
        case ("rows 0,2,4,... (0-based, data rows)", "rows 1,3,5,..."):
            referenceRows = Array(stride(from: 0, to: frame.rowCount, by: 2))
            currentRows = Array(stride(from: 1, to: frame.rowCount, by: 2))
        default:
            throw LearningError("unknown row selection \(entry.reference_rows) / \(entry.current_rows)")
        }
        return (entry, frame.selecting(rows: referenceRows), frame.selecting(rows: currentRows))
    }

    private static func rows(_ frame: DataFrame, where keep: (Double) -> Bool) throws -> [Int] {
        guard case .numeric(let trend)? = frame.column(named: "trend")?.storage else {
            throw LearningError("no numeric trend column")
        }
        return trend.indices.filter { keep(trend[$0]) }
    }

    static func numbers(_ key: FeatureKey) throws -> (Feature, [Double], [Double]) {
        let (entry, reference, current) = try caseData(key.caseName)
        let feature = try #require(entry.features.first { $0.column == key.column })
        guard case .numeric(let a)? = reference.column(named: key.column)?.storage,
              case .numeric(let b)? = current.column(named: key.column)?.storage else {
            throw LearningError("\(key) is not numeric")
        }
        return (feature, a, b)
    }

    /// Any JSON value, numbers decoded by `JSONDecoder` (which reads every digit;
    /// `JSONSerialization` on Linux can be an ulp off).
    enum JSONValue: Decodable, CustomStringConvertible {
        case number(Double), text(String), bool(Bool), list([JSONValue]), object([String: JSONValue]), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else if let list = try? container.decode([JSONValue].self) { self = .list(list) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        var number: Double? { if case .number(let value) = self { value } else { nil } }
        var text: String? { if case .text(let value) = self { value } else { nil } }
        var description: String {
            switch self {
            case .number(let value): "\(value)"
            case .text(let value): value.debugDescription
            case .bool(let value): "\(value)"
            case .list(let values): "\(values)"
            case .object(let values): "\(values)"
            case .null: "null"
            }
        }
    }

    /// The cases of the file with each feature as it is, every key kept.
    struct RawFile: Decodable {
        struct RawCase: Decodable {
            let name: String
            let features: [[String: JSONValue]]
        }
        let cases: [RawCase]
    }

    /// A feature's figures as this project computes them, under the reference's key names.
    struct Figures {
        var numbers: [String: Double] = [:]
        var integers: [String: Int] = [:]
        var lists: [String: [Double]] = [:]
        var words: [String: [String]] = [:]
        var texts: [String: String] = [:]
    }

    /// Keys whose figure is a count, compared exactly.
    static let integerKeys: Set<String> = ["distinct_reference"]

    /// The reference's descriptions of its methods, each the definition its type implements
    /// (see the type's documentation).
    static let implementedMethods = [
        "ks_method": "scipy.stats.ks_2samp default (method='auto')",                           // KolmogorovSmirnovTest
        "chi2_method": "scipy.stats.chi2_contingency([ref counts, cur counts], correction=False)", // ChiSquareHomogeneityTest
        "js_method": "scipy.spatial.distance.jensenshannon of category frequencies, natural log", // JensenShannon
    ]

    /// The reference's entry for a feature, as JSON, and every figure of it computed here.
    static func figures(_ key: FeatureKey) throws -> ([String: JSONValue], Figures) {
        let file = try JSONDecoder().decode(RawFile.self, from: Data(contentsOf: referenceURL))
        let entry = try #require(file.cases.first { $0.name == key.caseName })
        let expected = try #require(entry.features.first { $0["column"]?.text == key.column })

        var ours = Figures()
        ours.texts["column"] = key.column
        if expected["kind"]?.text == "numeric" {
            let (_, reference, current) = try numbers(key)
            ours.texts["kind"] = "numeric"
            ours.texts["ks_method"] = implementedMethods["ks_method"]
            ours.integers["distinct_reference"] = Set(reference).count
            let ks = try #require(KolmogorovSmirnovTest(reference: reference, current: current))
            ours.numbers["ks_statistic"] = ks.statistic
            ours.numbers["ks_pvalue"] = ks.pValue
            let wasserstein = try #require(WassersteinDrift(reference: reference, current: current))
            ours.numbers["wasserstein_normalised"] = wasserstein.score
            ours.numbers["wasserstein_raw"] = wasserstein.distance
            ours.numbers["reference_std_ddof0"] = wasserstein.referenceStandardDeviation
            let baseline = try #require(PopulationStabilityBaseline(reference: reference))
            ours.lists["psi_inner_edges"] = baseline.innerEdges
            ours.numbers["psi_10_quantile_bins"] = try #require(baseline.index(current: current))
        } else {
            let (_, reference, current) = try labels(key)
            let categories = Set(reference.compactMap { $0 } + current.compactMap { $0 })
                .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
            ours.words["categories"] = categories
            ours.texts["kind"] = categories.count == 2 ? "binary categorical" : "categorical"
            ours.texts["chi2_method"] = implementedMethods["chi2_method"]
            ours.texts["js_method"] = implementedMethods["js_method"]
            let (referenceCounts, currentCounts) = counts(categories, reference, current)
            let chi2 = try #require(ChiSquareHomogeneityTest(referenceCounts: referenceCounts, currentCounts: currentCounts))
            ours.numbers["chi2_statistic"] = chi2.statistic
            ours.numbers["chi2_pvalue"] = chi2.pValue
            ours.numbers["jensen_shannon_distance"] = JensenShannon.distance(referenceCounts.map(Double.init),
                                                                            currentCounts.map(Double.init))
            if categories.count == 2 {
                // TwoProportionZTest: pooled, two-sided, the second category in byte order positive.
                ours.texts["ztest_method"] = "pooled two-proportion z-test, positive='\(categories[1])', two-sided"
                let z = try #require(TwoProportionZTest(referencePositives: referenceCounts[1],
                                                        referenceCount: referenceCounts.reduce(0, +),
                                                        currentPositives: currentCounts[1],
                                                        currentCount: currentCounts.reduce(0, +)))
                ours.numbers["ztest_z"] = z.z
                ours.numbers["ztest_pvalue"] = z.pValue
            }
        }
        return (expected, ours)
    }

    /// Per-category counts of both samples, in the order of `categories`.
    static func counts(_ categories: [String], _ reference: [String?], _ current: [String?]) -> ([Int], [Int]) {
        (categories.map { name in reference.filter { $0 == name }.count },
         categories.map { name in current.filter { $0 == name }.count })
    }

    static func labels(_ key: FeatureKey) throws -> (Feature, [String?], [String?]) {
        let (entry, reference, current) = try caseData(key.caseName)
        let feature = try #require(entry.features.first { $0.column == key.column })
        guard case .categorical(let codesA, let levelsA)? = reference.column(named: key.column)?.storage,
              case .categorical(let codesB, let levelsB)? = current.column(named: key.column)?.storage else {
            throw LearningError("\(key) is not categorical")
        }
        return (feature, codesA.map { $0 < 0 ? nil : levelsA[Int($0)] }, codesB.map { $0 < 0 ? nil : levelsB[Int($0)] })
    }
}
