import Foundation
import Language

/// Parses and runs commands against a session, recording each with its output.
///
/// The front ends (REPL, runner) give it lines or parsed commands and render the events it emits.
public final class Interpreter {
    public enum Outcome: Sendable, Equatable {
        case ok
        case failed(Diagnostic)
        case quit
    }

    public enum LineResult: Sendable, Equatable {
        case empty
        case ran(Outcome)
        /// The line did not parse; nothing ran.
        case invalid([Diagnostic])
    }

    public let table: CommandTable
    public let parser: Parser
    public let session: Session
    private var depth = 0

    public init(session: Session, table: CommandTable = Vocabulary.table) {
        self.session = session
        self.table = table
        self.parser = Parser(table: table)
    }

    /// Parses and runs one line typed at the prompt; a line that does not parse is recorded as failed.
    public func run(line: String, emit: (OutputEvent) -> Void) -> LineResult {
        switch parser.parse(line) {
        case .empty:
            return .empty
        case .failure(let problems):
            record(TranscriptEntry(source: line, output: problems.flatMap { $0.unplaced.rendered() }, failed: true))
            return .invalid(problems)
        case .command(let command):
            return .ran(execute(command, emit: emit))
        }
    }

    /// Runs a parsed command and records it in the transcript; inside a lesson, the guide speaks after it.
    public func execute(_ command: Command, emit: (OutputEvent) -> Void) -> Outcome {
        var recorded: [String] = []
        if depth == 0, !Explanations.keeps(command) {
            session.explanations = []
            session.explainedCommand = command.source
        }
        let outcome = withoutActuallyEscaping(emit) { emit in
            perform(command) { event in
                recorded += event.lines(recorded: true)
                emit(event)
            }
        }
        var guide: [String] = []
        if depth == 0 {
            LessonGuide.after(command, outcome: outcome, in: session) { event in
                guide += event.lines(recorded: true)
                emit(event)
            }
        }
        let leavesMLW = command.name == "quit" && command.slot("WHAT") == nil
        if depth == 0, !leavesMLW {
            let steers = LessonGuide.steering.contains(command.name)
            let work = session.lessonWork
            session.lessonWork = []
            if case .failed(let diagnostic) = outcome {
                record(TranscriptEntry(source: command.source, output: recorded + diagnostic.unplaced.rendered(), failed: true,
                                       steersLesson: steers, lessonWork: work))
            } else {
                record(TranscriptEntry(source: command.source, output: recorded + guide, failed: false, guideLines: guide.count,
                                       steersLesson: steers, lessonWork: work))
            }
        }
        return outcome
    }

    /// Runs a command of an included file: output goes to the including command, nothing is recorded twice.
    func executeNested(_ command: Command, emit: @escaping (OutputEvent) -> Void) -> Outcome {
        depth += 1
        defer { depth -= 1 }
        return perform(command, emit: emit)
    }

    private func perform(_ command: Command, emit: @escaping (OutputEvent) -> Void) -> Outcome {
        guard let handler = Self.handlers[command.name] else {
            return .failed(Diagnostic("`\(command.name)` is not available", at: command.range))
        }
        let context = CommandContext(command: command, session: session, interpreter: self, emit: emit)
        // A running endpoint follows registry changes (promote, rollback, retrain) before the next command.
        defer { try? session.endpoint?.refresh() }
        do {
            return try handler(context)
        } catch {
            return .failed(error)
        }
    }

    private func record(_ entry: TranscriptEntry) {
        session.transcript.append(entry)
    }

    typealias Handler = @Sendable (CommandContext) throws(Diagnostic) -> Outcome

    static let handlers: [String: Handler] = [
        "load": DataCommands.load, "show": DataCommands.show, "describe": DataCommands.describe,
        "split": DataCommands.split, "datasets": DataCommands.list,
        "train": ExperimentCommands.train, "evaluate": ExperimentCommands.evaluate,
        "cv": CrossValidationCommands.cv, "tune": CrossValidationCommands.tune, "compare": CompareCommand.compare,
        "explain": InspectionCommands.explain, "plot": InspectionCommands.plot, "export": InspectionCommands.export, "predict": PredictCommand.predict,
        "param": ScriptingCommands.param, "set": ScriptingCommands.set, "print": ScriptingCommands.print,
        "assert": ScriptingCommands.assert, "include": ScriptingCommands.include,
        "history": ScriptingCommands.history, "save": ScriptingCommands.save,
        "runs": TrackingCommands.runs, "run": TrackingCommands.run, "reproduce": ReproduceCommand.reproduce,
        "register": RegistryCommands.register, "approve": RegistryCommands.approve, "reject": RegistryCommands.reject,
        "promote": RegistryCommands.promote, "rollback": RegistryCommands.rollback, "models": RegistryReports.models,
        "card": RegistryReports.card, "filter": DataCommands.filter,
        "monitor": MonitorCommands.monitor, "observe": MonitorCommands.observe, "drift": MonitorReports.drift,
        "quality": MonitorReports.quality, "alert": ContinuousTraining.alert, "retrain": ContinuousTraining.retrain,
        "serve": ServingCommands.serve, "deploy": ServingCommands.deploy, "send": ServingCommands.send,
        "traffic": ServingCommands.traffic,
        "replay": ReplayCommand.replay,
        "lesson": LessonCommands.lesson, "hint": LessonCommands.hint, "skip": LessonCommands.skip, "back": LessonCommands.back,
        "help": HelpCommand.help,
        "quit": { context throws(Diagnostic) in context.command.slot("WHAT") == nil ? .quit : try LessonCommands.quit(context) },
    ]
}
