import Dispatch
import Foundation
import Learning

/// `mlw-bench drift BASELINE BATCH`: time the per-column drift report of a batch against a baseline, as
/// mlw's drift report computes it: `FeatureDrift.compare(reference:current:)` on every column of the
/// baseline (matched by name in the batch), the columns spread over the cores with
/// `DispatchQueue.concurrentPerform`.
///
/// Both files are read once with `CSVReader.read` (not timed). The report with each column's default method
/// (Evidently's choice: normalised Wasserstein above 1,000 reference rows) is timed `--repeat` times; then
/// the same with the KS test forced on every column, the work of SciPy's `ks_2samp` per column.
///
/// Prints `{"name":"drift","baseline_rows":…,"batch_rows":…,"columns":…,"report_s_median":…,
/// "ks_s_median":…,"drifted":…,"methods":{…},"columns_drifted":"f0,…",…}`; `goal_s` is the bound for
/// the report and `met` whether its median stayed under it.
enum DriftBenchmark: Benchmark {
    static let name = "drift"
    static let usage = "drift BASELINE BATCH [--repeat N]"
    static let summary = "Time the drift report (FeatureDrift.compare on every column, columns over both cores) of BATCH against BASELINE, median of N (default 5), then the same with KS forced."
    static let arguments = ArgumentSpec(positionals: ["BASELINE", "BATCH"], options: ["repeat"])

    static let goalSeconds = 1.0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: ParsedArguments) throws -> JSONObject {
        let baselinePath = arguments.positionals[0], batchPath = arguments.positionals[1]
        let count = try arguments.integer("repeat", default: 5, in: 1...1000)

        let clock = ContinuousClock()
        let loadStart = clock.now
        let baseline = try CSVReader.read(path: baselinePath).frame
        let batch = try CSVReader.read(path: batchPath).frame
        let loadSeconds = (clock.now - loadStart).seconds
        var pairs: [(reference: Column, current: Column)] = []
        for column in baseline.columns {
            guard let current = batch.column(named: column.name) else {
                throw Failure(description: "column `\(column.name)` of \(baselinePath) is not in \(batchPath)")
            }
            pairs.append((column, current))
        }

        let pressureBefore = cpuPressure()
        let (timings, report) = try Timings.measure(count: count) { try driftReport(pairs, method: nil) }
        let (ksTimings, ksReport) = try Timings.measure(count: count) { try driftReport(pairs, method: .ks) }
        let pressureAfter = cpuPressure()

        var methods = JSONObject()
        for method in DriftMethod.allCases {
            let used = report.filter { $0.method == method }.count
            if used > 0 { methods[method.rawValue] = .integer(used) }
        }
        let drifted = zip(pairs, report).filter { $0.1.drifted }.map { $0.0.reference.name }
        let ksDrifted = zip(pairs, ksReport).filter { $0.1.drifted }.map { $0.0.reference.name }
        var result = JSONObject()
        result["name"] = .string(name)
        result["baseline"] = .string(baselinePath)
        result["batch"] = .string(batchPath)
        result["baseline_rows"] = .integer(baseline.rowCount)
        result["batch_rows"] = .integer(batch.rowCount)
        result["columns"] = .integer(pairs.count)
        result["report_s_median"] = .number(rounded(timings.median, places: 6))
        result["report_s_min"] = .number(rounded(timings.minimum, places: 6))
        result["report_s_all"] = .numbers(timings.seconds.map { rounded($0, places: 6) })
        result["ks_s_median"] = .number(rounded(ksTimings.median, places: 6))
        result["ks_s_min"] = .number(rounded(ksTimings.minimum, places: 6))
        result["ks_s_all"] = .numbers(ksTimings.seconds.map { rounded($0, places: 6) })
        result["repeat"] = .integer(count)
        result["goal_s"] = .number(goalSeconds)
        result["met"] = .bool(timings.median < goalSeconds)
        result["methods"] = .object(methods)
        result["drifted"] = .integer(drifted.count)
        result["columns_drifted"] = .string(drifted.joined(separator: ","))
        result["ks_drifted"] = .integer(ksDrifted.count)
        result["reason_first"] = .string(report.first?.reason ?? "")
        result["load_s"] = .number(rounded(loadSeconds, places: 3))
        result["cores"] = .integer(ProcessInfo.processInfo.activeProcessorCount)
        if let pressureBefore { result["psi_avg10_before"] = .number(pressureBefore) }
        if let pressureAfter { result["psi_avg10_after"] = .number(pressureAfter) }
        return result
    }

    /// Every column's drift, the columns compared concurrently, in column order.
    static func driftReport(_ pairs: [(reference: Column, current: Column)], method: DriftMethod?) throws -> [FeatureDrift] {
        let results = ResultSlots<FeatureDrift>(count: pairs.count)
        DispatchQueue.concurrentPerform(iterations: pairs.count) { index in
            let pair = pairs[index]
            results.set(index, Result { () throws(LearningError) in
                try FeatureDrift.compare(reference: pair.reference, current: pair.current, method: method)
            })
        }
        return try results.values()
    }
}

/// One result slot per concurrent iteration, each written by exactly one iteration.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, LearningError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, LearningError>) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }

    func values() throws(LearningError) -> [Value] {
        try slots.map { slot throws(LearningError) in try slot!.get() }
    }
}
