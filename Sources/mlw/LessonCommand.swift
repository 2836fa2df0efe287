import ArgumentParser
import Console
import Engine
import Foundation
import Language
import Replay
import Server

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Take a guided lesson at the REPL, or solve lessons headlessly to check them (--solve).",
        discussion: """
        With a lesson's name or number, opens the REPL and starts that lesson (`lesson NAME` at the prompt does the same). \
        With --solve, runs each lesson (every one in samples/lessons, or $MLW_LESSONS, when none is named) as a learner \
        who knows the answers would: each step's `do:` lines in order, checking that the step is not done before them and \
        is done after them. A broken lesson names its file, line and step; the exit code is then 1.
        """
    )

    @Argument(help: "Lessons: a name, a number, or the path of a .lesson file.")
    var lessons: [String] = []

    @Flag(help: "Solve the lessons headlessly and check every step (for CI).")
    var solve = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard solve else {
            guard lessons.count <= 1 else {
                printError("mlw lesson: name one lesson to take (or use --solve to check several)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let start = lessons.first.map { $0.hasSuffix(".lesson") ? "lesson \(Value.string($0))" : "lesson \($0)" } ?? "lesson"
            let repl = REPL(configuration: .init(startingLines: [start]), store: try storeOptions.open(storeOptions.directory),
                            actor: storeOptions.actor, endpoint: ServingHost(),
                            replayer: FileReplayer(actor: storeOptions.actor, makeEndpoint: { ServingHost() }))
            throw ExitCode(repl.run())
        }
        var files: [String] = []
        for lesson in lessons {
            guard let file = lesson.hasSuffix(".lesson") ? lesson : LessonLibrary.path(of: lesson) else {
                printError("mlw lesson: no lesson `\(lesson)`; lessons: \(LessonLibrary.names.joined(separator: ", "))")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            files.append(file)
        }
        if files.isEmpty { files = LessonLibrary.files }
        guard !files.isEmpty else {
            printError("mlw lesson --solve: no lessons found (run from mlw's folder, or set MLW_LESSONS)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let solver = LessonSolver(makeEndpoint: { ServingHost() },
                                  replayer: FileReplayer(actor: storeOptions.actor, makeEndpoint: { ServingHost() }))
        var failed = 0
        for file in files {
            let outcome = solver.solve(file)
            if let failure = outcome.failure {
                failed += 1
                printError("✗ \(failure)")
            } else {
                print(String(format: "✓ %@: %d steps solved in %.1f s", file, outcome.steps, outcome.seconds))
            }
        }
        print("\(files.count - failed) of \(files.count) lessons solved")
        if failed > 0 { throw ExitCode(ExitStatus.commandFailed.rawValue) }
    }
}
