import Engine

/// A notebook as Markdown (GitHub's dialect): a heading per cell, the command and output in fenced blocks,
/// tables as pipe tables, charts as the terminal draws them (Markdown has no place for inline SVG).
struct MarkdownPage {
    let notebook: Notebook

    init(_ notebook: Notebook) { self.notebook = notebook }

    func render() -> String {
        var blocks = ["# " + notebook.title.markdownEscaped]
        let about = notebook.details + [notebook.summary]
        blocks.append(about.map(\.markdownEscaped).joined(separator: "  \n"))
        for cell in notebook.cells { blocks += self.blocks(of: cell) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func blocks(of cell: Cell) -> [String] {
        var blocks: [String] = []
        if !cell.comment.isEmpty {
            blocks.append(cell.comment.map { "> " + $0 }.joined(separator: "\n"))
        }
        blocks.append("## [\(cell.number)]" + (cell.statusLabel.map { " — \($0)" } ?? ""))
        blocks.append(Self.fenced([cell.source], info: "mlw"))
        if cell.isRecorded {
            blocks.append(cell.status == .notRun ? "*Not run because an earlier command failed; the output is the session file’s recorded one.*"
                                                 : "*Failed when it was recorded; the output is the session file’s recorded one.*")
        }
        var lines: [String] = []
        func flush() {
            if !lines.isEmpty { blocks.append(Self.fenced(lines, info: "text")) }
            lines = []
        }
        for event in cell.output {
            if case .table(let table) = event {
                flush()
                blocks.append(Self.table(table))
            } else {
                lines += event.lines(recorded: false)
            }
        }
        flush()
        if !cell.error.isEmpty { blocks.append(Self.fenced(cell.error, info: "text")) }
        return blocks
    }

    /// A pipe table; cell text escaped, number columns right-aligned, charts as their block characters.
    static func table(_ table: Table) -> String {
        let header = "| " + table.columns.map { $0.title.isEmpty ? " " : $0.title.markdownEscaped }.joined(separator: " | ") + " |"
        let rule = "|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|") + "|"
        let rows = table.rows.map { row in
            "| " + table.columns.indices.map { index in
                let cell = index < row.count ? row[index] : ""
                return cell.isEmpty ? " " : cell.markdownEscaped
            }.joined(separator: " | ") + " |"
        }
        return ([header, rule] + rows).joined(separator: "\n")
    }

    /// A fenced code block whose fence is longer than any run of backticks in the text.
    static func fenced(_ lines: [String], info: String) -> String {
        let text = lines.joined(separator: "\n")
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + text + "\n" + fence
    }
}

extension String {
    /// Text safe in a Markdown paragraph or table cell: no table pipes, `*` emphasis, code spans, links or HTML
    /// (an underscore inside a word, as in column names, emphasises nothing in GitHub's Markdown).
    var markdownEscaped: String {
        var result = ""
        for character in self {
            switch character {
            case "\\", "`", "*", "|", "[", "]": result += "\\" + String(character)
            case "<": result += "&lt;"
            case "&": result += "&amp;"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
