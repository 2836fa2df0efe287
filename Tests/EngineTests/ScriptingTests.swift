import Engine
import Foundation
import Testing

@Suite("Scripting commands")
struct ScriptingTests {
    let iris = "\(packageRoot)/samples/data/iris.csv"

    @Test func evaluateStoresMetricsForPrintAndAssert() {
        let harness = Harness()
        harness.run("load iris from \"\(iris)\" target=species")
        harness.run("split iris into train, test ratio=0.8 seed=42")
        harness.run("train lr = logistic on train")
        harness.run("train base = baseline on train")
        let evaluated = harness.run("evaluate lr, base on test")
        #expect(evaluated.result == .ran(.ok))
        #expect(evaluated.output.first == "on test (30 rows):")
        let printed = harness.run("print base.test.accuracy")
        #expect(printed.output == ["0.3333"])
        #expect(harness.run("assert lr.test.accuracy >= 0.9").result == .ran(.ok))
        guard case .ran(.failed(let failure)) = harness.run("assert base.test.accuracy > 0.5").result else {
            Issue.record("the assert must fail")
            return
        }
        #expect(failure.kind == .assertion)
        #expect(failure.message == "base.test.accuracy > 0.5 does not hold: base.test.accuracy is 0.3333")
    }

    @Test func parametersAndOverrides() {
        let session = Session(parameterOverrides: ["ratio": .number(0.5, text: "0.5")])
        let interpreter = Interpreter(session: session)
        var output: [String] = []
        _ = interpreter.run(line: "param ratio=0.8") { output += $0.lines(recorded: true) }
        _ = interpreter.run(line: "load iris from \"\(iris)\" target=species") { _ in }
        _ = interpreter.run(line: "split iris into a, b ratio=$ratio") { _ in }
        #expect(output == ["param ratio = 0.5"])
        #expect(session.datasets["a"]?.frame.rowCount == 75)
    }

    /// `$NAME` stands for an algorithm and inside a list too, and what it names is checked when the command runs.
    @Test func parametersStandForAnAlgorithmAndInsideLists() {
        let harness = Harness(session: Session(parameterOverrides: ["algo": .word("knn")]))
        harness.run("param algo=forest")
        harness.run("param depth=2")
        harness.run("load iris from \"\(iris)\" target=species")
        #expect(harness.run("train m = $algo on iris k=3").result == .ran(.ok))
        #expect(harness.session.models["m"]?.model.algorithm == .knn && harness.session.models["m"]?.model.parameters["k"] == .int(3))
        #expect(harness.error("train n = $algo on iris trees=3") == "unknown parameter `trees` for knn; valid parameters: k, weights")
        #expect(harness.error("train n = $algo on iris k=0") == "option `k`: must be a whole number ≥ 1, got 0")
        harness.run("param other=forrest")
        #expect(harness.error("train n = $other on iris") == "unknown algorithm `forrest`")
        let tuned = harness.run("tune t = tree on iris depth=[$depth, 3] folds=3")
        #expect(tuned.result == .ran(.ok))
        #expect(tuned.output.contains { $0.hasPrefix("2 ") })
        #expect(harness.error("tune t = tree on iris depth=[2, $depth]") == "option `depth` lists 2 twice; expected each value once")
        #expect(harness.session.models["n"] == nil)
    }

    @Test func splitRecordsLineageAndIsSeeded() {
        let first = Harness(), second = Harness()
        for harness in [first, second] {
            harness.run("load iris from \"\(iris)\" target=species")
            harness.run("split iris into train, test seed=7")
        }
        #expect(first.session.datasets["train"]?.version == second.session.datasets["train"]?.version)
        #expect(first.session.datasets["train"]?.lineage == "split 0.8 seed 7 stratified of iris")
    }

    @Test func includeRunsAnotherFileAndSaveWritesASessionFile() throws {
        let directory = TemporaryDirectory()
        let included = directory.write("prepare.mlw", "load iris from \"\(iris)\" target=species\nsplit iris into train, test\n")
        let harness = Harness()
        #expect(harness.run("include \"\(included)\"").result == .ran(.ok))
        #expect(harness.session.datasetOrder == ["iris", "train", "test"])
        let saved = directory.path + "/saved.mlw"
        #expect(harness.run("save \"\(saved)\"").result == .ran(.ok))
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.hasPrefix("#! mlw "))
        #expect(text.contains("include \"\(included)\"\n#> » load iris"))
    }

    @Test func durationsAreRecordedNormalised() {
        let harness = Harness()
        harness.run("load iris from \"\(iris)\" target=species")
        let trained = harness.run("train base = baseline on iris")
        #expect(trained.output.first?.hasSuffix("in <time>") == true)
    }
}

@Suite("Experiment commands")
struct ExperimentCommandTests {
    let titanic = "\(packageRoot)/samples/data/titanic.csv"

    @Test func exportWritesXGBoostJSONForBoostAndTheArtifactOtherwise() throws {
        let directory = TemporaryDirectory()
        let harness = Harness()
        harness.run("load titanic from \"\(titanic)\" target=survived")
        harness.run("train gb = boost on titanic rounds=5")
        harness.run("train lr = logistic on titanic")
        #expect(harness.run("export gb to \"\(directory.path)/gb.json\"").result == .ran(.ok))
        #expect(harness.run("export lr to \"\(directory.path)/lr.json\"").result == .ran(.ok))
        let booster = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/gb.json"))) as? [String: Any]
        #expect(booster?["learner"] != nil, "XGBoost's JSON model has a learner")
        let artifact = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/lr.json"))) as? [String: Any]
        #expect(artifact?["formatVersion"] as? Int == 1)
    }

    @Test func tuneKeepsTheBestAndRefitsIt() {
        let harness = Harness()
        harness.run("load titanic from \"\(titanic)\" target=survived")
        let tuned = harness.run("tune best = tree on titanic depth=[1, 3] by=accuracy")
        #expect(tuned.result == .ran(.ok))
        #expect(tuned.output.contains { $0.hasPrefix("3 ") && $0.hasSuffix("best") })
        #expect(harness.session.models["best"]?.model.parameters["depth"] == .int(3))
    }
}
