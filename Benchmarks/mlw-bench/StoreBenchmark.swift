import Foundation
import Learning
import Store

/// `mlw-bench store`: log N runs into a fresh temporary store, one `logRun` (one transaction) each as mlw
/// logs them, then time the listings `runs` makes over them, with and without a `where=` filter.
///
/// The runs are a fixed pseudo-random mix (seed 1): the 8 algorithms, 2–4 of each algorithm's own parameters
/// (all of them when it has fewer) with their text as mlw records it, classification or regression metrics,
/// train/evaluate/cv kinds with data versions, and every so often a tune run followed by 4–8 child runs.
///
/// Prints `{"name":"store","runs":…,"log_total_s":…,"log_per_run_ms_median":…,
/// "query_top5":{"command":…,"rows":…,"ms_median":…,"ms_max":…,…},…}`; each query is timed `--repeat`
/// times with no warm-up, so `ms_max` includes the first, cold call. `goal_ms` is the issue's bound for a
/// filtered listing; `met` says whether every call of a filtered query stayed under it.
enum StoreBenchmark: Benchmark {
    static let name = "store"
    static let usage = "store [--runs N] [--repeat N] [--seed N]"
    static let summary = "Log N runs (default 10000) one transaction each into a temporary store, then time `runs` listings with and without where= filters, --repeat times each (default 20)."
    static let arguments = ArgumentSpec(positionals: [], options: ["runs", "repeat", "seed"])

    static let goalMilliseconds = 50.0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A listing as `runs` makes it, with the command that asks for it.
    struct Listing {
        var key: String
        var command: String
        var query: RunQuery
        var filtered: Bool { query.predicate != nil }
    }

    static func compare(_ field: String, _ op: ComparisonOp, _ number: Double) -> RunPredicate {
        .compare(field: field, op: op, value: .number(number))
    }

    /// What `RunFilter` makes of each command's `where=`, written out (mlw-bench does not link the engine).
    static let listings: [Listing] = [
        Listing(key: "top5", command: "runs forest by=f1 limit=5",
                query: RunQuery(algorithm: "forest", order: .metric("f1", descending: true), limit: 5)),
        Listing(key: "top5_and", command: #"runs forest by=f1 limit=5 where="f1 > 0.8 and trees >= 100""#,
                query: RunQuery(algorithm: "forest",
                                predicate: .and(compare("f1", .greaterThan, 0.8), compare("trees", .greaterOrEqual, 100)),
                                order: .metric("f1", descending: true), limit: 5)),
        Listing(key: "top10_or", command: #"runs by=accuracy limit=10 where="k <= 3 or depth >= 12 and accuracy > 0.9""#,
                query: RunQuery(predicate: .or(compare("k", .lessOrEqual, 3),
                                               .and(compare("depth", .greaterOrEqual, 12), compare("accuracy", .greaterThan, 0.9))),
                                order: .metric("accuracy", descending: true), limit: 10)),
        Listing(key: "many", command: #"runs where="accuracy > 0.6""#,
                query: RunQuery(predicate: compare("accuracy", .greaterThan, 0.6))),
        // The same filter and a sort over every match, reading one run: what `many` spends besides reading
        // thousands of runs in full.
        Listing(key: "many_top1", command: #"runs by=accuracy limit=1 where="accuracy > 0.6""#,
                query: RunQuery(predicate: compare("accuracy", .greaterThan, 0.6),
                                order: .metric("accuracy", descending: true), limit: 1)),
    ]

