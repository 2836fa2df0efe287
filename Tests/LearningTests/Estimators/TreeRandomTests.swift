@testable import Learning
import Testing

/// The generators behind `tree`/`forest` reproduce numpy's and scikit-learn's draws
/// (expected values computed with numpy 2.4 and scikit-learn 1.9.1).
@Suite struct TreeRandomTests {
    /// `np.random.RandomState(0).randint(np.iinfo(np.int32).max)`, three times: the seeds
    /// `RandomForest*(random_state=0)` gives its first three trees.
    @Test func treeSeedsMatchNumpy() {
        var sequence = TreeSeedSequence(seed: 0)
        #expect((0..<3).map { _ in sequence.nextTreeSeed() } == [209_652_396, 398_764_591, 924_231_285])
    }

    /// `np.random.RandomState(209652396).randint(0, 10, 5)`.
    @Test func boundedDrawsMatchNumpy() {
        var sequence = TreeSeedSequence(seed: 209_652_396)
        #expect((0..<5).map { _ in sequence.next(below: 10) } == [3, 2, 0, 0, 2])
    }

    @Test func bootstrapCountsAddUpToTheRows() {
        let counts = ForestModel.bootstrapCounts(1000, seed: 42)
        #expect(counts.reduce(0, +) == 1000)
        let drawn = counts.filter { $0 > 0 }.count
        #expect(drawn > 580 && drawn < 680)
        #expect(ForestModel.bootstrapCounts(1000, seed: 42) == counts)
    }

    @Test func largeSeedsAreAccepted() {
        var small = TreeSeedSequence(seed: 7)
        var large = TreeSeedSequence(seed: 7 + (1 << 40))
        #expect(small.next() != large.next())
        var draw = TreeFeatureDraw(seed: .max)
        #expect((0..<100).allSatisfy { _ in (3..<9).contains(draw.next(from: 3, below: 9)) })
    }
}
