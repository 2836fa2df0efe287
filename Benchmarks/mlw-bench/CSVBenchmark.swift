import Learning

/// `mlw-bench csv PATH`: time `CSVReader.read` on a file, as mlw's `load` does.
///
/// Prints `{"name":"csv","file":…,"bytes":…,"rows":…,"seconds_median":…,"mb_per_s":…, …}`
/// with MB = 10^6 bytes, from the median of the measured runs. The file is read from
/// wherever the OS has it: run it once beforehand (or `cat PATH >/dev/null`) to time
/// parsing from the page cache rather than the disk.
enum CSVBenchmark: Benchmark {
    static let name = "csv"
    static let usage = "csv PATH [--repeat N] [--warmup N]"
    static let summary = "Load a CSV file with CSVReader.read N times (default 5, after --warmup runs, default 0) and report the median."
    static let arguments = ArgumentSpec(positionals: ["PATH"], options: ["repeat", "warmup", "separator", "target"])

    static func run(_ arguments: ParsedArguments) throws -> JSONObject {
        let path = arguments.positionals[0]
        let count = try arguments.integer("repeat", default: 5, in: 1...1000)
        let warmup = try arguments.integer("warmup", default: 0, in: 0...1000)
        var separator: UInt8? = nil
        if let text = arguments.options["separator"] {
            let bytes = Array((text == "\\t" ? "\t" : text).utf8)
            guard bytes.count == 1 else { throw UsageError("--separator wants one byte, like , or ';' or '\\t'") }
            separator = bytes[0]
        }
        let target = arguments.options["target"]

        let (timings, table) = try Timings.measure(count: count, warmup: warmup) { () throws(LearningError) in
            try CSVReader.read(path: path, separator: separator, target: target)
        }
        let median = timings.median
        var result = JSONObject()
        result["name"] = .string(name)
        result["file"] = .string(path)
        result["bytes"] = .integer(table.byteCount)
        result["rows"] = .integer(table.frame.rowCount)
        result["seconds_median"] = .number(rounded(median, places: 6))
        result["mb_per_s"] = .number(rounded(Double(table.byteCount) / 1e6 / median, places: 1))
        result["columns"] = .integer(table.frame.columns.count)
        result["repeat"] = .integer(count)
        result["warmup"] = .integer(warmup)
        result["seconds_min"] = .number(rounded(timings.minimum, places: 6))
        result["seconds_all"] = .numbers(timings.seconds.map { rounded($0, places: 6) })
        result["sha256"] = .string(table.sha256)
        return result
    }
}
