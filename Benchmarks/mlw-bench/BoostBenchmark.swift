import Foundation
import Learning

/// `mlw-bench boost PATH`: time `train(.boost, …)` on a CSV file (target = last column,
/// or `--target`), as mlw's `train` does: preprocessing, the XGBoost DMatrix, the rounds
/// and saving the booster JSON; then one prediction of every row. `--algorithm` times
/// another algorithm the same way (`knn`, `linear`, `bayes`, …) with its defaults.
///
/// `mlw-bench fit` is the general form (any algorithm and parameters, scored on a
/// held-out file); both share `Fitting`.
///
/// Prints `{"name":"boost","rows":…,"seconds_median":…,"train_accuracy":…, …}`. With
/// `--export PREFIX` it also writes `PREFIX.json` (the booster, as `export` writes it),
/// `PREFIX-design.csv` (the design matrix the booster reads, headed by its column names)
/// and `PREFIX-predictions.csv` (mlw's predictions on those rows), for checking the model
/// in Python's xgboost.
enum BoostBenchmark: Benchmark {
    static let name = "boost"
    static let usage = "boost PATH [--rounds N] [--threads N] [--repeat N] [--warmup N] [--target NAME] [--export PREFIX] [--algorithm NAME]"
    static let summary = "Fit gradient-boosted trees (XGBoost hist) N times (default 3) and report the median fit time."
    static let arguments = ArgumentSpec(positionals: ["PATH"],
                                        options: ["rounds", "threads", "repeat", "warmup", "target", "export", "algorithm"])

    static func run(_ arguments: ParsedArguments) throws -> JSONObject {
        let path = arguments.positionals[0]
        let rounds = try arguments.integer("rounds", default: 100, in: 1...100_000)
        let threads = try arguments.integer("threads", default: 2, in: 1...1024)
        let count = try arguments.integer("repeat", default: 3, in: 1...1000)
        let warmup = try arguments.integer("warmup", default: 0, in: 0...1000)
        let frame = try Fitting.table(path, target: arguments.options["target"])
        let algorithm = try Fitting.algorithm(arguments.options["algorithm"] ?? "boost")
        let parameters: [String: ParameterValue] =
            algorithm == .boost ? ["rounds": .int(rounds), "threads": .int(threads)] : [:]
        let (timings, model) = try Fitting.measure(algorithm, on: frame, parameters: parameters,
                                                   seed: 0, count: count, warmup: warmup)
        let clock = ContinuousClock()
        let start = clock.now
        let predictions = try model.predict(frame)
        let predictSeconds = (clock.now - start).seconds
        let metrics = try evaluate(model, on: frame)

        var result = JSONObject()
        result["name"] = .string(name)
        result["file"] = .string(path)
        result["algorithm"] = .string(algorithm.rawValue)
        result["rows"] = .integer(frame.rowCount)
        result["features"] = .integer(model.preprocessor.outputWidth)
        result["rounds"] = .integer(rounds)
        result["threads"] = .integer(threads)
        result.addTimings(timings, prefix: "seconds")
        result["predict_seconds"] = .number(rounded(predictSeconds, places: 4))
        result.addScores(metrics, prefix: "train")
        if let prefix = arguments.options["export"] {
            try export(model, frame: frame, predictions: predictions, prefix: prefix)
            result["export"] = .string(prefix)
        }
        return result
    }

    private static func export(_ model: TrainedModel, frame: DataFrame, predictions: Predictions,
                               prefix: String) throws {
        try exportXGBoostJSON(model).write(to: URL(fileURLWithPath: prefix + ".json"))
        let x = try model.preprocessor.transform(frame)
        var design = model.preprocessor.outputNames.joined(separator: ",") + "\n"
        for row in 0..<x.rowCount {
            design += (0..<x.columnCount).map { "\(x[row, $0])" }.joined(separator: ",") + "\n"
        }
        try design.write(toFile: prefix + "-design.csv", atomically: true, encoding: .utf8)
        var lines: String
        switch predictions {
        case .classes(let classes):
            lines = classes.classes.joined(separator: ",") + "\n"
            let width = classes.classes.count
            for row in 0..<classes.count {
                lines += (0..<width).map { "\(classes.probabilities[row * width + $0])" }.joined(separator: ",") + "\n"
            }
        case .values(let values):
            lines = "value\n" + values.map { "\($0)\n" }.joined()
        }
        try lines.write(toFile: prefix + "-predictions.csv", atomically: true, encoding: .utf8)
    }
}
