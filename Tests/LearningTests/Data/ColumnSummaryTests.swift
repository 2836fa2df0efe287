import Testing
@testable import Learning

@Suite struct ColumnSummaryTests {
    struct Expected: Sendable {
        let column: String
        let mean, std, min, q25, median, q75, max: Double
        let histogram: [Int]
        let distinct: Int
    }

    /// Computed with NumPy 2.4 on shared/datasets/iris.csv: `x.mean()`, `x.std(ddof=1)`,
    /// `np.quantile(x, [.25, .5, .75])`, `np.histogram(x, bins=8)[0]`, `len(np.unique(x))`.
    static let iris: [Expected] = [
        Expected(column: "sepal_length_cm", mean: 5.843333333333334, std: 0.828066127977863, min: 4.3,
                 q25: 5.1, median: 5.8, q75: 6.4, max: 7.9, histogram: [11, 30, 24, 24, 31, 17, 7, 6], distinct: 35),
        Expected(column: "sepal_width_cm", mean: 3.0573333333333337, std: 0.4358662849366982, min: 2.0,
                 q25: 2.8, median: 3.0, q75: 3.3, max: 4.4, histogram: [4, 15, 38, 37, 31, 19, 4, 2], distinct: 23),
        Expected(column: "petal_length_cm", mean: 3.7580000000000005, std: 1.7652982332594662, min: 1.0,
                 q25: 1.6, median: 4.35, q75: 5.1, max: 6.9, histogram: [48, 2, 1, 10, 29, 32, 22, 6], distinct: 43),
        Expected(column: "petal_width_cm", mean: 1.1993333333333336, std: 0.7622376689603465, min: 0.1,
                 q25: 0.3, median: 1.3, q75: 1.8, max: 2.5, histogram: [41, 9, 0, 15, 33, 18, 17, 17], distinct: 22),
    ]

    @Test(arguments: iris)
    func irisMatchesNumPy(_ expected: Expected) throws {
        let summary = try #require(try DataFixtures.iris().column(named: expected.column)).summary()
        let numeric = try #require(summary.numeric)
        #expect(summary.count == 150 && summary.missing == 0 && summary.distinct == expected.distinct)
        for (actual, wanted) in [(numeric.mean, expected.mean), (numeric.std, expected.std), (numeric.min, expected.min),
                                 (numeric.q25, expected.q25), (numeric.median, expected.median),
                                 (numeric.q75, expected.q75), (numeric.max, expected.max)] {
            #expect(abs(actual - wanted) <= 1e-12 * max(1, abs(wanted)), "\(actual) vs \(wanted)")
        }
        #expect(numeric.histogram == expected.histogram)
        #expect(numeric.binEdges.count == 9 && numeric.binEdges.first == expected.min && numeric.binEdges.last == expected.max)
        #expect(summary.categorical == nil)
    }

    @Test func categoricalCountsByFrequencyThenName() throws {
        let column = Column.categorical("c", codes: [2, 0, 2, 1, -1, 0, 2], levels: ["b", "a", "c", "unused"])
        let summary = column.summary()
        #expect(summary.count == 6 && summary.missing == 1 && summary.distinct == 3)
        let categorical = try #require(summary.categorical)
        #expect(categorical.top == "c" && categorical.topCount == 3)
        #expect(categorical.levelCounts.map(\.level) == ["c", "b", "a", "unused"])
        #expect(categorical.levelCounts.map(\.count) == [3, 2, 1, 0])
    }

    @Test func irisSpecies() throws {
        let summary = try #require(try DataFixtures.iris().targetColumn).summary()
        #expect(summary.kind == .categorical)
        #expect(summary.categorical?.levelCounts.map(\.level) == ["setosa", "versicolor", "virginica"])
        #expect(summary.categorical?.levelCounts.map(\.count) == [50, 50, 50])
    }

    @Test func missingAndDegenerateNumbers() {
        let summary = Column.numeric("x", [.nan, 2, .nan]).summary(bins: 4)
        #expect(summary.count == 1 && summary.missing == 2 && summary.distinct == 1)
        #expect(summary.numeric?.std.isNaN == true)
        #expect(summary.numeric?.histogram == [0, 0, 1, 0])
        #expect(summary.numeric?.binEdges == [1.5, 1.75, 2, 2.25, 2.5])

        let empty = Column.numeric("x", [.nan]).summary()
        #expect(empty.count == 0 && empty.distinct == 0)
        #expect(empty.numeric?.mean.isNaN == true && empty.numeric?.histogram == [])
    }
}
