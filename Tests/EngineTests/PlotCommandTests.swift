import Engine
import Foundation
import Testing

@Suite("plot roc")
struct PlotCommandTests {
    let iris = "\(packageRoot)/samples/data/iris.csv"

    /// Ten classes of 20 rows each along one feature.
    private static func tenClasses(_ directory: TemporaryDirectory) -> String {
        let lines = (0..<200).map { row in "\(Double(row) + Double(row % 7) * 0.9),c\(row / 20)" }
        return directory.write("ten.csv", (["x,y"] + lines).joined(separator: "\n") + "\n")
    }

    @Test func classesBeyondTheChartsMarksAreListedWithTheirAUC() {
        let directory = TemporaryDirectory()
        let harness = Harness()
        harness.run("load d from \"\(Self.tenClasses(directory))\" target=y")
        harness.run("train m = logistic on d")
        let output = harness.run("plot roc m on d").output
        #expect(output.filter { $0.contains(" vs rest: AUC ") && !$0.hasPrefix("not drawn") }.count == 8)
        let undrawn = output.first { $0.hasPrefix("not drawn (a chart holds 8 curves): c8 vs rest: AUC ") }
        #expect(undrawn?.contains("; c9 vs rest: AUC ") == true, "\(output)")
        #expect(harness.session.values["m.d.roc_auc.c9"] != nil)
    }

    @Test func aClassAbsentFromTheDataHasNoCurveAndSaysWhy() {
        let harness = Harness()
        harness.run("load iris from \"\(iris)\" target=species")
        harness.run("train m = logistic on iris")
        // No virginica has a petal shorter than 4.5 cm.
        harness.run("filter iris into two where=\"petal_length_cm < 4.5\"")
        let output = harness.run("plot roc m on two").output
        #expect(!output.contains { $0.contains("AUC nan") })
        #expect(output.filter { $0.contains(" vs rest: AUC ") }.count == 2)
        #expect(output.last == "no curve for `virginica`: a ROC curve needs rows of the class and rows of the rest in two")
    }
}
