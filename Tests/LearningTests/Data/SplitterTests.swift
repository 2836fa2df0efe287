import Testing
@testable import Learning

@Suite struct SplitterTests {
    private func ids(_ frame: DataFrame) -> [Double] {
        DataFixtures.numbers(frame.column(named: "id"))
    }

    private func numbered(_ count: Int, classes: [String]? = nil) -> DataFrame {
        var columns = [Column.numeric("id", (0..<count).map(Double.init))]
        var target: String?
        if let classes {
            let levels = Array(Set(classes)).sorted()
            columns.append(.categorical("y", codes: classes.map { Int32(levels.firstIndex(of: $0)!) }, levels: levels))
            target = "y"
        }
        return DataFrame(columns: columns, target: target)
    }

    @Test func sameSeedSameRowsDifferentSeedDifferentRows() throws {
        let frame = numbered(100)
        let a = try Splitter.split(frame, ratio: 0.7, seed: 1, stratify: false)
        let b = try Splitter.split(frame, ratio: 0.7, seed: 1, stratify: false)
        let c = try Splitter.split(frame, ratio: 0.7, seed: 2, stratify: false)
        #expect(a.first == b.first && a.second == b.second)
        #expect(ids(a.first) != ids(c.first))
        #expect(a.first.rowCount == 70 && a.second.rowCount == 30)
        #expect(Set(ids(a.first) + ids(a.second)).count == 100)
        #expect(ids(a.first) == ids(a.first).sorted() && ids(a.second) == ids(a.second).sorted())
    }

    @Test func irisStratifiedKeepsFortyAndTenPerClass() throws {
        let iris = try DataFixtures.iris()
        for seed: UInt64 in [0, 1, 42, 2024] {
            let (train, test) = try Splitter.split(iris, ratio: 0.8, seed: seed, stratify: true)
            #expect(train.targetColumn?.summary().categorical?.levelCounts.map(\.count) == [40, 40, 40])
            #expect(test.targetColumn?.summary().categorical?.levelCounts.map(\.count) == [10, 10, 10])
        }
    }

    @Test func stratifiedTotalsMatchTheOverallRounding() throws {
        let classes = Array(repeating: "a", count: 7) + Array(repeating: "b", count: 5) + Array(repeating: "c", count: 2) + ["d"]
        let (first, second) = try Splitter.split(numbered(15, classes: classes), ratio: 0.75, seed: 3, stratify: true)
        #expect(first.rowCount == 11 && second.rowCount == 4)
        let firstCounts = first.targetColumn?.summary().categorical?.levelCounts ?? []
        let secondCounts = second.targetColumn?.summary().categorical?.levelCounts ?? []
        for level in ["a", "b", "c"] {
            #expect((firstCounts.first { $0.level == level }?.count ?? 0) >= 1)
            #expect((secondCounts.first { $0.level == level }?.count ?? 0) >= 1)
        }
    }

    @Test func quotasRoundToTheTotal() {
        #expect(Splitter.stratifiedQuotas(sizes: [50, 50, 50], ratio: 0.8, total: 120) == [40, 40, 40])
        #expect(Splitter.stratifiedQuotas(sizes: [3, 3, 3], ratio: 0.5, total: 5).reduce(0, +) == 5)
        #expect(Splitter.stratifiedQuotas(sizes: [98, 2], ratio: 0.9, total: 90) == [89, 1])
        #expect(Splitter.stratifiedQuotas(sizes: [9, 2], ratio: 0.1, total: 1) == [1, 1])
    }

    @Test(arguments: [
        (0.0, false, "split ratio must be between 0 and 1 (exclusive), got 0"),
        (1.0, false, "split ratio must be between 0 and 1 (exclusive), got 1"),
        (1.5, false, "split ratio must be between 0 and 1 (exclusive), got 1.5"),
        (0.01, false, "a split of 10 rows with ratio 0.01 would leave a part empty"),
        (0.99, false, "a split of 10 rows with ratio 0.99 would leave a part empty"),
        (0.5, true, "cannot stratify: the data has no target column; name one or split without stratify"),
    ])
    func splitErrors(ratio: Double, stratify: Bool, message: String) {
        #expect(throws: LearningError(message)) {
            _ = try Splitter.split(numbered(10), ratio: ratio, seed: 0, stratify: stratify)
        }
    }

    @Test func numericTargetCannotBeStratified() {
        let frame = DataFrame(columns: [.numeric("x", [1, 2, 3, 4])], target: "x")
        #expect(throws: LearningError("cannot stratify on 'x': it is numeric; expected a categorical or boolean target")) {
            _ = try Splitter.split(frame, ratio: 0.5, seed: 0, stratify: true)
        }
    }

    @Test func kFoldPartitionsTheRows() throws {
        let folds = try Splitter.kFold(rowCount: 103, folds: 5, seed: 9, stratifyBy: nil)
        #expect(folds.map(\.count) == [21, 21, 21, 20, 20])
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<103))
        #expect(folds.allSatisfy { $0 == $0.sorted() })
        #expect(try Splitter.kFold(rowCount: 103, folds: 5, seed: 9, stratifyBy: nil) == folds)
        #expect(try Splitter.kFold(rowCount: 103, folds: 5, seed: 10, stratifyBy: nil) != folds)
    }

    @Test func stratifiedKFoldKeepsProportions() throws {
        let iris = try DataFixtures.iris()
        guard case .categorical(let codes, _)? = iris.targetColumn?.storage else { return }
        let folds = try Splitter.kFold(rowCount: 150, folds: 5, seed: 1, stratifyBy: codes)
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<150))
        for fold in folds {
            #expect(fold.count == 30)
            #expect((0..<3).map { code in fold.filter { codes[$0] == Int32(code) }.count } == [10, 10, 10])
        }
    }

    @Test(arguments: [(1, "cross-validation needs at least 2 folds, got 1"),
                      (11, "cannot make 11 folds from 10 rows; expected `folds` of at most 10")])
    func kFoldErrors(folds: Int, message: String) {
        #expect(throws: LearningError(message)) {
            _ = try Splitter.kFold(rowCount: 10, folds: folds, seed: 0, stratifyBy: nil)
        }
    }

    /// The generator's stream is part of the file format of every recorded run: pin it.
    @Test func generatorStreamIsPinned() {
        var generator = SeededGenerator(seed: 42)
        let first = (0..<3).map { _ in generator.next() }
        var again = SeededGenerator(seed: 42)
        #expect((0..<3).map { _ in again.next() } == first)
        #expect(first != (0..<3).map { _ in SeededGenerator(seed: 43) }.map { var g = $0; return g.next() })
        var bounded = SeededGenerator(seed: 7)
        #expect((0..<1_000).map { _ in bounded.next(below: 10) }.allSatisfy { (0..<10).contains($0) })
        var unit = SeededGenerator(seed: 7)
        #expect((0..<1_000).map { _ in unit.nextUnit() }.allSatisfy { $0 >= 0 && $0 < 1 })
    }
}
