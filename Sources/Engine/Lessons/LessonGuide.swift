import Language

/// What a lesson says as the learner works: the step to do, whether a command did it, and what is missing.
enum LessonGuide {
    /// Commands that steer a lesson rather than do its work.
    static let steering: Set<String> = ["lesson", "hint", "skip", "back", "quit"]
    /// Commands that only show things: they never do a step, so the guide stays quiet after them and does not
    /// replay them when it rebuilds the lesson's work.
    static let showing: Set<String> = ["help", "show", "describe", "datasets", "history", "runs", "run", "models",
                                       "print", "assert", "drift", "quality", "traffic", "explain", "plot"]

    /// The step as the learner meets it: its heading, explanation and task.
    static func present(_ state: LessonState, emit: (OutputEvent) -> Void) {
        guard let step = state.currentStep else { return finish(state, emit: emit) }
        emit(.guide(""))
        emit(.guide("── Step \(state.step + 1) of \(state.lesson.steps.count) · \(step.title) ──"))
        for line in step.explanation { emit(.guide(line)) }
        if !step.explanation.isEmpty { emit(.guide("")) }
        emit(.guide("▸ " + step.task))
    }

    static func finish(_ state: LessonState, emit: (OutputEvent) -> Void) {
        emit(.guide(""))
        emit(.guide("── \(state.lesson.title): done ──"))
        for line in state.lesson.summary { emit(.guide(line)) }
        emit(.guide(""))
        emit(.guide("Your work stays here to look around; `quit lesson` returns to your own session, `lesson` lists the others."))
    }

    /// The first reason the current step is not done yet, nil when every check holds.
    static func missing(in session: Session) -> String? {
        guard let step = session.lesson?.currentStep else { return nil }
        for check in step.checks {
            if let failure = check.failure(in: session) { return failure }
        }
        return nil
    }

    /// After a command of the learner's: keep it for rebuilding, and move on when the step is done,
    /// or say what is still missing. A failed command can do a step too (a gate's refusal is recorded), but its
    /// error says enough, so the guide only speaks when it moves on.
    static func after(_ command: Command, outcome: Interpreter.Outcome, in session: Session, emit: (OutputEvent) -> Void) {
        guard var state = session.lesson, !steering.contains(command.name), outcome != .quit else { return }
        let succeeded = outcome == .ok
        if succeeded, !showing.contains(command.name) { state.commands.append(command.source) }
        session.lesson = state
        if !state.isFinished {
            if let reason = missing(in: session) {
                if succeeded, !showing.contains(command.name) {
                    emit(.guide("not yet: \(reason) (`hint` helps; `skip` does this step for you)"))
                }
            } else {
                advance(session, emit: emit, how: "done")
            }
        }
        save(session, emit: emit)
    }

    /// Marks the current step done and presents the next one (or the summary); steps whose effect the learner
    /// already made earlier are done at once.
    static func advance(_ session: Session, emit: (OutputEvent) -> Void, how: String) {
        guard var state = session.lesson, let step = state.currentStep else { return }
        emit(.guide("✓ step \(state.step + 1) \(how): \(step.title)"))
        state.step += 1
        state.hintsShown = 0
        session.lesson = state
        while let next = session.lesson?.currentStep, missing(in: session) == nil {
            emit(.guide("✓ step \(state.step + 1) already done: \(next.title)"))
            state.step += 1
            session.lesson = state
        }
        present(state, emit: emit)
    }

    /// Saves where the learner is to the session's own store; a store that cannot be written costs only the resume.
    static func save(_ session: Session, emit: (OutputEvent) -> Void) {
        guard let state = session.lesson else { return }
        do {
            try session.homeStore.saveLessonProgress(state.progress(learner: session.actor))
        } catch {
            emit(.warning("cannot save your progress in \(state.lesson.name): \(error)"))
        }
    }
}
