import Foundation
import Learning
import Testing

/// The contract `reproduce run N` relies on: a run records the algorithm, the seed, the data's bytes and
/// the hyperparameters as text (`model.parameters.mapValues(\.description)`); reading the text back with
/// `parameterValues(fromText:)` and training again on the same bytes gives a byte-identical artifact,
/// for every algorithm on every kind of target it learns.
@Suite struct ReproduceContractTests {
    enum Target: String, Sendable {
        case classification, regression
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let algorithm: Algorithm
        let target: Target
        var testDescription: String { "\(algorithm.rawValue) (\(target.rawValue))" }
    }

    /// Every algorithm, on each kind of target it supports.
    static let cases: [Case] = Algorithm.allCases.flatMap { algorithm in
        (algorithm.supportsClassification ? [Case(algorithm: algorithm, target: .classification)] : [])
            + (algorithm.supportsRegression ? [Case(algorithm: algorithm, target: .regression)] : [])
    }

    static let seed: UInt64 = 20_261_122

    /// 48 rows: numeric `x` and `z`, categorical `colour`, boolean `flag`, a categorical `label` and a
    /// numeric `y`; missing values spelled three ways in several columns, target values included.
    static let csv: String = {
        var lines = ["x,colour,flag,z,label,y"]
        let colours = ["red", "green", "blue", "amber"]
        for i in 0..<48 {
            let x = Double((i * 37) % 23) / 4 + Double(i % 5) * 0.1
            let z = Double((i * 11) % 17) - 8.5
            let colour = colours[(i * 7) % 4]
            let flag = (i / 3) % 2 == 0 ? "yes" : "no"
            let score = x + (colour == "red" ? 2 : 0) - (flag == "no" ? 1.5 : 0) + z / 10
            let label = score > 4.5 ? "high" : score > 2.5 ? "mid" : "low"
            let y = 1.5 * x - 0.25 * z + (colour == "blue" ? 3 : 0) + Double((i * 13) % 7) / 10
            lines.append([
                i % 9 == 4 ? "" : String(x),
                i % 10 == 7 ? "NA" : colour,
                i % 13 == 2 ? "" : flag,
                i % 11 == 6 ? "?" : String(z),
                i == 45 ? "" : label,
                i == 46 ? "NA" : String(y),
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// The frame for `target`, read from fresh bytes each time, as `reproduce` reads a stored snapshot.
    static func frame(_ target: Target) throws -> DataFrame {
        let bytes = Array(csv.utf8)
        let table = try CSVReader.read(data: bytes, name: "reproduce.csv", separator: UInt8(ascii: ","),
                                       target: target == .classification ? "label" : "y")
        var frame = table.frame
        // One target only: the other target column is not a feature.
        frame.columns.removeAll { $0.name == (target == .classification ? "y" : "label") }
        return frame
    }

    /// A value other than the default for every parameter of `algorithm`, some of them doubles whose
    /// shortest text has 17 digits (`0.1 + 0.2`), so that a lossy text form would change the model.
    static func nonDefaultParameters(_ algorithm: Algorithm, _ target: Target) -> [String: ParameterValue] {
        let tree: [String: ParameterValue] = [
            "criterion": .string(target == .classification ? "entropy" : "squared_error"),
            "depth": .int(4), "min_leaf": .int(2), "min_split": .int(5),
        ]
        switch algorithm {
        case .baseline: return [:]
        case .logistic: return ["C": .double(0.1 + 0.2), "max_iter": .int(300), "tol": .double(1e-7 / 3)]
        case .linear: return ["alpha": .double(1.0 / 3)]
        case .knn: return ["k": .int(3), "weights": .string("distance")]
        case .bayes: return ["var_smoothing": .double(7e-9 * 1.1)]
        case .boost:
            // patience and validation hold out 12 of the 47 rows and stop early.
            return ["rounds": .int(9), "rate": .double(0.1 * 3), "depth": .int(3), "min_child_weight": .double(1.0 / 3 + 1),
                    "patience": .int(3), "validation": .double(0.25), "threads": .int(1)]
        case .tree: return tree
        case .forest: return tree.merging(["trees": .int(7), "features": .string("log2")]) { $1 }
        }
    }

    @Test func everyParameterIsGivenANonDefaultValue() {
        for algorithm in Algorithm.allCases {
            for target in [Target.classification, .regression] {
                let given = Self.nonDefaultParameters(algorithm, target)
                #expect(Set(given.keys) == Set(algorithm.parameters.map(\.name)), "\(algorithm)")
                for spec in algorithm.parameters where target != .regression || spec.name != "criterion" {
                    #expect(given[spec.name] != spec.defaultValue(regression: target == .regression), "\(algorithm).\(spec.name)")
                }
            }
        }
    }

    @Test(arguments: cases)
    func parametersAsTextRetrainToIdenticalBytes(_ testCase: Case) throws {
        let algorithm = testCase.algorithm
        let model = try train(algorithm, on: Self.frame(testCase.target),
                              parameters: Self.nonDefaultParameters(algorithm, testCase.target), seed: Self.seed)

        let text = model.parameters.mapValues(\.description)
        let values = try algorithm.parameterValues(fromText: text)
        #expect(values == model.parameters)

        let again = try train(algorithm, on: Self.frame(testCase.target), parameters: values, seed: Self.seed)
        let original = try model.jsonData()
        let reproduced = try again.jsonData()
        #expect(reproduced == original, "\(String(decoding: reproduced, as: UTF8.self))")
        #expect(again == model)
    }

    @Test(arguments: cases)
    func decodingAndEncodingKeepsTheBytes(_ testCase: Case) throws {
        let algorithm = testCase.algorithm
        let model = try train(algorithm, on: Self.frame(testCase.target),
                              parameters: Self.nonDefaultParameters(algorithm, testCase.target), seed: Self.seed)
        let bytes = try model.jsonData()
        let decoded = try TrainedModel(jsonData: bytes)
        #expect(try decoded.jsonData() == bytes)
        #expect(decoded == model)
        let frame = try Self.frame(testCase.target)
        #expect(try decoded.predict(frame) == model.predict(frame))
    }

    /// `alpha=-0.0` is in alpha's range (`≥ 0`), but its text is `0`: the model must record +0, or the
    /// artifact written again from the text differs in one byte (`{"double":-0}` against `{"double":0}`).
    @Test func negativeZeroIsRecordedAsZero() throws {
        let model = try train(.linear, on: Self.frame(.regression), parameters: ["alpha": .double(-0.0)], seed: Self.seed)
        guard case .double(let alpha) = model.parameters["alpha"] else {
            Issue.record("alpha is not a double")
            return
        }
        #expect(alpha.sign == .plus)
        let values = try Algorithm.linear.parameterValues(fromText: model.parameters.mapValues(\.description))
        let again = try train(.linear, on: Self.frame(.regression), parameters: values, seed: Self.seed)
        #expect(try again.jsonData() == model.jsonData())
    }

    @Test(arguments: Algorithm.allCases)
    func defaultParametersAsTextReadBackAsDefaults(_ algorithm: Algorithm) throws {
        let defaults = Dictionary(uniqueKeysWithValues: algorithm.parameters.map { ($0.name, $0.defaultValue) })
        #expect(try algorithm.parameterValues(fromText: defaults.mapValues(\.description)) == defaults)
        #expect(try algorithm.parameterValues(fromText: [:]) == [:])
    }

    @Test func textIsReadByTheParameterKind() throws {
        #expect(try Algorithm.forest.parameterValues(fromText: ["trees": "100", "features": "sqrt", "depth": "0"])
                == ["trees": .int(100), "features": .string("sqrt"), "depth": .int(0)])
        // A number written without a fraction is still a double for a double parameter, and an integral
        // number is an integer for an integer parameter, as `train` canonicalises typed values.
        #expect(try Algorithm.logistic.parameterValues(fromText: ["C": "2", "max_iter": "2.0", "tol": "1e-05"])
                == ["C": .double(2), "max_iter": .int(2), "tol": .double(1e-5)])
        #expect(try Algorithm.logistic.parameterValues(fromText: ["C": "0.30000000000000004"])
                == ["C": .double(0.1 + 0.2)])
    }

    static let badText: [(Algorithm, [String: String], String)] = [
        (.forest, ["leaves": "4"],
         "unknown parameter `leaves` for forest; valid parameters: trees, features, criterion, depth, min_leaf, min_split"),
        (.baseline, ["C": "1"], "unknown parameter `C`: baseline takes no parameters"),
        (.forest, ["trees": "many"], "`trees` must be an integer ≥ 1, got \"many\""),
        (.forest, ["trees": ""], "`trees` must be an integer ≥ 1, got \"\""),
        (.forest, ["trees": "2.5"], "`trees` must be an integer ≥ 1, got 2.5"),
        (.forest, ["trees": "0"], "`trees` must be ≥ 1, got 0"),
        (.forest, ["features": "half"], "`features` must be one of auto, sqrt, log2, all, got \"half\""),
        (.logistic, ["C": "nan"], "`C` must be a number > 0, got \"nan\""),
        (.logistic, ["C": "inf"], "`C` must be a number > 0, got \"inf\""),
        (.logistic, ["C": "1,5"], "`C` must be a number > 0, got \"1,5\""),
        (.logistic, ["C": "-1"], "`C` must be > 0, got -1"),
        (.knn, ["k": " 3"], "`k` must be an integer ≥ 1, got \" 3\""),
    ]

    @Test(arguments: badText)
    func badTextNamesTheParameterAndWhatItTakes(algorithm: Algorithm, text: [String: String], message: String) {
        #expect(throws: LearningError(message)) {
            try algorithm.parameterValues(fromText: text)
        }
    }
}
