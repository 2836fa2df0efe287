import Foundation
import Learning
import Testing

@Suite struct TreeOracleDumpTests {
    @Test(arguments: ["iris", "wine", "breast_cancer", "titanic", "hmda_mortgage", "diabetes_raw", "computers"])
    func dump(dataset: String) throws {
        var frame = try EstimatorFixtures.dataset(dataset)
        frame.columns.removeAll { $0.name == "month" }
        let (trainRows, testRows) = try EstimatorFixtures.holdout(dataset)
        for algorithm in [Algorithm.tree, .forest] {
            let model = try train(algorithm, on: frame.selecting(rows: trainRows), parameters: [:], seed: 0)
            let predictions = try model.predict(frame.selecting(rows: testRows))
            let text: String
            switch predictions {
            case .classes(let p): text = p.labels.joined(separator: "\n")
            case .values(let v): text = v.map { "\($0)" }.joined(separator: "\n")
            }
            try text.write(toFile: "/tmp/treeoracle/swift.\(dataset).\(algorithm.rawValue).txt", atomically: true, encoding: .utf8)
        }
    }
}
