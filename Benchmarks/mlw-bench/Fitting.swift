import Foundation
import Learning

/// What the fitting benchmarks (`fit`, `boost`) share: reading a CSV as a training table,
/// naming an algorithm and its parameters on the command line, and timing `train`.
enum Fitting {
    /// The table in the CSV at `path`, its target `target` or else the last column.
    ///
    /// Parsing is not timed: the benchmarks time fits on data already in memory.
    static func table(_ path: String, target: String?) throws -> DataFrame {
        var frame = try CSVReader.read(path: path, target: target).frame
        if frame.target == nil { frame.target = frame.columns.last?.name }
        return frame
    }

    /// The algorithm called `name` (`forest`, `boost`, `logistic`, …).
    static func algorithm(_ name: String) throws(UsageError) -> Algorithm {
        guard let algorithm = Algorithm(rawValue: name) else {
            let names = Algorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("unknown algorithm '\(name)' (one of \(names))")
        }
        return algorithm
    }

    /// `key=value` assignments as `train` parameters. Values are read as mlw's language
    /// reads them: a whole number, a number, `true`/`false`, or else a word. `train`
    /// validates the names and ranges.
    static func parameters(_ assignments: [String]) throws(UsageError) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("--param wants key=value, not '\(assignment)'")
            }
            let key = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            parameters[key] = value(text)
        }
        return parameters
    }

    static func value(_ text: String) -> ParameterValue {
        if let number = Int(text) { return .int(number) }
        if let number = Double(text), number.isFinite { return .double(number) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .string(text)
        }
    }

    /// `train(algorithm, on: frame, …)` run `warmup` times unmeasured, then `count` times
    /// measured; the last model is returned for scoring.
    static func measure(_ algorithm: Algorithm, on frame: DataFrame, parameters: [String: ParameterValue],
                        seed: UInt64, count: Int, warmup: Int) throws -> (Timings, last: TrainedModel) {
        try Timings.measure(count: count, warmup: warmup) { () throws(LearningError) in
            try train(algorithm, on: frame, parameters: parameters, seed: seed)
        }
    }

    /// Resolved parameters as a JSON object, keys sorted.
    static func json(_ parameters: [String: ParameterValue]) -> JSONObject {
        var object = JSONObject()
        for key in parameters.keys.sorted() {
            switch parameters[key]! {
            case .int(let value): object[key] = .integer(value)
            case .double(let value): object[key] = .number(value)
            case .bool(let value): object[key] = .bool(value)
            case .string(let value): object[key] = .string(value)
            }
        }
        return object
    }
}

/// The share of the last 10 s in which some task waited for a CPU (Linux PSI,
/// `/proc/pressure/cpu`, "some avg10"), in %; `nil` where the kernel does not report it.
/// Above a few % the machine is busy with other work and timings run slow.
func cpuPressure() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/pressure/cpu", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("some ") }),
          let field = line.split(separator: " ").first(where: { $0.hasPrefix("avg10=") })
    else { return nil }
    return Double(field.dropFirst("avg10=".count))
}
