import Engine
import Foundation

/// One cell as HTML: the file's comment above it, its number, the command, its output blocks and its error.
struct HTMLCell {
    let cell: Cell

    init(_ cell: Cell) { self.cell = cell }

    func render() -> String {
        let state = switch cell.status {
        case .passed: "passed"
        case .failed, .assertionFailed: "failed"
        case .notRun: "not-run"
        }
        var html = "<section class=\"cell \(state)\" id=\"cell-\(cell.number)\">\n"
        if !cell.comment.isEmpty { html += comment() }
        html += "<h2 class=\"number\">[\(cell.number)]</h2>\n<div class=\"card\">\n<div class=\"head\">"
        html += "<pre class=\"source\"><code>\(cell.source.htmlEscaped)</code></pre>"
        if let label = cell.statusLabel { html += "<span class=\"badge\">\(label)</span>" }
        html += "</div>\n"
        if cell.isRecorded {
            let why = cell.status == .notRun ? "not run because an earlier command failed" : "failed when it was recorded"
            html += "<p class=\"note\">\(why); the output is the session file’s recorded one</p>\n"
        }
        html += "<div class=\"output\">\(output())</div>\n"
        if !cell.error.isEmpty {
            html += "<pre class=\"error\">\(cell.error.joined(separator: "\n").htmlEscaped)</pre>\n"
        }
        html += "</div>\n</section>\n"
        return html
    }

    /// The comment lines as paragraphs: a blank comment line starts a new one.
    private func comment() -> String {
        var paragraphs: [[String]] = [[]]
        for line in cell.comment {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        let body = paragraphs.filter { !$0.isEmpty }.map { "<p>\($0.joined(separator: " ").htmlWithCodeSpans)</p>" }
        return "<div class=\"comment\">\(body.joined())</div>\n"
    }

    /// The events in order; consecutive lines of one kind share one `<pre>`.
    private func output() -> String {
        var ids = ChartIDs(cell: cell.number)
        var html = ""
        var pending: (kind: String, lines: [String])?
        func flush() {
            guard let block = pending else { return }
            html += "<pre class=\"\(block.kind)\">\(block.lines.joined(separator: "\n").htmlEscaped)</pre>"
            pending = nil
        }
        func add(_ kind: String, _ lines: [String]) {
            if pending?.kind != kind { flush() }
            pending = (kind, (pending?.lines ?? []) + lines)
        }
        for event in cell.output {
            switch event {
            case .line, .progress:
                add("text", event.lines(recorded: false))
            case .value:
                add("value", event.lines(recorded: false))
            case .warning:
                add("warning", event.lines(recorded: false))
            case .echo:
                add("echo", event.lines(recorded: false))
            case .guide:
                add("guide", event.lines(recorded: false))
            case .table(let table):
                flush()
                html += HTMLTable.render(table, ids: &ids)
            case .plot(let plot):
                flush()
                html += "<figure>" + SVGLinePlot.render(plot, id: ids.take()) + "</figure>"
            }
        }
        flush()
        return html
    }
}
