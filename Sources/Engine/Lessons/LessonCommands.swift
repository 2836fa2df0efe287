import Foundation
import Language
import Store

/// `lesson [NAME]`, `hint`, `skip`, `back` and `quit lesson`.
enum LessonCommands {
    static func lesson(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        guard let word = context.command.slot("NAME") else { return try list(context) }
        let session = context.session
        let lesson = try LessonLibrary.find(word, parser: context.interpreter.parser)
        if let state = session.lesson {
            guard state.lesson.name == lesson.name, state.lesson.path == lesson.path else {
                throw Diagnostic("you are in lesson \(state.lesson.name); `quit lesson` leaves it first", at: word.range)
            }
            LessonGuide.present(state, emit: context.emit)
            return .ok
        }
        try start(lesson, restart: try context.flag("restart") ?? false, context)
        return .ok
    }

    private static func list(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (lessons, problems) = LessonLibrary.all(parser: context.interpreter.parser)
        for problem in problems { context.emit(.warning("\(problem)")) }
        guard !lessons.isEmpty else {
            throw Diagnostic("no lessons found", at: context.command.range,
                             hint: "run mlw from its folder (samples/lessons), or set MLW_LESSONS to a folder of .lesson files")
        }
        let saved: [LessonProgressRecord]
        do {
            saved = try context.session.homeStore.lessonProgress(learner: context.session.actor)
        } catch {
            throw Diagnostic("cannot read your lesson progress: \(error)", at: context.command.range)
        }
        let rows = lessons.map { lesson -> [String] in
            let progress = saved.first { $0.lesson == lesson.name }
            let state: String = switch progress {
            case nil: "not started"
            case let progress? where progress.finishedAt != nil: "done"
            case let progress?: "at step \(progress.step + 1) of \(lesson.steps.count)"
            }
            return [lesson.number.map(String.init) ?? "", lesson.name, lesson.title, String(lesson.steps.count), state]
        }
        context.emit(.table(Table(columns: [.init("#", .right), .init("lesson"), .init("title"), .init("steps", .right), .init("progress")],
                                  rows: rows)))
        if let state = context.session.lesson {
            context.say("you are in lesson \(state.lesson.name), step \(min(state.step + 1, state.lesson.steps.count)) of \(state.lesson.steps.count); `quit lesson` leaves it")
        } else {
            context.say("start one with `lesson NAME` (or its number); progress is saved as you go, and `lesson NAME` picks up where you left")
        }
        return .ok
    }

    /// Begins `lesson` in a workspace of its own, rebuilding the learner's earlier work when they come back to it.
    private static func start(_ lesson: Lesson, restart: Bool, _ context: CommandContext) throws(Diagnostic) {
        let session = context.session
        let saved: LessonProgressRecord?
        do {
            saved = try session.homeStore.lessonProgress(lesson.name, learner: session.actor)
        } catch {
            throw Diagnostic("cannot read your progress in \(lesson.name): \(error)", at: context.command.range)
        }
        if let url = session.endpoint?.baseURL {
            session.endpoint?.stop()
            context.say("stopped the endpoint on \(url): a lesson works in a store of its own")
        }
        let home = session.exchangeWorkspace(Workspace(seed: LessonState.seed, store: try sandbox(context)))
        session.lesson = LessonState(lesson: lesson, step: 0, commands: [], home: home, transcriptStart: session.transcript.count)
        context.emit(.guide("── Lesson\(lesson.number.map { " \($0)" } ?? "") · \(lesson.title) ──  (\(lesson.steps.count) steps; `hint`, `skip`, `back`, `quit lesson`)"))
        for line in lesson.introduction { context.emit(.guide(line)) }
        if let saved, !restart {
            if saved.finishedAt != nil {
                context.emit(.guide("You finished this lesson before; here it is again from the first step, in a fresh workspace."))
            } else if saved.step > 0 || !saved.commands.isEmpty {
                try resume(saved, context)
            }
        }
        LessonGuide.save(session, emit: context.emit)
        LessonGuide.present(session.lesson!, emit: context.emit)
    }

    private static func sandbox(_ context: CommandContext) throws(Diagnostic) -> Store {
        do {
            return try Store.temporary()
        } catch {
            throw Diagnostic("cannot make the lesson's store: \(error)", at: context.command.range)
        }
    }

    /// Runs the learner's earlier commands again, quietly, so the lesson continues where they left it.
    private static func resume(_ saved: LessonProgressRecord, _ context: CommandContext) throws(Diagnostic) {
        let session = context.session
        guard var state = session.lesson else { return }
        if saved.lessonSHA256 != state.lesson.sha256 {
            context.emit(.warning("the lesson file changed since you last took it; your work is rebuilt as you did it"))
        }
        for (index, source) in saved.commands.enumerated() {
            let outcome: Interpreter.Outcome
            switch context.interpreter.parser.parse(source) {
            case .command(let command): outcome = runForLearner(command, context, shown: false)
            case .failure(let problems): outcome = .failed(problems[0])
            case .empty: continue
            }
            if case .failed(let problem) = outcome {
                session.lessonWork = []
                context.emit(.warning("could not rebuild your work: command \(index + 1), `\(source)`, failed: \(problem.message); starting the lesson over"))
                _ = session.exchangeWorkspace(Workspace(seed: LessonState.seed, store: try sandbox(context)))
                return
            }
        }
        state.step = min(saved.step, state.lesson.steps.count)
        state.commands = saved.commands
        session.lesson = state
        context.emit(.guide("Welcome back: your work so far is rebuilt (\(Formatting.count(saved.commands.count, "command"))); "
                            + (state.isFinished ? "every step is done." : "you are at step \(state.step + 1).")))
    }

