/// One benchmark, run as `mlw-bench NAME ARGUMENTS...`.
///
/// `run` does the measuring and returns the JSON object printed as one line; its
/// first key should be `"name"` with the benchmark's name.
protocol Benchmark {
    /// The subcommand, e.g. `csv`.
    static var name: String { get }
    /// One-line synopsis after `mlw-bench`, e.g. `csv PATH [--repeat N]`.
    static var usage: String { get }
    /// What is measured, in one sentence.
    static var summary: String { get }
    /// The options and positional arguments the benchmark accepts.
    static var arguments: ArgumentSpec { get }

    static func run(_ arguments: ParsedArguments) throws -> JSONObject
}

enum ExitCode {
    static let failure: Int32 = 1
    /// sysexits' EX_USAGE.
    static let usage: Int32 = 64
}

/// A wrong command line: printed with the benchmark's usage, exit code 64.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// What a benchmark accepts: a number of positional arguments and `--name VALUE` options.
struct ArgumentSpec {
    /// Names of the required positionals, in order (for messages).
    var positionals: [String]
    /// Option names without the leading `--`, each taking one value (the last one given wins).
    var options: [String]
    /// Option names that may be given several times, collecting every value in order
    /// (`--param a=1 --param b=2`).
    var repeatable: [String] = []
}

/// `mlw-bench` arguments after the benchmark name, parsed against an `ArgumentSpec`.
///
/// Accepts `--name VALUE` and `--name=VALUE`; `--` ends the options.
struct ParsedArguments {
    var positionals: [String] = []
    var options: [String: String] = [:]
    /// The values of the repeatable options, in the order given.
    var lists: [String: [String]] = [:]
    var wantsHelp = false

    init(_ arguments: [String], spec: ArgumentSpec) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
                if argument == "-h" && !optionsEnded { wantsHelp = true; continue }
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "--help" { wantsHelp = true; continue }
            var key = String(argument.dropFirst(2))
            var value: String?
            if let equals = key.firstIndex(of: "=") {
                value = String(key[key.index(after: equals)...])
                key = String(key[..<equals])
            }
            let isRepeatable = spec.repeatable.contains(key)
            guard isRepeatable || spec.options.contains(key) else { throw UsageError("unknown option --\(key)") }
            if value == nil {
                guard index < arguments.count else { throw UsageError("--\(key) needs a value") }
                value = arguments[index]
                index += 1
            }
            if isRepeatable {
                lists[key, default: []].append(value!)
            } else {
                options[key] = value
            }
        }
        if wantsHelp { return }
        if positionals.count < spec.positionals.count {
            let missing = spec.positionals[positionals.count...].joined(separator: " ")
            throw UsageError("missing \(missing)")
        }
        if positionals.count > spec.positionals.count {
            throw UsageError("unexpected argument '\(positionals[spec.positionals.count])'")
        }
    }

    /// The value of `--name` as a whole number in `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = options[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) wants a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }
}
