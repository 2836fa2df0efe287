import Engine
import Language

/// Turns output events and diagnostics into terminal lines, coloured when the style allows.
struct EventRenderer {
    let style: TerminalStyle

    func lines(for event: OutputEvent) -> [String] {
        let plain = event.lines(recorded: false)
        switch event {
        case .table:
            guard plain.count >= 2 else { return plain }
            return [style.bold(plain[0]), style.dim(plain[1])] + plain.dropFirst(2)
        case .warning:
            return plain.map(style.yellow)
        case .echo:
            return plain.map(style.cyan)
        case .guide:
            return plain.map(style.green)
        case .line, .value, .plot, .progress:
            return plain
        }
    }

    /// An error under the line just typed: a caret row aligned with the input (after `indent` columns), then the message.
    func lines(for diagnostic: Diagnostic, source: String, indent: Int, echoSource: Bool) -> [String] {
        var lines: [String] = []
        let label = diagnostic.kind == .assertion ? "assertion failed" : "error"
        if let range = diagnostic.range {
            let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let lineIndex = range.line - 1
            let isFirst = lineIndex == 0
            if echoSource || !isFirst, lineIndex < sourceLines.count {
                lines.append(String(repeating: " ", count: indent) + sourceLines[lineIndex])
            }
            let pad = String(repeating: " ", count: indent + range.column - 1)
            lines.append(style.red(pad + String(repeating: "^", count: range.length)))
        }
        lines.append(style.red(style.bold("\(label):")) + " " + diagnostic.message)
        if let hint = diagnostic.hint {
            lines += hint.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return lines
    }
}
