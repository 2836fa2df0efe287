import Foundation
import GRDB

/// Where a learner stands in a lesson.
public struct LessonProgressRecord: Sendable, Hashable {
    public var lesson: String
    public var learner: String
    /// The lesson file's SHA-256 when the progress was saved.
    public var lessonSHA256: String
    /// The step the learner is on (0-based); `stepCount` once the lesson is finished.
    public var step: Int
    public var stepCount: Int
    /// The commands, in order, that rebuild the lesson's work when the learner comes back.
    public var commands: [String]
    public var finishedAt: Date?
    public var updatedAt: Date

    public init(lesson: String, learner: String, lessonSHA256: String, step: Int, stepCount: Int, commands: [String],
                finishedAt: Date? = nil, updatedAt: Date = Date()) {
        self.lesson = lesson
        self.learner = learner
        self.lessonSHA256 = lessonSHA256
        self.step = step
        self.stepCount = stepCount
        self.commands = commands
        self.finishedAt = finishedAt
        self.updatedAt = updatedAt
    }
}

/// Lesson progress, one row per lesson and learner.
///
/// ```swift
/// try store.saveLessonProgress(LessonProgressRecord(lesson: "experimentation", learner: "ana", lessonSHA256: hash,
///                                                   step: 3, stepCount: 7, commands: ["load ...", "split ..."]))
/// let progress = try store.lessonProgress(learner: "ana")
/// ```
extension Store {
    /// Saves (or replaces) the learner's progress in the lesson.
    /// - Throws: `StoreError` when the step is out of range.
    public func saveLessonProgress(_ progress: LessonProgressRecord) throws {
        let commands = String(decoding: try JSONEncoder().encode(progress.commands), as: UTF8.self)
        try writeTransaction("saving progress in lesson \(progress.lesson)") { db in
            try db.execute(sql: """
                INSERT INTO lesson_progress (lesson, learner, lesson_sha256, step, step_count, commands, finished_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lesson, learner) DO UPDATE SET
                    lesson_sha256 = excluded.lesson_sha256, step = excluded.step, step_count = excluded.step_count,
                    commands = excluded.commands, finished_at = excluded.finished_at, updated_at = excluded.updated_at
                """, arguments: [progress.lesson, progress.learner, progress.lessonSHA256, progress.step, progress.stepCount,
                                 commands, progress.finishedAt, progress.updatedAt])
        }
    }

    /// The learner's progress in one lesson, or nil before they started it.
    public func lessonProgress(_ lesson: String, learner: String) throws -> LessonProgressRecord? {
        try lessonProgress(learner: learner).first { $0.lesson == lesson }
    }

    /// The learner's progress in every lesson they started.
    public func lessonProgress(learner: String) throws -> [LessonProgressRecord] {
        try read("reading lesson progress") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM lesson_progress WHERE learner = ? ORDER BY lesson", arguments: [learner]).map { row in
                let json: String = row["commands"]
                return LessonProgressRecord(lesson: row["lesson"], learner: row["learner"], lessonSHA256: row["lesson_sha256"],
                                            step: row["step"], stepCount: row["step_count"],
                                            commands: try JSONDecoder().decode([String].self, from: Data(json.utf8)),
                                            finishedAt: row["finished_at"], updatedAt: row["updated_at"])
            }
        }
    }
}
