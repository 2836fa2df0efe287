import Foundation
import Learning
import Testing

/// Least squares and ridge against scikit-learn's `LinearRegression` and
/// `Ridge(alpha=1.0)` on the reference rows, and their own contract.
@Suite struct LinearModelTests {
    static let cases: [(String, String, Double)] = [
        ("diabetes_raw", "LinearRegression", 0), ("diabetes_raw", "Ridge(alpha=1.0)", 1),
        ("computers", "LinearRegression", 0), ("computers", "Ridge(alpha=1.0)", 1),
    ]

    @Test(arguments: cases)
    func matchesScikitLearn(dataset: String, model: String, alpha: Double) throws {
        let reference = try ReferenceFigures.sklearn(dataset, model: model)
        let mlw = try ReferenceFigures.mlw(.linear, on: dataset, parameters: ["alpha": .double(alpha)])
        print(ReferenceFigures.line(.linear, dataset, mlw: mlw, sklearn: reference) + " alpha=\(alpha)")
        #expect(mlw.holdout >= reference.holdout - 0.02, "\(dataset) hold-out R²")
        #expect(mlw.cv >= reference.cv - 0.02, "\(dataset) CV R²")
    }

    @Test func exactLineIsRecovered() throws {
        let frame = EstimatorFixtures.numericTarget()
        let model = try train(.linear, on: frame, parameters: [:], seed: 0)
        guard case .values(let values) = try model.predict(frame) else { Issue.record("no values"); return }
        for (index, value) in values.enumerated() { #expect(abs(value - (2 * Double(index) + 1)) < 1e-9) }
    }

    @Test func ridgeShrinksTheSlopeButNotTheIntercept() throws {
        // y = 2x + 1 on x = 0…19 (Σ(x - x̄)² = 665): ridge slope = 2·665 / (665 + alpha).
        let frame = EstimatorFixtures.numericTarget()
        let model = try train(.linear, on: frame, parameters: ["alpha": .double(665)], seed: 0)
        let probe = DataFrame(columns: [.numeric("x", [9.5, 10.5])])
        guard case .values(let values) = try model.predict(probe) else { Issue.record("no values"); return }
        #expect(abs(values[0] - 20) < 1e-9)
        #expect(abs(values[1] - values[0] - 1) < 1e-9)
    }

    @Test func classificationIsAnErrorSuggestingLogistic() {
        #expect(throws: LearningError("linear needs a numeric target; `label` is categorical – use logistic")) {
            try train(.linear, on: EstimatorFixtures.mixed(), parameters: [:], seed: 0)
        }
    }

    @Test func negativeAlphaNamesTheOptionAndRange() {
        #expect(throws: LearningError("`alpha` must be ≥ 0, got -1")) {
            try train(.linear, on: EstimatorFixtures.numericTarget(), parameters: ["alpha": .int(-1)], seed: 0)
        }
    }

    /// A regression frame with a constant column, a duplicated column, a categorical
    /// column (collinear one-hot) and missing values in every feature.
    static func awkward(missing: Bool) -> DataFrame {
        let n = 40
        var x: [Double] = [], twin: [Double] = [], colour: [Int32] = [], y: [Double] = []
        for i in 0..<n {
            let value = Double((i * 7) % 13)
            x.append(missing && i % 9 == 0 ? .nan : value)
            twin.append(missing && i % 11 == 4 ? .nan : value)
            colour.append(missing && i % 7 == 2 ? -1 : Int32(i % 3))
            y.append(3 * value + Double(i % 3) - 1)
        }
        return DataFrame(columns: [
            .numeric("x", x), .numeric("twin", twin), .numeric("constant", [Double](repeating: 5, count: n)),
            .categorical("colour", codes: colour, levels: ["blue", "green", "red"]), .numeric("y", y),
        ], target: "y")
    }

    @Test(arguments: [0.0, 1.0])
    func collinearConstantAndMissingFeaturesStillFit(alpha: Double) throws {
        for missing in [false, true] {
            let frame = Self.awkward(missing: missing)
            let model = try train(.linear, on: frame, parameters: ["alpha": .double(alpha)], seed: 0)
            let r2 = try #require(try evaluate(model, on: frame)["r2"])
            #expect(r2.isFinite && r2 > (missing ? 0.8 : 0.99), "alpha \(alpha), missing \(missing): R² \(r2)")
            var unseen = frame.selecting(rows: [0, 1])
            unseen.columns[3] = .categorical("colour", codes: [0, 0], levels: ["purple"])
            guard case .values(let values) = try model.predict(unseen) else { Issue.record("no values"); return }
            #expect(values.allSatisfy { $0.isFinite })
        }
    }

    @Test func sameDataGivesIdenticalModelAndRoundTrips() throws {
        let frame = Self.awkward(missing: true)
        let first = try train(.linear, on: frame, parameters: ["alpha": .double(0.5)], seed: 3)
        let second = try train(.linear, on: frame, parameters: ["alpha": .double(0.5)], seed: 3)
        #expect(try first.jsonData() == second.jsonData())
        let decoded = try TrainedModel(jsonData: first.jsonData())
        #expect(decoded == first)
        #expect(try decoded.predict(frame) == first.predict(frame))
    }
}
