/// The one error type every layer reports to the user: a message, where it happened, and what would fix it.
///
/// Rendered as `file:line:col: error: message`, the offending line, a caret under the
/// offending word, and the hint (`did you mean ...?`) on its own line.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case error, assertion
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange?
    public var hint: String?

    public init(_ message: String, at range: SourceRange? = nil, hint: String? = nil, kind: Kind = .error) {
        self.message = message
        self.range = range
        self.hint = hint
        self.kind = kind
    }

    public var description: String { message }

    /// The same diagnostic placed on `line` of a file when it was raised without a position.
    public func placed(onLine line: Int, column: Int = 1, length: Int = 1) -> Diagnostic {
        guard range == nil else { return self }
        var copy = self
        copy.range = SourceRange(line: line, column: column, length: length)
        return copy
    }

    /// Lines for a reader: the located message, the source line with a caret, and the hint.
    ///
    /// - Parameters:
    ///   - file: printed before the position (`quickstart.mlw:3:7: error: ...`); nil prints `3:7: error: ...`.
    ///   - sourceLine: the text of the line the range points into, if known.
    public func rendered(file: String? = nil, sourceLine: String? = nil) -> [String] {
        let label = kind == .assertion ? "assertion failed" : "error"
        var position = ""
        if let range { position = "\(range.line):\(range.column): " }
        if let file { position = file + ":" + (range.map { "\($0.line):\($0.column): " } ?? " ") }
        var lines = ["\(position)\(label): \(message)"]
        if let range, let sourceLine {
            lines.append("  " + sourceLine)
            let pad = String(repeating: " ", count: max(0, range.column - 1))
            lines.append("  " + pad + String(repeating: "^", count: range.length))
        }
        if let hint { lines.append("  " + hint) }
        return lines
    }
}

extension Diagnostic {
    /// The diagnostic without its position, as a session file records a failed command.
    public var unplaced: Diagnostic {
        var copy = self
        copy.range = nil
        return copy
    }
}
