import Engine
import Testing

/// 25 rows: an identifier, a repeating category, a number, and a target missing in 3 rows.
private func sample(_ directory: TemporaryDirectory) -> String {
    let lines = (0..<25).map { row in
        "id-\(row),\(row % 2 == 0 ? "red" : "blue"),\(Double(row) * 1.5),\(row % 8 == 7 ? "" : String(row * 3 + row % 4))"
    }
    return directory.write("rows.csv", (["id,colour,x,y"] + lines).joined(separator: "\n") + "\n")
}

@Suite("What load, train and evaluate report about the data")
struct DataReportTests {
    @Test func aCategoricalWithAValueOfItsOwnInEveryRowIsFlaggedAtLoad() {
        let directory = TemporaryDirectory()
        let output = Harness().run("load d from \"\(sample(directory))\" target=y").output
        let warnings = output.filter { $0.contains("a value of its own in every row") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("id has a value of its own in every row (25 distinct)") == true)
        #expect(warnings.first?.contains("`filter d into NAME drop=[id]`") == true)
    }

    @Test func rowsWithoutATargetAreSaidToBeLeftOut() {
        let directory = TemporaryDirectory()
        let harness = Harness()
        harness.run("load d from \"\(sample(directory))\" target=y")
        let trained = harness.run("train m = linear on d").output
        #expect(trained.contains { $0.hasPrefix("trained m = linear on d: 25 rows, 3 without y left out, 3 features") })
        let evaluated = harness.run("evaluate m on d").output
        #expect(evaluated.contains("on d (25 rows, 3 without y left out):"))
        let validated = harness.run("cv linear on d folds=3").output
        #expect(validated.contains { $0.hasPrefix("3-fold cross-validation of linear on d (25 rows, 3 without y left out, seed ") })
        harness.run("filter d into known where=\"y >= 0\"")
        #expect(harness.run("evaluate m on known").output.contains("on known (22 rows):"))
    }

    @Test func aJSONLinesFileLoadsTrainsAndReproducesFromItsSnapshot() {
        let directory = TemporaryDirectory()
        let rows = (0..<40).map { #"{"x": \#($0), "colour": "\#($0 % 3 == 0 ? "red" : "blue")", "y": \#($0 % 2 == 0)}"# }
        let path = directory.write("rows.jsonl", rows.joined(separator: "\n") + "\n")
        let harness = Harness()
        let loaded = harness.run("load d from \"\(path)\" target=y").output
        #expect(loaded.contains { $0.hasPrefix("loaded d: 40 rows × 3 columns from") })
        #expect(loaded.contains("target y: boolean, 2 classes → classification"))
        harness.run("train m = tree on d seed=1")
        let reproduced = harness.run("reproduce run last").output
        #expect(reproduced.contains { $0.hasSuffix("is identical: run 1 reproduces") }, "\(reproduced)")
    }

    @Test func aQuotedPathLearnsTheTargetGivenWithIt() {
        let harness = Harness()
        let wine = "\"\(packageRoot)/samples/data/wine.csv\""
        #expect(harness.run("train m = tree on \(wine) target=cultivar seed=1").output
            .contains { $0.hasPrefix("trained m = tree on wine: 178 rows, 13 features → cultivar (3 classes)") })
        #expect(harness.run("cv tree on \(wine) target=proline folds=3").output.contains { $0.hasPrefix("r2 ") })
        #expect(harness.run("tune t = tree on \(wine) target=cultivar depth=[2, 3] folds=3").output
            .contains { $0.hasPrefix("t = tree depth=") })
        #expect(harness.run("reproduce run 1").output.contains { $0.hasSuffix("is identical: run 1 reproduces") })
    }

    @Test func aZeroOneTargetIsLearntMonitoredAndRetrainedAsClasses() {
        let directory = TemporaryDirectory()
        func rows(_ range: Range<Int>) -> String {
            (["x,noise,y"] + range.map { "\($0 % 50),\(($0 * 7) % 11),\($0 % 50 >= 25 ? 1 : 0)" }).joined(separator: "\n") + "\n"
        }
        let training = directory.write("training.csv", rows(0..<150))
        let batch = directory.write("batch.csv", rows(150..<250))
        let harness = Harness()
        #expect(harness.run("load t from \"\(training)\" target=y").output
            .contains("target y: categorical, 2 classes → classification (two whole numbers, 0 and 1, read as classes)"))
        for line in ["train m = logistic on t", "register m as zo", "approve zo@1", "promote zo@1 to production", "monitor zo baseline=t"] {
            guard case .ran(.ok) = harness.run(line).result else {
                Issue.record("`\(line)` failed")
                return
            }
        }
        #expect(harness.run("observe zo with \"\(batch)\"").output.contains { $0.hasPrefix("quality on batch: accuracy ") })
        #expect(harness.run("retrain zo on t with_batch=true").output.contains { $0.hasPrefix("retrained zo as zo@2: logistic") })
        #expect(harness.run("reproduce run last").output.contains { $0.hasSuffix("reproduces") })
    }

    @Test func loadWithTaskReadsTheTargetAsAskedAndReproduces() {
        let harness = Harness()
        let wine = "\"\(packageRoot)/samples/data/wine.csv\""
        #expect(harness.run("load w from \(wine) target=magnesium task=classification").output
            .contains("target magnesium: categorical, 53 classes → classification"))
        harness.run("train t = tree on w depth=3")
        #expect(harness.run("reproduce run last").output.contains { $0.hasSuffix("reproduces") })
        #expect(harness.error("load v from \(wine) task=regression") == "task= says how to read the target; name it with target=COLUMN")
        #expect(harness.session.datasetOrder == ["w"])
    }
}
