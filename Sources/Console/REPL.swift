import Engine
import Export
import Foundation
import Language
import LineEditing
import Store

/// The interactive loop: prompt, line editing, completion, rendering and session recording.
public final class REPL {
    public struct Configuration: Sendable {
        /// Where to record the session file; nil records nothing.
        public var sessionsDirectory: String?
        public var seed: UInt64
        public var historyFile: String?
        /// Lines run first, as if typed (`mlw lesson NAME` starts with `lesson NAME`).
        public var startingLines: [String]

        public init(sessionsDirectory: String? = "sessions", seed: UInt64 = 42,
                    historyFile: String? = ProcessInfo.processInfo.environment["MLW_HISTORY"]
                        ?? ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.mlw_history" },
                    startingLines: [String] = []) {
            self.sessionsDirectory = sessionsDirectory
            self.seed = seed
            self.historyFile = historyFile
            self.startingLines = startingLines
        }
    }

    private let configuration: Configuration
    private let session: Session
    private let interpreter: Interpreter
    private let interactive: Bool
    private let renderer: EventRenderer
    /// The cells so far, for `export html|markdown PATH`.
    private let notebook: NotebookRecorder

    /// - Parameters:
    ///   - store: where runs, snapshots and the registry persist; nil gives a temporary store.
    ///   - actor: who the audit trail names; nil means `$USER`.
    ///   - endpoint: the HTTP endpoint `serve` starts in the background; nil makes `serve` an error.
    ///   - replayer: replays files for `replay`; nil makes `replay` an error.
    public init(configuration: Configuration, store: Store? = nil, actor: String? = nil, endpoint: (any EndpointHost)? = nil,
                replayer: (any SessionReplayer)? = nil) {
        self.configuration = configuration
        session = Session(seed: configuration.seed, store: store, actor: actor)
        session.endpoint = endpoint
        session.replayer = replayer
        interpreter = Interpreter(session: session)
        interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        renderer = EventRenderer(style: .detect(isTerminal: isatty(STDOUT_FILENO) == 1))
        notebook = NotebookRecorder(title: "mlw session",
                                    details: [SessionFile.header(seed: session.initialSeed, startedAt: session.startedAt)
                                        .map { $0.replacingOccurrences(of: "#! ", with: "") }.joined(separator: " · ")])
        session.notebook = notebook
    }

    /// Runs until `quit`, Ctrl-D or the end of piped input; returns the process exit code.
    public func run() -> Int32 {
        var recorder: SessionRecorder?
        if let directory = configuration.sessionsDirectory {
            do {
                recorder = try SessionRecorder(directory: directory, session: session)
            } catch {
                emit(renderer.style.yellow("warning: cannot record the session in \(directory)/: \(error.localizedDescription)"))
            }
        }
        let input = makeInput()
        if interactive {
            // Ctrl-C at the prompt cancels the line (the line editor handles it); during a command it
            // must not kill the session, so it is ignored until the command ends.
            signal(SIGINT, SIG_IGN)
            emit(renderer.style.bold("mlw \(SessionFile.version)") + " — type `help` for commands; Tab completes, Ctrl-R searches history, Ctrl-D leaves.")
            if let recorder { emit(renderer.style.dim("recording to \(recorder.path)")) }
        }
        if let recorder { notebook.title = recorder.path }
        var number = 1
        var recorded = 0
        loop: while true {
            let prompt = "mlw [\(number)]> "
            guard let line = input.read(prompt: interactive ? renderer.style.promptBold(prompt) : "", continuation: interactive ? "   ...> " : "") else { break }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            input.remember(line)
            session.sourceFile = recorder?.path
            session.sourceLine = recorder.map { $0.lineCount + 1 }
            var events: [OutputEvent] = []
            let result = interpreter.run(line: line) { event in
                events.append(event)
                if case .progress(let label, let fraction) = event {
                    showProgress(label, fraction)
                    return
                }
                for text in renderer.lines(for: event) { emit(text) }
            }
            clearProgress()
            switch result {
            case .empty:
                continue
            case .invalid(let problems):
                for problem in problems { show(problem, source: line, promptWidth: prompt.count) }
                notebook.recordInvalid(line, problems: problems.flatMap { $0.rendered(sourceLine: line) })
            case .ran(.failed(let problem)):
                show(problem, source: line, promptWidth: prompt.count)
                notebook.record(line, output: events, failure: problem, errorLines: problem.rendered(sourceLine: line))
            case .ran(.quit):
                break loop
            case .ran(.ok):
                notebook.record(line, output: events)
            }
            number += 1
            recorder?.record(session.transcript[recorded...])
            recorded = session.transcript.count
        }
        recorder?.record(session.transcript[recorded...])
        recorder?.close()
        session.endpoint?.stop()
        if interactive, let recorder, recorder.commandCount > 0 { emit(renderer.style.dim("session saved to \(recorder.path)")) }
        return 0
    }

    private func show(_ diagnostic: Diagnostic, source: String, promptWidth: Int) {
        let lines = renderer.lines(for: diagnostic, source: source, indent: interactive ? promptWidth : 2, echoSource: !interactive)
        for line in lines { emit(line) }
    }

    private var progressShown = false

    private func emit(_ line: String) {
        clearProgress()
        print(line)
        fflush(nil)
    }

    /// A transient progress line on a terminal; never shown when piped, never recorded.
    private func showProgress(_ label: String, _ fraction: Double) {
        guard interactive else { return }
        let width = 24
        let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        print("\r\u{1B}[2K\(renderer.style.dim("\(label) \(bar) \(Int(fraction * 100))%"))", terminator: "")
        fflush(nil)
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        print("\r\u{1B}[2K", terminator: "")
        progressShown = false
    }

    private func makeInput() -> LineSource {
        let source = interactive ? editedInput() : PipedLines()
        return configuration.startingLines.isEmpty ? source : StartingLines(configuration.startingLines, then: source)
    }

    private func editedInput() -> LineSource {
        let editor = LineEditor(historyFile: configuration.historyFile)
        let completer = Completer(table: interpreter.table)
        let context = UncheckedBox(SessionCompletions(session: session))
        editor.completer = { line, cursor in
            let completion = completer.complete(line, cursor: cursor, context: context.value)
            return LineEditing.Completion(start: completion.start, candidates: completion.candidates)
        }
        return EditedLines(editor: editor)
    }
}

/// Holds a value used only on the REPL's thread by a callback that must be `@Sendable`.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