    static func hint(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        var state = try active(context)
        guard let step = state.currentStep else {
            context.emit(.guide("Every step of this lesson is done; `quit lesson` returns to your own session."))
            return .ok
        }
        if let reason = LessonGuide.missing(in: context.session) { context.emit(.guide("not yet: " + reason)) }
        if state.hintsShown < step.hints.count {
            context.emit(.guide("hint \(state.hintsShown + 1) of \(step.hints.count): \(step.hints[state.hintsShown])"))
            state.hintsShown += 1
            context.session.lesson = state
        } else {
            context.emit(.guide("the answer: " + step.solution.map { "`\($0.command.source)`" }.joined(separator: ", then ")
                                + " (or `skip`, and mlw does it for you)"))
        }
        return .ok
    }

    static func skip(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let state = try active(context)
        guard let step = state.currentStep else {
            throw Diagnostic("every step of this lesson is done", at: context.command.range, hint: "`quit lesson` returns to your own session")
        }
        let where_ = "\(state.lesson.path):\(step.line)"
        // After `back`, what the step made is still there: doing it again would make it twice (a second version).
        if LessonGuide.missing(in: context.session) == nil {
            LessonGuide.advance(context.session, emit: context.emit, how: "already done")
            LessonGuide.save(context.session, emit: context.emit)
            return .ok
        }
        for line in step.solution {
            context.emit(.echo(line.command.source))
            if case .failed(let problem) = runForLearner(line.command, context, shown: true) {
                throw Diagnostic("step \(state.step + 1)'s command `\(line.command.source)` failed: \(problem.message)",
                                 at: context.command.range, hint: "the lesson file (\(state.lesson.path):\(line.line)) may need fixing")
            }
            context.session.lesson?.commands.append(line.command.source)
        }
        if let reason = LessonGuide.missing(in: context.session) {
            LessonGuide.save(context.session, emit: context.emit)
            throw Diagnostic("step \(state.step + 1) ran its commands but is still not done: \(reason)", at: context.command.range,
                             hint: "the lesson's check (\(where_)) does not match its `do:` lines")
        }
        LessonGuide.advance(context.session, emit: context.emit, how: "skipped")
        LessonGuide.save(context.session, emit: context.emit)
        return .ok
    }

    static func back(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        var state = try active(context)
        guard state.step > 0 else {
            throw Diagnostic("this is the first step", at: context.command.range, hint: "`hint` helps with it; `quit lesson` leaves")
        }
        state.step -= 1
        state.hintsShown = 0
        context.session.lesson = state
        context.emit(.guide("back to step \(state.step + 1); what you made stays, so doing it again moves you on"))
        LessonGuide.present(state, emit: context.emit)
        LessonGuide.save(context.session, emit: context.emit)
        return .ok
    }

    /// `quit lesson`: progress is saved, and the session's own datasets, models and store come back.
    static func quit(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let state = try active(context)
        LessonGuide.save(context.session, emit: context.emit)
        if context.session.endpoint?.baseURL != nil { context.session.endpoint?.stop() }
        _ = context.session.exchangeWorkspace(state.home)
        context.session.lesson = nil
        context.emit(.guide(state.isFinished
            ? "left lesson \(state.lesson.name) (done); `lesson \(state.lesson.name)` takes it again from the start"
            : "left lesson \(state.lesson.name) (at step \(state.step + 1) of \(state.lesson.steps.count)); `lesson \(state.lesson.name)` picks up where you left"))
        return .ok
    }

    /// Runs a command on the learner's behalf, keeping it with its output as their work (for `save`).
    private static func runForLearner(_ command: Command, _ context: CommandContext, shown: Bool) -> Interpreter.Outcome {
        var output: [String] = []
        let outcome = context.interpreter.executeNested(command) { event in
            output += event.lines(recorded: true)
            if shown { context.emit(event) }
        }
        if outcome == .ok { context.session.lessonWork.append(TranscriptEntry(source: command.source, output: output, failed: false)) }
        return outcome
    }

    private static func active(_ context: CommandContext) throws(Diagnostic) -> LessonState {
        guard let state = context.session.lesson else {
            throw Diagnostic("`\(context.command.source)` works inside a lesson", at: context.command.range,
                             hint: "`lesson` lists the lessons; `lesson NAME` starts one")
        }
        return state
    }
}
