import ArgumentParser
import Foundation
import Replay
import Server

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay session files with no terminal.",
        discussion: """
        Runs each FILE's commands in a fresh session. With --check, each command's output is compared \
        with its recorded `#>` lines and every difference is reported as FILE:LINE: expected ... got ....

        Runs, dataset snapshots and registry changes go to the store (--store, else $MLW_STORE, else .mlw). \
        With --check or --update, each file runs against a fresh temporary store unless --store is given, so that run ids \
        and version numbers replay as recorded.

        Exit codes:
        \(ExitStatus.allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n"))
        With several files the most severe code wins.
        """
    )

    @Argument(help: "Session files (.mlw) to replay; - reads one from standard input.")
    var files: [String]

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a `param` default.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Flag(help: "Compare each command's output with its recorded #> lines.")
    var check = false

    @Flag(help: "Rewrite each file's #> lines with the fresh output.")
    var update = false

    @Option(help: ArgumentHelp("Write a JUnit XML report.", valueName: "PATH"))
    var junit: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        if check && update {
            printError("mlw run: " + Runner.checkWithUpdate)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var pairs: [(name: String, value: String)] = []
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                printError("mlw run: -p expects NAME=VALUE, got `\(parameter)`")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            pairs.append((String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...])))
        }
        let runner = Runner(standardOutput: { print($0) }, standardError: printError)
        var reports: [RunReport] = []
        let shared = (check || update) && storeOptions.store == nil ? nil : try storeOptions.open(storeOptions.directory)
        for file in files {
            reports.append(runner.run(Runner.Options(file: file, parameters: pairs, check: check, update: update,
                                                     store: shared, actor: storeOptions.actor,
                                                     makeEndpoint: { ServingHost() })))
        }
        let commands = reports.reduce(0) { $0 + $1.results.count + $1.parseErrors.count }
        let failed = reports.reduce(0) { $0 + $1.failures + $1.parseErrors.count }
        if files.count > 1 || check {
            printError("\(commands - failed) passed, \(failed) failed")
        }
        if let junit {
            do {
                try JUnitReport.xml(reports).write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                printError("mlw run: cannot write \(junit): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        }
        let worst = reports.map(\.status).max { Runner.severity($0) < Runner.severity($1) } ?? .success
        if worst != .success { throw ExitCode(worst.rawValue) }
    }
}

func printError(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
