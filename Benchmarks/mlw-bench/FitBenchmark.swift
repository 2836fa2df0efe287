import Learning

/// `mlw-bench fit TRAIN TEST --algorithm NAME`: time `train` on the table in TRAIN (read
/// once, beforehand: the fits run on data in memory) and score the fitted model on TEST.
///
/// Prints `{"name":"fit","algorithm":…,"params":{…},"rows":…,"fit_s_median":…,
/// "fit_s_min":…,"test_accuracy":…, …}`; `params` are the parameters the model was fitted
/// with, defaults filled in. Each `--param key=value` sets one (`--param trees=100`).
/// `--accuracy-seeds N` also fits (untimed) with the next N − 1 seeds and adds
/// `test_accuracy_seeds`, every seed's accuracy, the timed fit's first: one seed's accuracy
/// is a draw, and comparing two random forests takes several.
/// `scripts/bench --only learn` runs it beside scikit-learn on the same two files.
enum FitBenchmark: Benchmark {
    static let name = "fit"
    static let usage = "fit TRAIN TEST --algorithm NAME [--param KEY=VALUE]... [--repeat N] [--warmup N] [--seed N] [--target NAME] "
        + "[--accuracy-seeds N]"
    static let summary = "Fit an algorithm N times (default 3) on TRAIN, report the median fit time and the accuracy (or R²) on TEST."
    static let arguments = ArgumentSpec(positionals: ["TRAIN", "TEST"],
                                        options: ["algorithm", "repeat", "warmup", "seed", "target", "accuracy-seeds"],
                                        repeatable: ["param"])

    static func run(_ arguments: ParsedArguments) throws -> JSONObject {
        let trainPath = arguments.positionals[0]
        let testPath = arguments.positionals[1]
        guard let algorithmName = arguments.options["algorithm"] else {
            throw UsageError("--algorithm is required (forest, boost, logistic, …)")
        }
        let algorithm = try Fitting.algorithm(algorithmName)
        let given = try Fitting.parameters(arguments.lists["param"] ?? [])
        let count = try arguments.integer("repeat", default: 3, in: 1...1000)
        let warmup = try arguments.integer("warmup", default: 0, in: 0...1000)
        let seed = try arguments.integer("seed", default: 0, in: 0...Int.max)
        let accuracySeeds = try arguments.integer("accuracy-seeds", default: 1, in: 1...1000)

        let trainFrame = try Fitting.table(trainPath, target: arguments.options["target"])
        let testFrame = try Fitting.table(testPath, target: trainFrame.target)
        let pressureBefore = cpuPressure()
        let (timings, model) = try Fitting.measure(algorithm, on: trainFrame, parameters: given,
                                                   seed: UInt64(seed), count: count, warmup: warmup)
        let pressureAfter = cpuPressure()
        let metrics = try evaluate(model, on: testFrame)
        var accuracies = [metrics["accuracy"]].compactMap { $0 }
        for extra in 1..<accuracySeeds {
            let another = try train(algorithm, on: trainFrame, parameters: given, seed: UInt64(seed + extra))
            accuracies += [try evaluate(another, on: testFrame)["accuracy"]].compactMap { $0 }
        }

        var result = JSONObject()
        result["name"] = .string(name)
        result["algorithm"] = .string(algorithm.rawValue)
        result["params"] = .object(Fitting.json(model.parameters))
        result["seed"] = .integer(seed)
        result["train"] = .string(trainPath)
        result["test"] = .string(testPath)
        result["rows"] = .integer(trainFrame.rowCount)
        result["test_rows"] = .integer(testFrame.rowCount)
        result["features"] = .integer(model.preprocessor.outputWidth)
        result["repeat"] = .integer(count)
        result["warmup"] = .integer(warmup)
        result.addTimings(timings, prefix: "fit_s")
        result.addScores(metrics, prefix: "test")
        if accuracySeeds > 1 { result["test_accuracy_seeds"] = .numbers(accuracies.map { rounded($0, places: 5) }) }
        if let iterations = model.iterations { result["iterations"] = .integer(iterations) }
        if let pressureBefore { result["psi_avg10_before"] = .number(pressureBefore) }
        if let pressureAfter { result["psi_avg10_after"] = .number(pressureAfter) }
        return result
    }
}
