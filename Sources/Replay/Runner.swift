import Engine
import Export
import Foundation
import Language
import Store

/// Replays a session file with no terminal: parameters, `--check`, exit codes, JUnit.
public struct Runner {
    public struct Options: Sendable {
        public var file: String
        public var parameters: [(name: String, value: String)]
        public var check: Bool
        /// Rewrite the file's `#>` lines with the fresh output.
        public var update: Bool
        /// The store the file's runs and registry changes go to; nil gives a fresh temporary store.
        public var store: Store?
        /// Who the audit trail names; nil means `$USER`.
        public var actor: String?
        /// Makes the endpoint a file's `serve` starts (stopped when the file ends); nil: `serve` is an error.
        public var makeEndpoint: (@Sendable () -> any EndpointHost)?

        public init(file: String, parameters: [(name: String, value: String)] = [], check: Bool = false, update: Bool = false,
                    store: Store? = nil, actor: String? = nil, makeEndpoint: (@Sendable () -> any EndpointHost)? = nil) {
            self.makeEndpoint = makeEndpoint
            self.file = file
            self.parameters = parameters
            self.check = check
            self.update = update
            self.store = store
            self.actor = actor
        }
    }

    /// Where the runner writes: command output, and diagnostics and differences.
    public var standardOutput: (String) -> Void
    public var standardError: (String) -> Void

