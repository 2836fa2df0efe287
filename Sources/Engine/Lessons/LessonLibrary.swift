import Foundation
import Language

/// Where lessons are found: `$MLW_LESSONS`, else `samples/lessons` under the working directory, else beside the
/// mlw executable's checkout (so `.build/release/mlw` finds the repository's lessons from anywhere).
public enum LessonLibrary {
    static let fileExtension = "lesson"

    static var directory: String? {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["MLW_LESSONS"], !configured.isEmpty { return configured }
        if fileManager.fileExists(atPath: "samples/lessons") { return "samples/lessons" }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("samples/lessons").path
            if fileManager.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The paths of the library's lesson files, in order: by number, then name.
    public static var files: [String] {
        guard let directory else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix("." + fileExtension) }
            .sorted { (LessonFile.name(ofFile: $0).0 ?? Int.max, $0) < (LessonFile.name(ofFile: $1).0 ?? Int.max, $1) }
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Every lesson file of the library in order, read; a file that cannot be read is a problem.
    static func all(parser: Parser) -> (lessons: [Lesson], problems: [LessonFileError]) {
        var lessons: [Lesson] = []
        var problems: [LessonFileError] = []
        for file in files {
            do {
                lessons.append(try LessonFile.read(path: file, parser: parser))
            } catch {
                problems.append(error)
            }
        }
        return (lessons, problems)
    }

    /// The names of the library's lessons, for completion.
    public static var names: [String] {
        all(parser: Parser(table: Vocabulary.table)).lessons.map(\.name)
    }

    /// The file of the library's lesson named (or numbered) `word`, nil when there is none.
    public static func path(of word: String) -> String? {
        files.first { file in
            let (number, name) = LessonFile.name(ofFile: file)
            return name == word || number.map(String.init) == word
        }
    }

    /// The lesson `word` names: a quoted path to a lesson file, a lesson's number, or its name.
    static func find(_ word: Located<Value>, parser: Parser) throws(Diagnostic) -> Lesson {
        if case .string(let path) = word.value {
            do {
                return try LessonFile.read(path: path, parser: parser)
            } catch {
                throw Diagnostic("cannot start the lesson: \(error)", at: word.range)
            }
        }
        let (lessons, problems) = all(parser: parser)
        let wanted = word.value.description
        if let lesson = lessons.first(where: { $0.name == wanted || $0.number.map(String.init) == wanted }) { return lesson }
        if let problem = problems.first(where: { LessonFile.name(ofFile: $0.path).1 == wanted }) {
            throw Diagnostic("cannot start lesson \(wanted): \(problem)", at: word.range)
        }
        guard directory != nil else {
            throw Diagnostic("no lessons found", at: word.range,
                             hint: "run mlw from its folder (samples/lessons), or set MLW_LESSONS to a folder of .lesson files")
        }
        throw Diagnostic("no lesson `\(wanted)`", at: word.range,
                         hint: Suggestion.hint(for: wanted, in: lessons.map(\.name))
                            ?? "lessons: " + lessons.map { lesson in lesson.number.map { "\($0) \(lesson.name)" } ?? lesson.name }.joined(separator: ", "))
    }
}
