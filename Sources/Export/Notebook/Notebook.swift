import Engine

/// A session as a page: a title, a few lines about where it came from, and its numbered cells.
///
/// ```swift
/// let notebook = Notebook(title: "quickstart", cells: recorder.cells)
/// try notebook.page(.html).write(toFile: "quickstart.html", atomically: true, encoding: .utf8)
/// ```
public struct Notebook: Sendable, Equatable {
    public var title: String
    /// Lines under the title: where the session came from, its seed.
    public var details: [String]
    public var cells: [Cell]

    public init(title: String, details: [String] = [], cells: [Cell]) {
        self.title = title
        self.details = details
        self.cells = cells
    }

    /// "12 commands, 1 failed".
    public var summary: String {
        let failed = cells.filter(\.isFailure).count
        let notRun = cells.filter { $0.status == .notRun }.count
        var parts = [Formatting.count(cells.count, "command")]
        if failed > 0 { parts.append("\(failed) failed") }
        if notRun > 0 { parts.append("\(notRun) not run") }
        return parts.joined(separator: ", ")
    }

    /// The whole page in `format`: self-contained HTML (inline CSS and SVG), or Markdown.
    public func page(_ format: NotebookFormat) -> String {
        switch format {
        case .html: HTMLPage(self).render()
        case .markdown: MarkdownPage(self).render()
        }
    }
}
