// mlw-bench: release-built micro-benchmarks of mlw's libraries.
//
//     mlw-bench csv PATH [--repeat N] [--warmup N]
//     mlw-bench fit TRAIN TEST --algorithm NAME [--param KEY=VALUE]... [--repeat N]
//     mlw-bench boost PATH [--rounds N] [--threads N] [--repeat N]
//     mlw-bench store [--runs N] [--repeat N] [--seed N]
//     mlw-bench drift BASELINE BATCH [--repeat N]
//     mlw-bench list
//
// Every benchmark prints one JSON object on one line to standard output, so a
// script can collect results with a JSON parser. To add a benchmark, write a
// type conforming to `Benchmark` (see CSVBenchmark.swift) and list it below.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let benchmarks: [any Benchmark.Type] = [
    CSVBenchmark.self,
    BoostBenchmark.self,
    FitBenchmark.self,
    StoreBenchmark.self,
    DriftBenchmark.self,
]

/// Writes to standard error (unbuffered; C's `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

@MainActor
func usageText() -> String {
    var text = "usage: mlw-bench BENCHMARK ARGUMENTS...\n\nbenchmarks:\n"
    for benchmark in benchmarks {
        text += "  \(benchmark.usage)\n      \(benchmark.summary)\n"
    }
    text += "  list\n      print the benchmark names, one a line\n"
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first else {
    printError(usageText())
    exit(ExitCode.usage)
}

switch name {
case "-h", "--help", "help":
    print(usageText(), terminator: "")
    exit(0)
case "list":
    for benchmark in benchmarks { print(benchmark.name) }
    exit(0)
default:
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
        printError("mlw-bench: unknown benchmark '\(name)'\n")
        printError(usageText())
        exit(ExitCode.usage)
    }
    do {
        let parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: benchmark.arguments)
        if parsed.wantsHelp {
            print("usage: mlw-bench \(benchmark.usage)\n\n\(benchmark.summary)")
            exit(0)
        }
        let result = try benchmark.run(parsed)
        print(result.rendered)
        exit(0)
    } catch let error as UsageError {
        printError("mlw-bench \(name): \(error.message)\nusage: mlw-bench \(benchmark.usage)\n")
        exit(ExitCode.usage)
    } catch {
        printError("mlw-bench \(name): \(error)\n")
        exit(ExitCode.failure)
    }
}