    static func run(_ arguments: ParsedArguments) throws -> JSONObject {
        let count = try arguments.integer("runs", default: 10_000, in: 1...10_000_000)
        let repeatCount = try arguments.integer("repeat", default: 20, in: 1...10_000)
        let seed = try arguments.integer("seed", default: 1, in: 0...Int.max)

        let store = try Store.temporary()
        var generator = SeededGenerator(seed: UInt64(seed))
        let datasets = try recordDatasets(store)
        let plan = RunPlan.make(count: count, datasets: datasets, generator: &generator)

        // Logging: one `logRun` per run, as `train`, `evaluate`, `cv` and `tune` do.
        let clock = ContinuousClock()
        var ids: [Int64] = []
        ids.reserveCapacity(plan.count)
        var perRun = Timings()
        perRun.seconds.reserveCapacity(plan.count)
        let loggingStart = clock.now
        for entry in plan {
            var run = entry.run
            if let parent = entry.parentIndex { run.parentRunID = ids[parent] }
            let start = clock.now
            ids.append(try store.logRun(run))
            perRun.seconds.append((clock.now - start).seconds)
        }
        let loggingTotal = (clock.now - loggingStart).seconds
        let logged = try store.runCount()
        guard logged == count else { throw Failure(description: "logged \(count) runs but the store has \(logged)") }

        var result = JSONObject()
        result["name"] = .string(name)
        result["runs"] = .integer(count)
        result["tune_runs"] = .integer(plan.filter { $0.run.kind == .tune }.count)
        result["child_runs"] = .integer(plan.filter { $0.parentIndex != nil }.count)
        result["repeat"] = .integer(repeatCount)
        result["seed"] = .integer(seed)
        result["goal_ms"] = .number(goalMilliseconds)
        result["log_total_s"] = .number(rounded(loggingTotal, places: 3))
        result["log_per_run_ms_mean"] = .number(rounded(loggingTotal / Double(count) * 1e3, places: 3))
        result["log_per_run_ms_median"] = .number(rounded(perRun.median * 1e3, places: 3))
        result["log_per_run_ms_p99"] = .number(rounded(percentile(perRun.seconds, 0.99) * 1e3, places: 3))
        result["log_per_run_ms_max"] = .number(rounded((perRun.seconds.max() ?? 0) * 1e3, places: 3))
        result["db_bytes"] = .integer(databaseBytes(store.directory))

        let pressureBefore = cpuPressure()
        for listing in listings {
            let (timings, rows) = try Timings.measure(count: repeatCount) { try store.runs(listing.query) }
            var entry = JSONObject()
            let maximum = timings.seconds.max() ?? 0
            entry["command"] = .string(listing.command)
            entry["rows"] = .integer(rows.count)
            entry["ms_median"] = .number(rounded(timings.median * 1e3, places: 3))
            entry["ms_max"] = .number(rounded(maximum * 1e3, places: 3))
            entry["ms_first"] = .number(rounded(timings.seconds[0] * 1e3, places: 3))
            entry["ms_all"] = .numbers(timings.seconds.map { rounded($0 * 1e3, places: 3) })
            entry["filtered"] = .bool(listing.filtered)
            if listing.filtered { entry["met"] = .bool(maximum * 1e3 < goalMilliseconds) }
            result["query_\(listing.key)"] = .object(entry)
        }
        if let pressureBefore { result["psi_avg10_before"] = .number(pressureBefore) }
        if let pressureAfter = cpuPressure() { result["psi_avg10_after"] = .number(pressureAfter) }
        return result
    }

    /// Sixteen dataset versions the runs refer to (a run's data must be a recorded version).
    static func recordDatasets(_ store: Store) throws -> [String] {
        try (0..<16).map { index in
            let sha = Store.sha256(Data("dataset \(index)".utf8))
            _ = try store.recordDatasetVersion(DatasetVersionRecord(
                sha256: sha, rows: 100 + index * 37, columns: 5 + index % 7, target: "label",
                origin: "bench/data-\(index).csv"))
            return sha
        }
    }

    /// The size of the SQLite database with its write-ahead log.
    static func databaseBytes(_ directory: String) -> Int {
        ["mlw.sqlite", "mlw.sqlite-wal"].reduce(0) { total, file in
            let path = (directory as NSString).appendingPathComponent(file)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return total + size
        }
    }

    /// The `fraction` quantile of `values` (nearest rank).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

/// The runs to log, in order; a child run names its tune run by its index in the plan.
struct RunPlan {
    var run: NewRun
    var parentIndex: Int?

