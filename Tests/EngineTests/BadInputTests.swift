import Engine
import Foundation
import Testing

@Suite("Bad input changes nothing")
struct BadInputTests {
    struct CSVCase: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let target: String?
        /// A part of the message that must appear (the exact wording is the CSV reader's own test).
        let expected: [String]
        var testDescription: String { name }
    }

    static let csvCases: [CSVCase] = [
        CSVCase(name: "unterminated quote", bytes: Array("a,b\n1,\"x\n2,3\n".utf8), target: nil, expected: [":2:", "quote"]),
        CSVCase(name: "wrong field count", bytes: Array("a,b,c\n1,2,3\n4,5\n".utf8), target: nil, expected: [":3", "expected 3 fields, found 2"]),
        CSVCase(name: "invalid UTF-8", bytes: Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8), target: nil, expected: [":2:3", "UTF-8"]),
        CSVCase(name: "empty file", bytes: [], target: nil, expected: ["empty"]),
        CSVCase(name: "header only", bytes: Array("a,b\n".utf8), target: nil, expected: ["no data rows"]),
        CSVCase(name: "duplicate columns", bytes: Array("a,b,a\n1,2,3\n".utf8), target: nil, expected: ["duplicate", "`a`"]),
        CSVCase(name: "missing target", bytes: Array("sepal,species\n1,x\n".utf8), target: "specis", expected: ["specis", "did you mean `species`?"]),
    ]

    @Test(arguments: csvCases)
    func csv(_ testCase: CSVCase) {
        let directory = TemporaryDirectory()
        let file = directory.write("bad.csv", testCase.bytes)
        let harness = Harness()
        harness.run("load good from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        let target = testCase.target.map { " target=\($0)" } ?? ""
        let message = harness.error("load good from \"\(file)\"\(target)")
        for part in testCase.expected { #expect(message.contains(part), "\(message)") }
        #expect(message.contains("bad.csv"))
        #expect(harness.session.datasets["good"]?.frame.rowCount == 150, "a failed load must leave the earlier dataset as it was")
        #expect(harness.session.datasetOrder == ["good"])
    }

    @Test func missingFile() {
        let harness = Harness()
        let message = harness.error("load x from \"/nonexistent/data.csv\"")
        #expect(message.contains("/nonexistent/data.csv"))
        #expect(harness.session.datasets.isEmpty)
    }

    struct LineCase: CustomTestStringConvertible, Sendable {
        let line: String
        let expected: String
        var testDescription: String { line }
    }

    static let lineCases: [LineCase] = [
        LineCase(line: "trian m = logistic on train", expected: "unknown command `trian`"),
        LineCase(line: "split iris into a, b ratoi=0.5", expected: "unknown option `ratoi` for `split`"),
        LineCase(line: "train m = forrest on train", expected: "unknown algorithm `forrest`"),
        LineCase(line: "show iris rows=many", expected: "option `rows`: expected a whole number ≥ 1, got a word `many`"),
        LineCase(line: "train m = logistic train", expected: "expected `on` after `logistic`, found `train`"),
        LineCase(line: "load x from \"a.csv", expected: "unterminated string"),
        LineCase(line: "train m = logistic on train C=-1", expected: "option `C`"),
        LineCase(line: "train m = logistic on nothing", expected: "unknown dataset `nothing`"),
        LineCase(line: "evaluate nobody on test", expected: "unknown model `nobody`"),
        LineCase(line: "print lr.tset.accuracy", expected: "unknown value `lr.tset.accuracy`"),
        LineCase(line: "split iris into a, a", expected: "the two parts need different names"),
        LineCase(line: "split iris into iris, rest", expected: "`iris` is the dataset being split; name the parts differently"),
        LineCase(line: "train f = forest on train trees=0", expected: "option `trees`: must be a whole number ≥ 1, got 0"),
        LineCase(line: "train k = knn on train k=-1", expected: "option `k`: must be a whole number ≥ 1, got -1"),
        LineCase(line: "train g = boost on train rate=2", expected: "option `rate`: must be a number > 0 and ≤ 1, got 2"),
        LineCase(line: "train g = boost on train patience=-1", expected: "option `patience`: must be a whole number ≥ 0, got -1"),
        LineCase(line: "train g = boost on train validation=0.6", expected: "option `validation`: must be a number > 0 and ≤ 0.5, got 0.6"),
        LineCase(line: "train g = boost on train min_child_weight=-1", expected: "option `min_child_weight`: must be a number ≥ 0, got -1"),
        LineCase(line: "train t = tree on train criterion=gni", expected: "did you mean `gini`?"),
        LineCase(line: "tune b = knn on train k=[]", expected: "empty list"),
        LineCase(line: "cv knn on train folds=1", expected: "option `folds`: must be a whole number ≥ 2, got 1"),
        LineCase(line: "compare lr on test", expected: "`compare` needs two or more models"),
        LineCase(line: "compare lr, lr on test by=rsme", expected: "unknown metric `rsme` for classification"),
        LineCase(line: "plot roc nobody on test", expected: "unknown model `nobody`"),
        LineCase(line: "train m = tree on train target=petal_width_cm", expected: "`train` is loaded with the target `species`, not `petal_width_cm`"),
        LineCase(line: "cv tree on \"\(packageRoot)/samples/data/wine.csv\"", expected: "`wine` has no target column to learn"),
        LineCase(line: "tune t = tree on \"\(packageRoot)/samples/data/wine.csv\" target=cultivr depth=[2]", expected: "no column named `cultivr`"),
    ]

    @Test(arguments: lineCases)
    func line(_ testCase: LineCase) {
        let harness = Harness()
        harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        harness.run("split iris into train, test seed=1")
        harness.run("train lr = logistic on train")
        harness.run("evaluate lr on test")
        let datasets = harness.session.datasetOrder
        let models = harness.session.modelOrder
        let message = harness.error(testCase.line)
        #expect(message.contains(testCase.expected), "\(message)")
        #expect(harness.session.datasetOrder == datasets)
        #expect(harness.session.modelOrder == models)
    }

    @Test func compareRefusesModelsOfDifferentTargets() {
        let harness = Harness()
        harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        harness.run("load sizes from \"\(packageRoot)/samples/data/iris.csv\" target=petal_width_cm")
        harness.run("train a = logistic on iris")
        harness.run("train b = linear on sizes")
        #expect(harness.error("compare a, b on iris").contains("only models of the same target compare"))
    }

    @Test func aSingleClassTargetIsRefusedAndNothingIsTrained() {
        let directory = TemporaryDirectory()
        let file = directory.write("one.csv", "x,label\n1,a\n2,a\n3,a\n")
        let harness = Harness()
        harness.run("load one from \"\(file)\" target=label")
        #expect(harness.error("train m = logistic on one").contains("`a`"))
        #expect(harness.session.models.isEmpty)
    }
}
