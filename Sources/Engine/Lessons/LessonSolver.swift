import Foundation
import Language
import Store

/// Takes a lesson as a learner who knows every answer would (`mlw lesson --solve`, and CI): each step's `do:`
/// lines typed in order, checking that the step is not done before them, is done after the last, and not sooner.
public struct LessonSolver {
    /// One lesson solved, or the first thing wrong with it.
    public struct Outcome: Sendable {
        public var path: String
        public var steps: Int
        public var seconds: Double
        /// `FILE:LINE: step N "TITLE": what went wrong`, nil when every step was solved.
        public var failure: String?
    }

    private let makeEndpoint: (() -> any EndpointHost)?
    private let replayer: (any SessionReplayer)?

    public init(makeEndpoint: (() -> any EndpointHost)? = nil, replayer: (any SessionReplayer)? = nil) {
        self.makeEndpoint = makeEndpoint
        self.replayer = replayer
    }

    /// Solves the lesson in `path` in a fresh session with a temporary store; `progress` hears each step as it is solved.
    public func solve(_ path: String, progress: (String) -> Void = { _ in }) -> Outcome {
        let started = Date()
        let table = Vocabulary.table
        let lesson: Lesson
        do {
            lesson = try LessonFile.read(path: path, parser: Parser(table: table))
        } catch {
            return Outcome(path: path, steps: 0, seconds: 0, failure: error.description)
        }
        let session = Session(seed: LessonState.seed)
        session.endpoint = makeEndpoint?()
        session.replayer = replayer
        defer { session.endpoint?.stop() }
        let interpreter = Interpreter(session: session, table: table)
        func outcome(_ failure: String?) -> Outcome {
            Outcome(path: path, steps: lesson.steps.count, seconds: Date().timeIntervalSince(started), failure: failure)
        }
        let quoted = Value.string(path).description
        guard case .command(let start) = interpreter.parser.parse("lesson \(quoted) restart=true"),
              interpreter.execute(start, emit: { _ in }) == .ok, session.lesson != nil else {
            return outcome("\(path):1: the lesson does not start")
        }
        for (index, step) in lesson.steps.enumerated() {
            func fail(_ line: Int, _ message: String) -> Outcome {
                outcome("\(path):\(line): step \(index + 1) \"\(step.title)\": \(message)")
            }
            if session.lesson?.step != index || LessonGuide.missing(in: session) == nil {
                return fail(step.checks[0].line, "every check holds before the step's commands run, so it cannot tell whether the learner did the step")
            }
            for (number, line) in step.solution.enumerated() {
                var problem: String?
                let result = interpreter.execute(line.command) { event in
                    if case .warning(let text) = event, text.hasPrefix("cannot save") { problem = text }
                }
                if let problem { return fail(line.line, problem) }
                let done = (session.lesson?.step ?? 0) > index
                // A last command may fail and still do the step: a gate's refusal is what the step is about.
                if case .failed(let diagnostic) = result, !(done && number == step.solution.count - 1) {
                    return fail(line.line, "`\(line.command.source)` failed: \(diagnostic.message)" + (diagnostic.hint.map { " (\($0))" } ?? ""))
                }
                if done, number < step.solution.count - 1 {
                    return fail(line.line, "the step was done after `\(line.command.source)`, before its other `do:` lines: "
                                    + "they belong to another step, or a check is missing")
                }
            }
            guard (session.lesson?.step ?? 0) > index else {
                let why = LessonGuide.missing(in: session) ?? "the step did not move on"
                let check = step.checks.first { $0.failure(in: session) != nil }
                return fail(check?.line ?? step.line, "after its `do:` lines the step is not done: " + why)
            }
            progress("step \(index + 1) of \(lesson.steps.count): \(step.title)")
        }
        return outcome(session.lesson?.isFinished == true ? nil : "\(path): the lesson did not finish after its last step")
    }
}
