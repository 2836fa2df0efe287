import Language

/// A guided lesson read from a lesson file (docs/LESSONS.md): an introduction, steps, and a summary.
public struct Lesson: Sendable, Equatable {
    /// The lesson's word for `lesson NAME`: the file name without its number and extension
    /// (`3-governance.lesson` is `governance`).
    public var name: String
    /// The number before the name in the file name, if any (`lesson 3`).
    public var number: Int?
    public var title: String
    public var path: String
    /// SHA-256 of the file, so saved progress can tell when the lesson changed under it.
    public var sha256: String
    public var introduction: [String]
    public var steps: [LessonStep]
    /// What the learner now has, shown when the last step is done.
    public var summary: [String]
}

/// One step: what to read, what to do, how mlw tells it was done, and hints.
public struct LessonStep: Sendable, Equatable {
    public var title: String
    /// The line of the step's `## ` heading.
    public var line: Int
    public var explanation: [String]
    public var task: String
    /// The expected commands: `skip` runs them, and `mlw lesson --solve` checks the lesson with them.
    public var solution: [LessonLine]
    /// Every check must hold for the step to be done.
    public var checks: [LessonCheck]
    /// Shown one at a time by `hint`.
    public var hints: [String]
}

/// A command of a lesson file with the line it stands on.
public struct LessonLine: Sendable, Equatable {
    public var command: Command
    public var line: Int
}

/// How a step tells that it was done: a fact of the session, not what was typed.
public struct LessonCheck: Sendable, Equatable {
    public enum Condition: Sendable, Equatable {
        /// `PATH OP VALUE`, as `assert` reads it: `rf.algorithm == forest`, `credit@2.stage == production`.
        case compare(path: String, op: ComparisonOperator, value: Value)
        /// `PATH`: the value exists (`compare.pvalue` after a compare).
        case exists(path: String)
        /// `file "PATH"`: the learner wrote this file in the lesson (`save`, `card ... to`), and it is there.
        case file(String)
    }

    public var condition: Condition
    /// The check as written.
    public var source: String
    public var line: Int
    /// The lesson's own hint for when this check fails (`otherwise:`).
    public var otherwise: String?
}