    public init(standardOutput: @escaping (String) -> Void, standardError: @escaping (String) -> Void) {
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Replays `options.file`; its cells (for `export html|markdown` in the file, or `mlw export`) go to `notebook`,
    /// else to a fresh recorder.
    public func run(_ options: Options, notebook: NotebookRecorder? = nil) -> RunReport {
        let file = options.file
        func usage(_ message: String) -> RunReport {
            standardError("mlw run: \(message)")
            return RunReport(file: file, results: [], status: .usage)
        }
        guard !(options.check && options.update) else {
            return usage(Self.checkWithUpdate)
        }
        let contents = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data = contents else {
            return usage("cannot read \(file): no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return usage("\(file) is not UTF-8 text")
        }
        let table = Vocabulary.table
        let script = Script.parse(text, parser: Parser(table: table))
        if !script.diagnostics.isEmpty {
            var parseErrors: [ParseError] = []
            for diagnostic in script.diagnostics {
                let message = diagnostic.rendered(file: file, sourceLine: diagnostic.range.flatMap { script.sourceLine($0.line) }).joined(separator: "\n")
                standardError(message)
                parseErrors.append(ParseError(line: diagnostic.range?.line ?? 0, message: message))
            }
            standardError("\(file): \(script.diagnostics.count) error\(script.diagnostics.count == 1 ? "" : "s"); nothing was run")
            return RunReport(file: file, results: [], status: .commandFailed, parseErrors: parseErrors)
        }
        let declared = script.commands.filter { $0.command.name == "param" }.compactMap { $0.command.slot("NAME")?.value.text }
        var overrides: [String: Value] = [:]
        for (name, value) in options.parameters {
            guard declared.contains(name) else {
                let hint = Suggestion.hint(for: name, in: declared).map { "; \($0)" } ?? (declared.isEmpty ? "; the file declares no param" : "; declared: \(declared.joined(separator: ", "))")
                return usage("-p \(name): \(file) has no `param \(name)=...`\(hint)")
            }
            overrides[name] = Self.parameterValue(value)
        }
        let seed = script.directive("seed").flatMap { UInt64($0) } ?? 42
        let session = Session(seed: seed, parameterOverrides: overrides, store: options.store, actor: options.actor)
        session.endpoint = options.makeEndpoint?()
        session.replayer = FileReplayer(actor: options.actor, makeEndpoint: options.makeEndpoint)
        defer { session.endpoint?.stop() }
        let notebook = notebook ?? NotebookRecorder(title: file)
        session.notebook = notebook
        return replay(script, file: file, with: Interpreter(session: session, table: table), options: options, notebook: notebook)
    }

    private func replay(_ script: Script, file: String, with interpreter: Interpreter, options: Options,
                        notebook: NotebookRecorder) -> RunReport {
        var results: [CommandResult] = []
        var status = ExitStatus.success
        var freshOutput: [Int: [String]] = [:]
        var failedNow: [Int: String] = [:]
        var stopped = false
        var previousLine = 0
        var rewrittenLines = RewrittenLineNumbers(script: script)
        for entry in script.entries {
            let comment = script.comment(after: previousLine, before: entry.line)
            let command: Command
            switch entry.kind {
            case .command(let parsed):
                command = parsed
            case .failed(let source):
                notebook.recordFromFile(source, comment: comment, lines: entry.recorded.map(\.text), failed: true)
                previousLine = entry.recorded.last?.line ?? entry.lastLine
                continue
            case .directive, .invalid:
                continue
            }
            previousLine = entry.recorded.last?.line ?? entry.lastLine
            guard !stopped else {
                results.append(CommandResult(line: entry.line, source: command.source, status: .skipped, seconds: 0))
                notebook.recordFromFile(command.source, comment: comment, lines: entry.recorded.map(\.text), failed: false)
                continue
            }
            let started = Date()
            interpreter.session.sourceFile = file == "-" ? nil : file
            interpreter.session.sourceLine = options.update ? rewrittenLines.line(of: entry.line) : entry.line
            var fresh: [String] = []
            var events: [OutputEvent] = []
            let outcome = interpreter.execute(command) { event in
                events.append(event)
                fresh += event.lines(recorded: true)
                for line in event.lines(recorded: false) { standardOutput(line) }
            }
            let seconds = Date().timeIntervalSince(started)
            var result = CommandResult(line: entry.line, source: command.source, status: .passed, seconds: seconds)
            switch outcome {
            case .ok:
                notebook.record(command.source, comment: comment, output: events)
            case .quit:
                notebook.record(command.source, comment: comment, output: events)
                stopped = true
            case .failed(let diagnostic):
                let rendered = diagnostic.rendered(file: file, sourceLine: diagnostic.range.flatMap { script.sourceLine($0.line) })
                notebook.record(command.source, comment: comment, output: events, failure: diagnostic, errorLines: rendered)
                let message = rendered.joined(separator: "\n")
                standardError(message)
                fresh += diagnostic.unplaced.rendered()
                let assertion = diagnostic.kind == .assertion
                result.status = assertion ? .assertionFailed(message) : .failed(message)
                status = Self.worse(status, assertion ? .assertionFailed : .commandFailed)
                if options.update {
                    failedNow[entry.line] = command.source
                } else {
                    stopped = true
                }
            }
            freshOutput[entry.line] = fresh
            rewrittenLines.insert(fresh.count - (failedNow[entry.line] == nil ? 0 : entry.lastLine - entry.line), after: entry.lastLine)
            if options.check, result.status == .passed {
                let differences = OutputCheck.differences(file: file, recorded: entry.recorded.map { ($0.text, $0.line) },
                                                          fresh: fresh, commandLastLine: entry.lastLine)
                if !differences.isEmpty {
                    for difference in differences { standardError(difference) }
                    result.status = .differs(differences.joined(separator: "\n"))
                    status = Self.worse(status, .checkDifference)
                }
            }
            results.append(result)
        }
        if options.update { rewrite(script, file: file, fresh: freshOutput, failed: failedNow, numbering: rewrittenLines) }
        return RunReport(file: file, results: results, status: status)
    }

    /// The file with each command's `#>` lines replaced by its fresh output; a `#! failed:` command is not run,
    /// so its recorded error stays; a command that failed now becomes `#! failed:` with its error, as the REPL records it.
    private func rewrite(_ script: Script, file: String, fresh: [Int: [String]], failed: [Int: String],
                         numbering: RewrittenLineNumbers) {
        var lastLineOutput: [Int: [String]] = [:]
        for (_, entry) in script.commands { if let lines = fresh[entry.line] { lastLineOutput[entry.lastLine] = lines } }
        var failedLines: [Int: [String]] = [:]
        var failedContinuations: Set<Int> = []
        for (_, entry) in script.commands {
            guard let source = failed[entry.line] else { continue }
            failedLines[entry.line] = TranscriptEntry(source: source, output: fresh[entry.line] ?? [], failed: true).fileLines
            if entry.lastLine > entry.line { failedContinuations.formUnion(entry.line + 1...entry.lastLine) }
        }
        var lines: [String] = []
        for (index, line) in script.lines.enumerated() {
            if numbering.drops(index + 1) { continue }
            if failedContinuations.contains(index + 1) { continue }
            if let failedCommand = failedLines[index + 1] {
                lines += failedCommand
                continue
            }
            lines.append(line)
            if let output = lastLineOutput[index + 1] { lines += output.map { $0.isEmpty ? "#>" : "#> " + $0 } }
        }
        var text = lines.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        try? text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Why `--check` and `--update` cannot be given together.
    public static let checkWithUpdate = "--check and --update cannot be combined: --check compares the recorded #> lines, --update replaces them; run --update, then --check"

    private static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        severity(a) >= severity(b) ? a : b
    }

    /// How bad an exit status is, for choosing the one to exit with.
    public static func severity(_ status: ExitStatus) -> Int {
        [ExitStatus.success, .checkDifference, .assertionFailed, .commandFailed, .usage].firstIndex(of: status)!
    }

    /// A `-p` value as the language would read it: a number, `true`/`false`, or text.
    static func parameterValue(_ text: String) -> Value {
        if let tokens = try? Lexer.tokenize(text), tokens.count == 1 {
            switch tokens[0].token {
            case .number(let value, let spelled, _): return .number(value, text: spelled)
            case .word("true"): return .bool(true)
            case .word("false"): return .bool(false)
            case .word(let word): return .word(word)
            default: break
            }
        }
        return .string(text)
    }
}
