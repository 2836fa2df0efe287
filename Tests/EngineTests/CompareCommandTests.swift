import Engine
import Foundation
import Learning
import Testing

@Suite("compare")
struct CompareCommandTests {
    /// 400 rows of six uniform features in −1…1; the class is the sign of their sum.
    private static func rows(_ directory: TemporaryDirectory) -> String {
        var generator = SeededGenerator(seed: 1)
        let lines = (0..<400).map { _ in
            let values = (0..<6).map { _ in generator.nextUnit() * 2 - 1 }
            return values.map { String(format: "%.4f", $0) }.joined(separator: ",") + (values.reduce(0, +) > 0 ? ",p" : ",n")
        }
        return directory.write("d.csv", (["a,b,c,d,e,f,y"] + lines).joined(separator: "\n") + "\n")
    }

    /// A tree `t` and 1-nearest-neighbour `k` trained on `d`, those rows.
    private static func twoModels(_ directory: TemporaryDirectory) -> Harness {
        let harness = Harness()
        harness.run("load d from \"\(rows(directory))\" target=y")
        harness.run("train t = tree on d")
        harness.run("train k = knn on d k=1")
        return harness
    }

    /// A tree and 1-nearest-neighbour both score 1.0 on their training rows, so only the
    /// cross-validated means can name the better one; the verdict must follow the test.
    @Test func theVerdictOfTheResampledTestWeighsTheCrossValidatedMeans() {
        let directory = TemporaryDirectory()
        let harness = Self.twoModels(directory)
        let output = harness.run("compare t, k on d folds=5").output
        let test = output.first { $0.hasPrefix("corrected resampled t-test") } ?? ""
        #expect(output.contains { $0.hasPrefix("t        1.0000") } && output.contains { $0.hasPrefix("k        1.0000") })
        #expect(test.contains(": t 0.7850 vs k 0.8850 mean accuracy"), "\(test)")
        #expect(output.last?.hasPrefix("verdict: k is better than t on accuracy (p = 0.0") == true, "\(output)")
    }

    @Test func tooManyFoldsFailOnTheOptionBeforeAnyTable() {
        let directory = TemporaryDirectory()
        let harness = Self.twoModels(directory)
        #expect(!harness.run("compare t, k on d folds=500").output.contains { $0.hasPrefix("model ") })
        #expect(harness.error("compare t, k on d folds=500")
                == "cannot make 500 folds from 400 rows with a target; expected `folds` of at most 400")
    }
}
