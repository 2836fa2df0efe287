import Foundation
@testable import Learning
import Testing

/// Baselines, data-quality checks and batch reports on small hand-written frames.
@Suite struct MonitorBaselineTests {
    /// 20 rows: `size` 1…20, `colour` red/blue, `note` with one missing value; target `y`.
    static let training = "size,colour,note,y\n" + (1...20).map { i in
        "\(i),\(i % 2 == 0 ? "red" : "blue"),\(i == 3 ? "" : "n\(i % 3)"),\(i % 2 == 0 ? "yes" : "no")"
    }.joined(separator: "\n") + "\n"

    static func baseline() throws -> (MonitorBaseline, TrainedModel) {
        let frame = try DataFixtures.read(training, target: "y")
        let model = try train(.tree, on: frame, seed: 1)
        return (try MonitorBaseline(model: model, data: frame), model)
    }

    @Test func theBaselineProfilesEveryFeatureAndThePredictions() throws {
        let (baseline, _) = try Self.baseline()
        #expect(baseline.features.map(\.name) == ["size", "colour", "note"])
        let size = baseline.features[0]
        #expect(size.kind == .numeric && size.numbers?.min == 1 && size.numbers?.max == 20 && size.completeness == 1)
        #expect(baseline.features[1].levels == ["blue", "red"] && baseline.features[1].levelCounts == [10, 10])
        #expect(baseline.features[2].missing == 1)
        #expect(baseline.prediction.levels?.isEmpty == false && baseline.rows == 20)
        // Stored as JSON and read back, it is the same baseline.
        #expect(try MonitorBaseline(jsonData: baseline.jsonData()) == baseline)
    }

    @Test func aSketchKeepsEveryValueSoDriftNeedsNoReferenceRows() throws {
        let values = (0..<5000).map { Double($0 % 97) * 0.5 }
        let sketch = ValueSketch(values)
        #expect(sketch.values.count == 97 && sketch.total == 5000)
        #expect(sketch.expanded() == values.sorted())
        let current = (0..<300).map { Double($0 % 89) * 0.55 }
        let fromRows = try #require(KolmogorovSmirnovTest(reference: values, current: current))
        let fromSketch = try #require(KolmogorovSmirnovTest(reference: sketch.expanded(), current: current))
        #expect(fromRows == fromSketch)
    }

    @Test func aSketchOfMoreDistinctValuesThanItsLimitKeepsQuantiles() {
        let values = (0..<(ValueSketch.exactLimit + 10)).map { Double($0) }
        let sketch = ValueSketch(values)
        #expect(sketch.values.count <= ValueSketch.exactLimit)
        #expect(sketch.values.first == 0 && sketch.values.last == Double(ValueSketch.exactLimit + 9))
        #expect(sketch.total == ValueSketch.exactLimit)
    }

    @Test(arguments: [
        ("size,colour,note,y\n5,red,n1,yes\n", [QualityViolation.Check]()),
        ("size,colour,y\n5,red,yes\n", [.missingColumn]),
        ("size,colour,note,extra,y\n5,red,n1,1,yes\n", [.extraColumn]),
        ("size,colour,note,y\nbig,red,n1,yes\n", [.wrongType]),
        ("size,colour,note,y\n5,green,n1,yes\n", [.unseenCategory]),
        ("size,colour,note,y\n21,red,n1,yes\n", []),  // 21 is within 1 … 20 ± 10 % of the width (1.9)
        ("size,colour,note,y\n23,red,n1,yes\n", [.outOfRange]),
        ("size,colour,note,y\n5,red,,yes\n6,blue,n1,no\n", [.completeness]),
    ])
    func dataQualityFindsWhatTheBatchBreaks(_ csv: String, _ expected: [QualityViolation.Check]) throws {
        let (baseline, _) = try Self.baseline()
        let batch = try DataFixtures.read(csv)
        #expect(DataQualityCheck.violations(baseline: baseline, batch: batch).map(\.check) == expected)
    }

    @Test func aBatchReportComparesEveryFeatureAndSaysWhy() throws {
        let (baseline, model) = try Self.baseline()
        let batch = try DataFixtures.read("size,colour,note,y\n" + (11...30).map { "\($0),red,n1,yes" }.joined(separator: "\n") + "\n",
                                          target: "y")
        let report = try BatchReport(baseline: baseline, model: model, batch: batch)
        #expect(report.rows == 20 && report.comparedFeatures == 3)
        let size = try #require(report.features.first { $0.name == "size" }?.drift)
        #expect(size.method == .ks && size.reason == "KS: 20 reference rows, numeric, 30 distinct values", "\(size.reason)")
        #expect(report.features.first { $0.name == "colour" }?.drift?.method == .z)
        #expect(report.driftDetected == (report.driftShare >= 0.5))
        #expect(report.metrics["accuracy"] != nil && report.errors.count == 20)
        #expect(report.violations.map(\.check) == [.outOfRange])
    }

    @Test func aBatchWithNoRowsIsAnError() throws {
        let (baseline, model) = try Self.baseline()
        var batch = try DataFixtures.read(Self.training, target: "y")
        batch = batch.selecting(rows: [])
        #expect(throws: LearningError.self) { try BatchReport(baseline: baseline, model: model, batch: batch) }
    }
}
