import Foundation
import LineEditing

/// Where the REPL's lines come from: libedit on a terminal, plain reads from a pipe.
protocol LineSource {
    /// The next logical line (continuations with `\` joined), or nil at the end of input.
    func read(prompt: String, continuation: String) -> String?
    func remember(_ line: String)
}

extension LineSource {
    /// Reads physical lines with `next` until one does not end in `\`.
    func joined(first: String, next: () -> String?) -> String {
        var line = first
        while line.hasSuffix("\\"), let more = next() { line += "\n" + more }
        return line
    }
}

/// Lines from standard input when it is not a terminal; no prompt, no history.
struct PipedLines: LineSource {
    func read(prompt: String, continuation: String) -> String? {
        guard let first = Swift.readLine(strippingNewline: true) else { return nil }
        return joined(first: first) { Swift.readLine(strippingNewline: true) }
    }

    func remember(_ line: String) {}
}

/// Lines from libedit, with history and completion; Ctrl-C cancels the line, Ctrl-D ends input.
struct EditedLines: LineSource {
    let editor: LineEditor

    func read(prompt: String, continuation: String) -> String? {
        while true {
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                return nil
            case .interrupted:
                continue
            case .line(let first):
                return joined(first: first) {
                    if case .line(let more) = editor.readLine(prompt: continuation) { return more }
                    return nil
                }
            }
        }
    }

    func remember(_ line: String) {
        editor.addToHistory(line.replacingOccurrences(of: "\\\n", with: " "))
    }
}

/// Lines given up front (`mlw lesson NAME` starts with `lesson NAME`), shown after the prompt, then the source's own.
final class StartingLines: LineSource {
    private var pending: [String]
    private let rest: LineSource

    init(_ lines: [String], then rest: LineSource) {
        pending = lines
        self.rest = rest
    }

    func read(prompt: String, continuation: String) -> String? {
        guard !pending.isEmpty else { return rest.read(prompt: prompt, continuation: continuation) }
        let line = pending.removeFirst()
        if !prompt.isEmpty { print(prompt + line) }
        return line
    }

    func remember(_ line: String) { rest.remember(line) }
}
