import Foundation
import Learning
import Testing

/// The drift statistics against `shared/reference/drift-reference.json` (SciPy 1.17.1,
/// NumPy 2.4.6): every figure of every case, on the very rows the reference used.
@Suite struct DataDriftReferenceTests {
    /// Statistics and scores to 1e-9 absolute; p-values to 1e-6 relative (a denormal
    /// p-value, below 1e-300, only has to stay below 1e-300).
    static let absolute = 1e-9
    static let relative = 1e-6

    static func closeAbsolute(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= absolute }

    static func closePValue(_ a: Double, _ expected: Double) -> Bool {
        if expected <= 1e-300 { return a <= 1e-300 }
        return abs(a - expected) <= relative * abs(expected)
    }

    @Test(arguments: DataDriftFixtures.caseNames)
    func sampleSizesMatch(caseName: String) throws {
        let (entry, reference, current) = try DataDriftFixtures.caseData(caseName)
        #expect(reference.rowCount == entry.n_reference)
        #expect(current.rowCount == entry.n_current)
    }

    @Test(arguments: DataDriftFixtures.numericFeatures)
    func kolmogorovSmirnovMatchesSciPy(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, reference, current) = try DataDriftFixtures.numbers(feature)
        let test = try #require(KolmogorovSmirnovTest(reference: reference, current: current))
        let statistic = try #require(expected.ks_statistic), p = try #require(expected.ks_pvalue)
        #expect(test.method == .exact)
        #expect(Self.closeAbsolute(test.statistic, statistic), "\(feature): D \(test.statistic) vs \(statistic)")
        #expect(Self.closePValue(test.pValue, p), "\(feature): p \(test.pValue) vs \(p)")
        if let distinct = expected.distinct_reference {
            #expect(Set(reference).count == distinct)
        }
    }

    @Test(arguments: DataDriftFixtures.numericFeatures)
    func normalisedWassersteinMatchesSciPy(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, reference, current) = try DataDriftFixtures.numbers(feature)
        let drift = try #require(WassersteinDrift(reference: reference, current: current))
        let score = try #require(expected.wasserstein_normalised)
        #expect(Self.closeAbsolute(drift.score, score), "\(feature): \(drift.score) vs \(score)")
        if let raw = expected.wasserstein_raw {
            #expect(Self.closeAbsolute(drift.distance, raw), "\(feature): distance \(drift.distance) vs \(raw)")
        }
        if let deviation = expected.reference_std_ddof0 {
            #expect(Self.closeAbsolute(drift.referenceStandardDeviation, deviation))
        }
    }

    @Test(arguments: DataDriftFixtures.numericFeatures)
    func populationStabilityMatchesNumPy(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, reference, current) = try DataDriftFixtures.numbers(feature)
        let baseline = try #require(PopulationStabilityBaseline(reference: reference))
        let edges = try #require(expected.psi_inner_edges), psi = try #require(expected.psi_10_quantile_bins)
        #expect(baseline.innerEdges == edges, "\(feature): edges \(baseline.innerEdges) vs \(edges)")
        let index = try #require(baseline.index(current: current))
        #expect(Self.closeAbsolute(index, psi), "\(feature): PSI \(index) vs \(psi)")

        // A stored baseline (edges and counts only) gives the same PSI without the reference rows.
        let data = try JSONEncoder().encode(baseline)
        let restored = try JSONDecoder().decode(PopulationStabilityBaseline.self, from: data)
        let rebuilt = try #require(PopulationStabilityBaseline(innerEdges: restored.innerEdges,
                                                               referenceCounts: restored.referenceCounts))
        #expect(rebuilt.index(current: current) == index)
        #expect(PopulationStabilityBaseline.index(reference: reference, current: current) == index)
    }

    @Test(arguments: DataDriftFixtures.categoricalFeatures)
    func categoricalStatisticsMatchSciPy(feature: DataDriftFixtures.FeatureKey) throws {
        let (expected, reference, current) = try DataDriftFixtures.labels(feature)
        let categories = try #require(expected.categories)
        let referenceCounts = categories.map { name in reference.filter { $0 == name }.count }
        let currentCounts = categories.map { name in current.filter { $0 == name }.count }
        #expect(referenceCounts.reduce(0, +) == reference.count && currentCounts.reduce(0, +) == current.count)

        let chi2 = try #require(ChiSquareHomogeneityTest(referenceCounts: referenceCounts, currentCounts: currentCounts))
        let statistic = try #require(expected.chi2_statistic), p = try #require(expected.chi2_pvalue)
        #expect(Self.closeAbsolute(chi2.statistic, statistic), "\(feature): χ² \(chi2.statistic) vs \(statistic)")
        #expect(Self.closePValue(chi2.pValue, p), "\(feature): p \(chi2.pValue) vs \(p)")
        #expect(chi2.degreesOfFreedom == categories.count - 1)

        let js = JensenShannon.distance(referenceCounts.map(Double.init), currentCounts.map(Double.init))
        let distance = try #require(expected.jensen_shannon_distance)
        #expect(Self.closeAbsolute(js, distance), "\(feature): JS \(js) vs \(distance)")

        // The same figures through the column comparison, categories matched by name.
        let viaChi2 = try FeatureDrift.compare(reference: reference, current: current, method: .chi2)
        #expect(viaChi2.statistic == chi2.statistic && viaChi2.pValue == chi2.pValue)
        let viaJS = try FeatureDrift.compare(reference: reference, current: current, method: .jensenshannon)
        #expect(Self.closeAbsolute(viaJS.statistic, distance))

        if let z = expected.ztest_z, let zp = expected.ztest_pvalue {
            #expect(categories == ["no", "yes"])
            let test = try #require(TwoProportionZTest(referencePositives: referenceCounts[1], referenceCount: reference.count,
                                                       currentPositives: currentCounts[1], currentCount: current.count))
            #expect(Self.closeAbsolute(test.z, z), "\(feature): z \(test.z) vs \(z)")
            #expect(Self.closePValue(test.pValue, zp), "\(feature): p \(test.pValue) vs \(zp)")
            let viaZ = try FeatureDrift.compare(reference: reference, current: current, method: .z)
            #expect(viaZ.statistic == test.z && viaZ.pValue == test.pValue)
        }
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