    static func make(count: Int, datasets: [String], generator: inout SeededGenerator) -> [RunPlan] {
        var plan: [RunPlan] = []
        plan.reserveCapacity(count)
        let tunable: [Algorithm] = [.forest, .knn, .boost, .tree, .logistic]
        while plan.count < count {
            let remaining = count - plan.count
            if remaining >= 9, generator.next(below: 60) == 0 {
                // A tune: the parent, then one cv run per combination tried.
                let algorithm = tunable[generator.next(below: tunable.count)]
                let classification = algorithm.supportsClassification
                let children = 4 + generator.next(below: 5)
                let data = [RunDataRef(sha256: datasets[generator.next(below: datasets.count)], role: "train")]
                let parentIndex = plan.count
                var best = 0.0
                plan.append(RunPlan(run: NewRun(kind: .tune, algorithm: algorithm.rawValue, data: data,
                                                mlwVersion: "bench"), parentIndex: nil))
                for _ in 0..<children {
                    var child = makeRun(.cv, algorithm, classification: classification, data: data, generator: &generator)
                    child.durationSeconds = 0.05 + generator.nextUnit()
                    best = max(best, child.metrics[classification ? "f1" : "r2"] ?? 0)
                    plan.append(RunPlan(run: child, parentIndex: parentIndex))
                }
                plan[parentIndex].run.metrics = [classification ? "f1" : "r2": best]
                continue
            }
            let algorithm = Algorithm.allCases[generator.next(below: Algorithm.allCases.count)]
            let classification = algorithm.supportsClassification
                && (!algorithm.supportsRegression || generator.next(below: 10) < 7)
            let draw = generator.next(below: 10)
            let kind: RunKind = draw < 4 ? .train : draw < 8 ? .evaluate : .cv
            let role = kind == .evaluate ? "test" : "train"
            let data = [RunDataRef(sha256: datasets[generator.next(below: datasets.count)], role: role)]
            var run = makeRun(kind, algorithm, classification: classification, data: data, generator: &generator)
            if kind != .cv {
                let model = plan.count % 300
                run.modelName = "m\(model)"
                run.artifactSHA256 = Store.sha256(Data("artifact \(model)".utf8))
            }
            plan.append(RunPlan(run: run, parentIndex: nil))
        }
        return plan
    }

    /// A run of `algorithm` with 2–4 of its parameters (as text, as mlw records them) and its task's metrics.
    static func makeRun(_ kind: RunKind, _ algorithm: Algorithm, classification: Bool, data: [RunDataRef],
                        generator: inout SeededGenerator) -> NewRun {
        let specs = generator.shuffled(algorithm.parameters)
        let chosen = specs.prefix(min(specs.count, 2 + generator.next(below: 3)))
        var parameters: [String: String] = [:]
        for spec in chosen { parameters[spec.name] = value(spec, classification: classification, &generator).description }
        var metrics: [String: Double] = [:]
        if classification {
            let f1 = 0.5 + 0.49 * generator.nextUnit()
            metrics["f1"] = f1
            metrics["accuracy"] = min(1, f1 + 0.05 * generator.nextUnit())
            metrics["precision"] = min(1, f1 + 0.04 * (generator.nextUnit() - 0.5))
            metrics["recall"] = min(1, f1 + 0.04 * (generator.nextUnit() - 0.5))
            metrics["balanced_accuracy"] = min(1, f1 + 0.02 * generator.nextUnit())
        } else {
            let r2 = 0.95 * generator.nextUnit()
            metrics["r2"] = r2
            metrics["rmse"] = 0.5 + 4 * (1 - r2)
            metrics["mae"] = 0.4 + 3 * (1 - r2)
        }
        if kind == .cv {
            for name in metrics.keys.sorted() { metrics[name + "_std"] = 0.03 * generator.nextUnit() }
        }
        return NewRun(kind: kind, algorithm: algorithm.rawValue, parameters: parameters,
                      seed: UInt64(generator.next(below: 1000)), data: data, metrics: metrics,
                      durationSeconds: 0.01 + generator.nextUnit(), mlwVersion: "bench",
                      sessionFile: "sessions/bench.mlw", sessionLine: 1 + generator.next(below: 400))
    }

    /// A plausible value of `spec`, inside its valid range.
    static func value(_ spec: ParameterSpec, classification: Bool, _ generator: inout SeededGenerator) -> ParameterValue {
        func pick<T>(_ values: [T]) -> T { values[generator.next(below: values.count)] }
        switch (spec.name, spec.kind) {
        case ("trees", _): return .int(pick([10, 50, 100, 200, 500]))
        case ("rounds", _): return .int(pick([50, 100, 200, 400]))
        case ("max_iter", _): return .int(pick([100, 500, 1000, 2000]))
        case ("depth", _): return .int(generator.next(below: 17))
        case ("k", _): return .int(1 + generator.next(below: 30))
        case ("threads", _): return .int(1 + generator.next(below: 2))
        case ("criterion", _): return .string(classification ? pick(["gini", "entropy", "auto"]) : pick(["squared_error", "auto"]))
        case ("rate", _): return .double(pick([0.03, 0.1, 0.3, 0.5]))
        case (_, .int):
            let low = Int(spec.validRange?.lowerBound ?? 0)
            return .int(low + generator.next(below: 10))
        case (_, .double):
            // 10^-4 … 10^2, the spread of C, alpha, tol and var_smoothing.
            return .double((pow(10, -4 + 6 * generator.nextUnit()) * 1e4).rounded() / 1e4 + 1e-4)
        case (_, .bool): return .bool(generator.next(below: 2) == 1)
        case (_, .choice(let words)): return .string(pick(words))
        }
    }
}
