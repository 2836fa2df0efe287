import Learning
import Testing

@Suite struct PreprocessorTests {
    @Test(arguments: [
        ([3, .nan, 1, 2, 10], 2.5),
        ([5, 1, 4, .nan, 2, 3], 3),
        ([7, 7, 7, 1, 7, 7], 7),
        ([.nan, .nan], 0),
        ([9, 8, 7, 6, 5, 4, 3, 2, 1, 0], 4.5),
    ] as [([Double], Double)])
    func medianImputation(values: [Double], median: Double) {
        let preprocessor = Preprocessor.fit([.numeric("a", values)], standardize: false)
        #expect(preprocessor.features == [.numeric(name: "a", median: median, mean: 0, scale: 1)])
    }

    @Test(arguments: [10_000, 10_001, 50_000])
    func medianOfLargeColumnsMatchesSorting(count: Int) {
        var state: UInt64 = UInt64(count)
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let shapes: [[Double]] = [
            (0..<count).map { _ in next() },
            (0..<count).map { _ in next() < 0.1 ? .nan : (next() * 3).rounded() },            // few values
            (0..<count).map { index in Double(index) },                                      // sorted
            (0..<count).map { index in index < count / 2 ? 0 : 1e9 + next() },                 // skewed
        ]
        for values in shapes {
            let present = values.filter { !$0.isNaN }.sorted()
            let m = present.count / 2
            let expected = present.count % 2 == 1 ? present[m] : (present[m - 1] + present[m]) / 2
            let preprocessor = Preprocessor.fit([.numeric("a", values)], standardize: false)
            #expect(preprocessor.features == [.numeric(name: "a", median: expected, mean: 0, scale: 1)])
        }
    }

    @Test func standardisesWithImputedMeanAndPopulationStd() throws {
        let preprocessor = Preprocessor.fit([.numeric("a", [1, 3, .nan]), .numeric("c", [4, 4, 4])], standardize: true)
        // Imputed column: 1, 3, 2 → mean 2, std √(2/3). A constant column keeps scale 1.
        #expect(preprocessor.features == [
            .numeric(name: "a", median: 2, mean: 2, scale: (2.0 / 3).squareRoot()),
            .numeric(name: "c", median: 4, mean: 4, scale: 1),
        ])
        let x = try preprocessor.transform(DataFrame(columns: [.numeric("c", [5]), .numeric("a", [.nan])]))
        #expect(x.values == [0, 1])
    }

    @Test func oneHotMatchesLevelsByText() throws {
        // Training levels include one never used (`z`) and codes not in sorted order.
        let training = Column.categorical("colour", codes: [2, 0, 0, -1, 1], levels: ["red", "blue", "green", "z"])
        let preprocessor = Preprocessor.fit([training], standardize: true)
        #expect(preprocessor.features == [.categorical(name: "colour", levels: ["blue", "green", "red"], fill: "red")])
        #expect(preprocessor.outputNames == ["colour=blue", "colour=green", "colour=red"])
        let test = Column.categorical("colour", codes: [0, 1, 2, -1], levels: ["green", "purple", "blue"])
        let x = try preprocessor.transform(DataFrame(columns: [test]))
        #expect(x.values == [0, 1, 0, /* unseen */ 0, 0, 0, 1, 0, 0, /* missing → red */ 0, 0, 1])
    }

    /// A categorical feature whose values in a new file all look like numbers (codes such as 12) is read
    /// as their text, not refused; a column missing in every row (read as numbers) takes the fill.
    @Test func aCategoricalReadAsNumbersHereIsMatchedByItsText() throws {
        let training = Column.categorical("code", codes: [0, 1, 2, 2], levels: ["A1", "B2", "12"])
        let preprocessor = Preprocessor.fit([training], standardize: false)
        #expect(preprocessor.outputNames == ["code=12", "code=A1", "code=B2"])
        let x = try preprocessor.transform(DataFrame(columns: [.numeric("code", [12, .nan, 7])]))
        #expect(x.values == [1, 0, 0, /* missing → 12 */ 1, 0, 0, /* unseen */ 0, 0, 0])
    }

    @Test func mostFrequentTiesGoToTheSmallestLevel() {
        let column = Column.categorical("s", codes: [0, 1, 1, 0], levels: ["yes", "no"], kind: .boolean)
        #expect(Preprocessor.fit([column], standardize: false).features
            == [.categorical(name: "s", levels: ["no", "yes"], fill: "no")])
    }
}
