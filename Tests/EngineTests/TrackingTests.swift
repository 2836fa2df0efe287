import Engine
import Foundation
import Learning
import Store
import Testing

private let iris = "\(packageRoot)/samples/data/iris.csv"
private let airquality = "\(packageRoot)/samples/data/airquality.csv"

/// A harness with iris loaded and split into train and test.
private func irisHarness() -> Harness {
    let harness = Harness()
    harness.run("load iris from \"\(iris)\" target=species")
    harness.run("split iris into train, test ratio=0.7 seed=3")
    return harness
}

@Suite("Experiment tracking and reproduction")
struct TrackingTests {
    /// Best first by a metric lists only the runs that have it, and says the others were left out.
    @Test func runsByAMetricLeaveOutRunsWithoutIt() {
        let harness = irisHarness()
        harness.run("load air from \"\(airquality)\" target=ozone")
        harness.run("train lr = logistic on train")
        harness.run("train reg = linear on air")
        let output = harness.run("runs by=rmse").output
        #expect(output.last == "1 run of 2, best rmse first; runs without rmse left out")
        #expect(output.contains { $0.contains(" linear ") } && !output.contains { $0.contains(" logistic ") })
    }

    @Test func everyTrainEvaluateCvAndTuneIsLogged() throws {
        let harness = irisHarness()
        harness.run("train lr = logistic on train C=0.5")
        harness.run("evaluate lr on test")
        harness.run("cv knn on train folds=3 k=7")
        harness.run("tune best = tree on train depth=[2, 3] folds=3")
        let store = harness.session.store
        let runs = try store.runs()
        #expect(runs.map(\.kind) == [.cv, .cv, .tune, .cv, .evaluate, .train])
        let train = try #require(runs.last)
        #expect(train.algorithm == "logistic" && train.parameters["C"] == "0.5" && train.seed == 42)
        #expect(train.modelName == "lr" && train.artifactSHA256 != nil && train.metrics["accuracy"] != nil)
        #expect(train.data.map(\.role) == ["train"] && train.data[0].sha256 == harness.session.datasets["train"]?.version)
        let tune = runs[2]
        #expect(tune.childRunIDs == [runs[1].id, runs[0].id] && tune.parameters["depth"] != nil)
        #expect(runs[0].parentRunID == tune.id)
        let evaluate = runs[4]
        #expect(evaluate.artifactSHA256 == train.artifactSHA256 && evaluate.data[0].role == "test")
        #expect(evaluate.metrics["accuracy"] == harness.session.values["lr.test.accuracy"]?.number)
    }

    @Test func runsFiltersOrdersAndShowsOneRunInFull() {
        let harness = irisHarness()
        for k in [1, 5, 15] { harness.run("train k\(k) = knn on train k=\(k)") }
        harness.run("train rf = forest on train trees=10")
        let listing = harness.run("runs knn by=accuracy limit=2 where=\"k >= 5\"").output.joined(separator: "\n")
        #expect(listing.contains("2 runs of 4, best accuracy first"), "\(listing)")
        #expect(!listing.contains("k=1 ") && listing.contains("k=15"))
        let one = harness.run("run 4").output.joined(separator: "\n")
        #expect(one.contains("run 4: train forest → model rf") && one.contains("trees=10") && one.contains("artifact sha256:"))
        #expect(one.contains("data     train sha256:\(harness.session.datasets["train"]!.version)"))
        #expect(harness.error("run 99").contains("no run 99"))
        #expect(harness.error("runs where=\"k >\"").contains("expected a value"))
        #expect(harness.error("runs by=f2").contains("no listed run has the metric `f2`"))
    }

    @Test(arguments: Algorithm.allCases)
    func everyAlgorithmReproducesToTheSameArtifact(_ algorithm: Algorithm) {
        let harness = Harness()
        if algorithm == .linear {
            harness.run("load data from \"\(airquality)\" target=ozone")
        } else {
            harness.run("load data from \"\(iris)\" target=species")
        }
        harness.run("split data into train, test ratio=0.7 seed=3")
        let quick = ["forest": " trees=5", "boost": " rounds=5"][algorithm.rawValue] ?? ""
        #expect(harness.run("train m = \(algorithm.rawValue) on train\(quick) seed=9").result == .ran(.ok))
        let (result, output) = harness.run("reproduce run last")
        #expect(result == .ran(.ok), "\(output)")
        #expect(output.last?.contains("is identical: run 1 reproduces") == true, "\(output)")
    }

    @Test func regressionCvAndEvaluateRunsReproduce() {
        let harness = Harness()
        harness.run("load air from \"\(airquality)\" target=ozone")
        harness.run("train b = boost on air rounds=5")
        harness.run("evaluate b on air")
        harness.run("cv linear on air folds=3")
        for id in 1...3 {
            let (result, output) = harness.run("reproduce run \(id)")
            #expect(result == .ran(.ok) && output.last?.contains("reproduces") == true, "\(output)")
        }
    }

    @Test func trainTellsTheRoundsEarlyStoppingKept() {
        let harness = Harness()
        harness.run("load air from \"\(airquality)\" target=ozone")
        let (result, output) = harness.run("train b = boost on air")
        #expect(result == .ran(.ok))
        #expect(output.contains { $0.hasPrefix("params depth=6 min_child_weight=20 patience=10 rate=0.3 rounds=100") }, "\(output)")
        #expect(output.contains { $0.hasPrefix("early stopping kept ") && $0.contains(" of 100 rounds: the rmse on 12 held-out training rows") },
                "\(output)")
    }

    @Test func aRunReproducesAfterItsSourceFileChanged() throws {
        let directory = TemporaryDirectory()
        let file = directory.write("data.csv", try String(contentsOfFile: iris, encoding: .utf8))
        let harness = Harness()
        harness.run("load d from \"\(file)\" target=species")
        harness.run("split d into a, b seed=1")
        harness.run("train t = tree on a")
        directory.write("data.csv", "x,species\n1,a\n2,b\n")
        let (result, output) = harness.run("reproduce run last")
        #expect(result == .ran(.ok), "\(output)")
    }

    @Test func aTamperedSnapshotIsRefused() throws {
        let harness = irisHarness()
        harness.run("train t = tree on train")
        let version = harness.session.datasets["iris"]!.version
        let path = harness.session.store.objectPath(version)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: path))
        let message = harness.error("reproduce run last")
        #expect(message.contains("corrupt") && message.contains(version), "\(message)")
    }
}
