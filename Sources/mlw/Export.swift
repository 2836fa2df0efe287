import ArgumentParser
import Engine
import Export
import Foundation
import Replay
import Server

struct ExportSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render a session file as a self-contained HTML page (or Markdown): the notebook view.",
        discussion: """
        Replays FILE with no terminal, like `mlw run`, and writes each command as a numbered cell with its output \
        below: tables as tables, charts (histograms, importance and quality bars, confusion matrices, ROC curves) as \
        inline SVG. The page has no script and fetches nothing. A command recorded as `#! failed:` shows as a failed \
        cell with its error; a command that fails now does too, the commands after it as not run, and mlw exits 1 \
        after writing the page. A file that does not parse writes nothing.

        The replay uses a fresh temporary store unless --store is given, so run ids and versions read as recorded.
        """
    )

    @Argument(help: "The session file (.mlw) to render.")
    var file: String

    @Option(help: ArgumentHelp("Write the page as HTML.", valueName: "PATH"))
    var html: String?

    @Option(help: ArgumentHelp("Write the page as Markdown.", valueName: "PATH"))
    var markdown: String?

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a `param` default.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if html == nil, markdown == nil { throw ValidationError("say where to write the page: --html PATH and/or --markdown PATH") }
    }

    func run() throws {
        var pairs: [(name: String, value: String)] = []
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                printError("mlw export: -p expects NAME=VALUE, got `\(parameter)`")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            pairs.append((String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...])))
        }
        let store = try storeOptions.store.map { try storeOptions.open($0) }
        let notebook = NotebookRecorder(title: URL(fileURLWithPath: file).lastPathComponent,
                                        details: ["\(file), replayed by mlw \(SessionFile.version)"])
        let runner = Runner(standardOutput: { _ in }, standardError: printError)
        let report = runner.run(Runner.Options(file: file, parameters: pairs, store: store, actor: storeOptions.actor,
                                               makeEndpoint: { ServingHost() }),
                                notebook: notebook)
        if report.status == .usage { throw ExitCode(ExitStatus.usage.rawValue) }
        if report.results.isEmpty, report.status != .success { throw ExitCode(report.status.rawValue) }
        for (format, path) in [(NotebookFormat.html, html), (.markdown, markdown)] {
            guard let path else { continue }
            do {
                try notebook.page(format).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                printError("mlw export: cannot write \(path): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            printError("wrote \(path): \(notebook.notebook.summary)")
        }
        if report.status != .success { throw ExitCode(report.status.rawValue) }
    }
}
