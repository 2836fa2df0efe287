import Engine
import Foundation
import Learning
import Testing

@Suite("predict")
struct PredictCommandTests {
    private func harness() -> Harness {
        let harness = Harness()
        harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        harness.run("split iris into train, test ratio=0.7 seed=3")
        harness.run("train lr = logistic on train")
        harness.run("register lr as flowers")
        harness.run("approve flowers@1")
        harness.run("promote flowers@1 to production")
        return harness
    }

    @Test func theWrittenFileHoldsTheDataThePredictionsAndTheProbabilities() throws {
        let harness = harness()
        let directory = TemporaryDirectory()
        let path = directory.path + "/scored.csv"
        let output = harness.run("predict flowers@production on test to \"\(path)\"").output
        #expect(output.first == "predicted 45 rows of test with flowers@production = flowers@1 (logistic): setosa 15, versicolor 14, virginica 16", "\(output)")
        let written = try CSVReader.read(path: path).frame
        let test = try #require(harness.session.datasets["test"]).frame
        #expect(written.columns.map(\.name) == test.columns.map(\.name)
                + ["predicted_species", "probability_setosa", "probability_versicolor", "probability_virginica"])
        let model = try #require(harness.session.models["lr"]).model
        guard case .classes(let expected) = try model.predict(test) else { Issue.record("not a classifier"); return }
        #expect((0..<45).map { written.column(named: "predicted_species")!.text(at: $0) } == expected.labels)
        let setosa = (0..<45).map { Double(written.column(named: "probability_setosa")!.text(at: $0))! }
        #expect(setosa == (0..<45).map { expected.probabilities[$0 * 3] }, "probabilities written exactly")
    }

    @Test func withoutAPathItShowsTheFirstRows() {
        let shown = harness().run("predict lr on test rows=2").output
        #expect(shown.count == 1 + 4 + 1, "\(shown)")  // summary, header, rule, 2 rows, the rest
        #expect(shown.last == "… 43 more rows; to PATH writes them all")
    }

    @Test(arguments: [
        ("predict nope on test", "unknown model `nope`"),
        ("predict lr on tests", "unknown dataset `tests`"),
        ("predict flowers@2 on test", "flowers has no version 2"),
        ("predict lr on test to \"/nonexistent/dir/x.csv\"", "there is no directory /nonexistent/dir"),
        ("predict lr on test rows=0", "must be a whole number ≥ 1"),
    ])
    func badInputSaysWhatIsWrongAndWritesNothing(_ line: String, _ expected: String) {
        let message = harness().error(line)
        #expect(message.contains(expected), "\(line): \(message)")
    }

    @Test func aBatchWithoutAFeatureIsRefused() throws {
        let directory = TemporaryDirectory()
        let file = directory.write("partial.csv", "sepal_width_cm,petal_length_cm,petal_width_cm\n3.5,1.4,0.2\n")
        let message = harness().error("predict lr on \"\(file)\"")
        #expect(message.contains("`sepal_length_cm`"), "\(message)")
    }
}
