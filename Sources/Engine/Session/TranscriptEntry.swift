import Foundation

/// One command of a session with its output as recorded (`#>` lines), or the error it failed with.
public struct TranscriptEntry: Sendable, Equatable {
    public var source: String
    public var output: [String]
    public var failed: Bool
    /// How many of the last output lines are a lesson's guidance after the command (not the command's own output).
    public var guideLines: Int
    /// `lesson`, `hint`, `skip`, `back` or `quit lesson`: steering a lesson, not work of its own.
    public var steersLesson: Bool
    /// The commands a steering command ran for the learner (a skipped step's, or earlier work rebuilt on return),
    /// each with its own output, so that `save` in a lesson writes them as the learner's work.
    public var lessonWork: [TranscriptEntry]

    public init(source: String, output: [String], failed: Bool, guideLines: Int = 0, steersLesson: Bool = false,
                lessonWork: [TranscriptEntry] = []) {
        self.source = source
        self.output = output
        self.failed = failed
        self.guideLines = guideLines
        self.steersLesson = steersLesson
        self.lessonWork = lessonWork
    }

    /// The entry without the lesson's guidance, as a file of the learner's own work records it.
    var withoutGuide: TranscriptEntry {
        TranscriptEntry(source: source, output: Array(output.dropLast(guideLines)), failed: failed)
    }

    /// The entry as lines of a session file: the command (or `#! failed:` and the command), then `#> ` lines.
    public var fileLines: [String] {
        let head = failed ? ["#! failed: " + source.replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")] : [source]
        return head + output.map { $0.isEmpty ? "#>" : "#> " + $0 }
    }
}

/// The header and body of a session file.
public enum SessionFile {
    public static let version = "0.1.0"

    /// `#!` directives: the mlw version, the seed and the start time.
    public static func header(seed: UInt64, startedAt: Date) -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return ["#! mlw \(version)", "#! seed \(seed)", "#! started \(formatter.string(from: startedAt))"]
    }

    /// A whole session file for `save`.
    public static func text(of session: Session) -> String {
        let lines = header(seed: session.lesson == nil ? session.initialSeed : LessonState.seed, startedAt: session.startedAt)
            + entries(of: session).flatMap(\.fileLines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The commands `save` writes: the whole session, or inside a lesson the lesson's own work (no steering, no guidance),
    /// so that the file replays by itself.
    static func entries(of session: Session) -> [TranscriptEntry] {
        guard let lesson = session.lesson else { return session.transcript }
        return session.transcript.dropFirst(lesson.transcriptStart).flatMap { entry in
            entry.steersLesson ? entry.lessonWork : [entry.withoutGuide]
        }
    }
}
