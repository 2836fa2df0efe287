import ArgumentParser
import Console
import Engine
import Replay
import Server

@main
struct MLW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlw",
        abstract: "An MLOps workbench: a REPL over a small command language, recorded sessions, headless replay.",
        discussion: "With no subcommand, mlw opens the REPL and records the session to sessions/YYYY-MM-DD-HHMMSS.mlw.",
        version: SessionFile.version,
        subcommands: [Repl.self, Run.self, ExportSession.self, Serve.self, LessonCommand.self],
        defaultSubcommand: Repl.self
    )
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL (the default).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Directory for the recorded session file.")
    var sessions = "sessions"

    @Flag(name: .long, help: "Do not record the session to a file.")
    var noRecord = false

    @Option(name: .long, help: "The session's starting seed.")
    var seed: UInt64 = 42

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(storeOptions.directory)
        let repl = REPL(configuration: .init(sessionsDirectory: noRecord ? nil : sessions, seed: seed), store: store,
                        actor: storeOptions.actor, endpoint: ServingHost(),
                        replayer: FileReplayer(actor: storeOptions.actor, makeEndpoint: { ServingHost() }))
        throw ExitCode(repl.run())
    }
}
