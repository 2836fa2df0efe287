import Foundation
import Learning

/// Test-only access to the shared datasets and scikit-learn reference figures, with a
/// tiny CSV reader of its own (numeric columns, or text columns as categorical with
/// sorted levels; empty field = missing; target = last column).
enum EstimatorFixtures {
    /// `<package root>/../shared`, found from this file (4 levels below the root).
    static let shared: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    /// The dataset `name` (`iris`, `titanic`, ...) with its last column as target.
    static func dataset(_ name: String) throws -> DataFrame {
        let text = try String(contentsOf: shared.appendingPathComponent("datasets/\(name).csv"), encoding: .utf8)
        return frame(csv: text)
    }

    /// Parses simple CSV text (no quoting) into a frame whose target is the last column.
    static func frame(csv text: String) -> DataFrame {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields = [[String]](repeating: [], count: header.count)
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for (index, cell) in cells.enumerated() { fields[index].append(String(cell)) }
        }
        let columns = zip(header, fields).map { name, values in column(name, values) }
        return DataFrame(columns: columns, target: header.last)
    }

    /// A column from text fields: numeric when every non-empty field is a number.
    static func column(_ name: String, _ values: [String]) -> Column {
        let numbers = values.map { $0.isEmpty ? Double.nan : Double($0) }
        if numbers.allSatisfy({ $0 != nil }) {
            return .numeric(name, numbers.map { $0! })
        }
        let levels = Set(values.filter { !$0.isEmpty }).sorted()
        var code: [String: Int32] = [:]
        for (index, level) in levels.enumerated() { code[level] = Int32(index) }
        return .categorical(name, codes: values.map { code[$0] ?? -1 }, levels: levels)
    }

    /// The scikit-learn hold-out rows of `name`: (train rows, test rows), 0-based.
    static func holdout(_ name: String) throws -> (train: [Int], test: [Int]) {
        let text = try String(contentsOf: shared.appendingPathComponent("reference/splits/\(name)_splits.csv"),
                              encoding: .utf8)
        var train: [Int] = [], test: [Int] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",")
            guard let row = Int(cells[0]) else { continue }
            if cells[1] == "train" { train.append(row) } else { test.append(row) }
        }
        return (train, test)
    }

    private struct Accuracy: Decodable {
        struct Entry: Decodable {
            let dataset: String
            let model: String
            let test_accuracy: Double
        }
        let classification: [Entry]
    }

    /// scikit-learn's hold-out test accuracy of `model` on `dataset`.
    static func sklearnAccuracy(_ dataset: String, model: String) throws -> Double {
        let data = try Data(contentsOf: shared.appendingPathComponent("reference/sklearn-accuracy.json"))
        let figures = try JSONDecoder().decode(Accuracy.self, from: data)
        guard let entry = figures.classification.first(where: { $0.dataset == dataset && $0.model == model }) else {
            throw LearningError("no reference figure for \(model) on \(dataset)")
        }
        return entry.test_accuracy
    }

    /// A small mixed frame: numeric `x`, categorical `colour`, boolean `flag`, target `label`.
    static func mixed(missing: Bool = false) -> DataFrame {
        let n = 60
        var x: [Double] = [], colour: [Int32] = [], flag: [Int32] = [], label: [Int32] = []
        for i in 0..<n {
            let value = Double((i * 37) % 23) / 4
            x.append(missing && i % 7 == 0 ? .nan : value)
            colour.append(missing && i % 11 == 3 ? -1 : Int32(i % 3))
            flag.append(missing && i % 13 == 5 ? -1 : Int32((i / 2) % 2))
            let score = value + (i % 3 == 0 ? 2 : 0) - ((i / 2) % 2 == 1 ? 1.5 : 0)
            label.append(missing && i % 17 == 9 ? -1 : (score > 4.5 ? 2 : score > 2.5 ? 1 : 0))
        }
        return DataFrame(columns: [
            .numeric("x", x),
            .categorical("colour", codes: colour, levels: ["blue", "green", "red"]),
            .categorical("flag", codes: flag, levels: ["no", "yes"], kind: .boolean),
            .categorical("label", codes: label, levels: ["high", "low", "mid"].sorted()),
        ], target: "label")
    }

    /// A small regression frame with target `y`.
    static func numericTarget() -> DataFrame {
        let x = (0..<20).map { Double($0) }
        return DataFrame(columns: [.numeric("x", x), .numeric("y", x.map { 2 * $0 + 1 })], target: "y")
    }
}
