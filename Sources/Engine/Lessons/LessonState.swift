import Foundation
import Store

/// A lesson being taken in a session: where the learner is, and what to put back when they leave.
public struct LessonState {
    /// Every lesson starts from this seed, so its steps replay the same whoever takes it.
    static let seed: UInt64 = 42

    public let lesson: Lesson
    /// The current step (0-based); `lesson.steps.count` once every step is done.
    public internal(set) var step: Int
    /// How many of the current step's hints were shown.
    var hintsShown = 0
    /// The commands so far that did the lesson's work, saved with the progress to rebuild it on return.
    var commands: [String]
    /// The session's own workspace, put back by `quit lesson`.
    var home: Workspace
    /// Where in the session's transcript the lesson began.
    var transcriptStart: Int

    public var isFinished: Bool { step >= lesson.steps.count }
    var currentStep: LessonStep? { isFinished ? nil : lesson.steps[step] }

    func progress(learner: String) -> LessonProgressRecord {
        LessonProgressRecord(lesson: lesson.name, learner: learner, lessonSHA256: lesson.sha256, step: step,
                             stepCount: lesson.steps.count, commands: commands, finishedAt: isFinished ? Date() : nil)
    }
}
