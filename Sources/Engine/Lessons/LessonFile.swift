import Foundation
import Language
import Store

/// A lesson file that cannot be read, with the file and line that are wrong.
public struct LessonFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public var description: String { "\(path):\(line): \(message)" }
}

/// Reads the lesson format of docs/LESSONS.md: `# Title`, an introduction, `## ` steps with `task:`, `do:`,
/// `check:`, `otherwise:` and `hint:` lines, and a closing `## Summary`.
enum LessonFile {
    static let keys = ["task", "do", "check", "otherwise", "hint"]

    static func read(path: String, parser: Parser) throws(LessonFileError) -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonFileError(path: path, line: 1, message: "cannot read the lesson file: no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonFileError(path: path, line: 1, message: "the lesson file is not UTF-8 text")
        }
        return try parse(text, path: path, sha256: Store.sha256(data), parser: parser)
    }

    static func parse(_ text: String, path: String, sha256: String = "", parser: Parser) throws(LessonFileError) -> Lesson {
        func fail(_ line: Int, _ message: String) -> LessonFileError { LessonFileError(path: path, line: line, message: message) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        guard let titleIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw fail(1, "the lesson file is empty; it starts with `# Title`")
        }
        guard lines[titleIndex].hasPrefix("# ") else {
            throw fail(titleIndex + 1, "a lesson starts with its title as `# Title`, found `\(lines[titleIndex])`")
        }
        let (number, name) = Self.name(ofFile: path)
        var lesson = Lesson(name: name, number: number, title: lines[titleIndex].dropFirst(2).trimmingCharacters(in: .whitespaces),
                            path: path, sha256: sha256, introduction: [], steps: [], summary: [])
        var section: Section?
        var sections: [Section] = []
        var introduction: [String] = []
        var index = titleIndex + 1
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.hasPrefix("## ") {
                if let section { sections.append(section) }
                section = Section(title: line.dropFirst(3).trimmingCharacters(in: .whitespaces), line: number)
                continue
            }
            if line.hasPrefix("#") {
                throw fail(number, "only `# Title` (the first line) and `## Step` headings are known; found `\(line)`")
            }
            guard var current = section else {
                if let key = try Self.key(of: line, at: number, path: path) {
                    throw fail(number, "`\(key):` belongs to a step; start one with `## Step title` first")
                }
                introduction.append(line)
                continue
            }
            if let key = try Self.key(of: line, at: number, path: path) {
                var value = line.drop(while: { $0 != ":" }).dropFirst().trimmingCharacters(in: .whitespaces)
                // Lines indented by two spaces or more continue the key's text.
                while index < lines.count, lines[index].hasPrefix("  "), !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                    value += " " + lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                guard !value.isEmpty else { throw fail(number, "`\(key):` needs text after it") }
                current.entries.append(Entry(key: key, value: value, line: number))
            } else {
                current.text.append(line)
            }
            section = current
        }
        if let section { sections.append(section) }
        lesson.introduction = trimmed(introduction)
        guard let last = sections.last else {
            throw fail(lines.count, "the lesson has no steps: write `## Step title` sections, then `## Summary`")
        }
        guard last.title.lowercased() == "summary", last.entries.isEmpty else {
            throw fail(last.line, "a lesson ends with `## Summary`, plain text of what the learner now has"
                           + (last.entries.isEmpty ? "" : "; this last section has `\(last.entries[0].key):` lines, so it is a step"))
        }
        lesson.summary = trimmed(last.text)
        for section in sections.dropLast() {
            lesson.steps.append(try step(section, path: path, parser: parser))
        }
        guard !lesson.steps.isEmpty else {
            throw fail(last.line, "the lesson has no steps before `## Summary`")
        }
        return lesson
    }

    /// `3-governance.lesson` → (3, "governance").
    static func name(ofFile path: String) -> (Int?, String) {
        var base = (path as NSString).lastPathComponent
        if base.hasSuffix(".lesson") { base = String(base.dropLast(".lesson".count)) }
        let digits = base.prefix(while: \.isNumber)
        guard !digits.isEmpty, base.dropFirst(digits.count).first == "-" else { return (nil, base) }
        return (Int(digits), String(base.dropFirst(digits.count + 1)))
    }

    private struct Entry {
        var key: String
        var value: String
        var line: Int
    }

    private struct Section {
        var title: String
        var line: Int
        var text: [String] = []
        var entries: [Entry] = []
    }

    /// The key a line starts with (`check:`), nil for prose; a near miss (`chek:`) is an error, not prose.
    private static func key(of line: String, at number: Int, path: String) throws(LessonFileError) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let word = String(line[..<colon])
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter }), word == word.lowercased() else { return nil }
        if keys.contains(word) { return word }
        if let near = Suggestion.nearest(to: word, in: keys), Suggestion.editDistance(word, near) <= 2 {
            throw LessonFileError(path: path, line: number, message: "unknown key `\(word):`; did you mean `\(near):`?")
        }
        return nil
    }

    private static func step(_ section: Section, path: String, parser: Parser) throws(LessonFileError) -> LessonStep {
        func fail(_ line: Int, _ message: String) -> LessonFileError {
            LessonFileError(path: path, line: line, message: "step \"\(section.title)\": " + message)
        }
        var step = LessonStep(title: section.title, line: section.line, explanation: trimmed(section.text),
                              task: "", solution: [], checks: [], hints: [])
        var tasks: [String] = []
        for entry in section.entries {
            switch entry.key {
            case "task":
                tasks.append(entry.value)
            case "do":
                switch parser.parse(entry.value, firstLine: entry.line) {
                case .command(let command):
                    step.solution.append(LessonLine(command: command, line: entry.line))
                case .failure(let problems):
                    let problem = problems[0]
                    throw fail(entry.line, "`do: \(entry.value)` does not parse: \(problem.message)"
                                   + (problem.hint.map { " (\($0))" } ?? ""))
                case .empty:
                    throw fail(entry.line, "`do:` needs a command")
                }
            case "check":
                step.checks.append(LessonCheck(condition: try condition(entry.value, line: entry.line, fail: fail),
                                               source: entry.value, line: entry.line))
            case "otherwise":
                guard !step.checks.isEmpty, step.checks[step.checks.count - 1].otherwise == nil else {
                    throw fail(entry.line, "`otherwise:` gives the hint for the `check:` just above it, and there is none")
                }
                step.checks[step.checks.count - 1].otherwise = entry.value
            default:
                step.hints.append(entry.value)
            }
        }
        step.task = tasks.joined(separator: " ")
        if step.task.isEmpty { throw fail(section.line, "a step needs a `task:` line saying what to do") }
        if step.solution.isEmpty { throw fail(section.line, "a step needs at least one `do:` line, the command that solves it") }
        if step.checks.isEmpty { throw fail(section.line, "a step needs at least one `check:` line that tells it was done") }
        return step
    }

    /// `PATH OP VALUE`, `PATH` or `file "PATH"`.
    private static func condition(_ text: String, line: Int,
                                  fail: (Int, String) -> LessonFileError) throws(LessonFileError) -> LessonCheck.Condition {
        let tokens: [LexedToken]
        do {
            tokens = try Lexer.tokenize(text, firstLine: line)
        } catch {
            throw fail(line, "`check: \(text)`: \(error.message)")
        }
        let shapes = "a check reads `PATH OP VALUE` (rf.algorithm == forest), `PATH` (the value exists) or `file \"PATH\"`"
        let words = tokens.map(\.token)
        if words.count == 2, words[0] == .word("file"), case .string(let file) = words[1] { return .file(file) }
        guard case .word(let path)? = words.first else { throw fail(line, "`check: \(text)`: " + shapes) }
        if words.count == 1 { return .exists(path: path) }
        guard words.count == 3, case .comparison(let op) = words[1] else { throw fail(line, "`check: \(text)`: " + shapes) }
        switch words[2] {
        case .word(let word): return .compare(path: path, op: op, value: word == "true" || word == "false" ? .bool(word == "true") : .word(word))
        case .string(let string): return .compare(path: path, op: op, value: .string(string))
        case .number(let number, let written, _): return .compare(path: path, op: op, value: .number(number, text: written))
        default: throw fail(line, "`check: \(text)`: " + shapes)
        }
    }

    /// Lines without leading and trailing blank lines.
    private static func trimmed(_ lines: [String]) -> [String] {
        let isBlank = { (line: String) in line.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
        return Array(lines[first...last])
    }
}
